import { Link } from "react-router-dom";
import {
  AttributionDelayFields,
  DelayText,
  LegalActionDelayFields,
} from "../../components/delay-text";
import { PartialDateText } from "../../components/partial-date-text";
import { type FragmentType, getFragmentData, graphql } from "../../gql";
import { paths } from "../../lib/paths";

export const IncidentFactsFields = graphql(`
  fragment IncidentFacts on Incident {
    impact
    sectors
    cves
    firstObserved {
      value
      precision
    }
    disclosed {
      value
      precision
    }
    ended {
      value
      precision
    }
    targetedCountries(first: 50) {
      nodes {
        id
        name
      }
    }
    timeToFirstAttribution {
      ...AttributionDelayFields
      statement {
        id
        issuer {
          id
          name
        }
      }
    }
    timeToFirstLegalAction {
      ...LegalActionDelayFields
      legalAction {
        id
        title
      }
    }
  }
`);

/**
 * Dates, how long until the first attribution and the first legal action, impact as stated,
 * sectors, countries and CVEs, as a list of terms.
 */
export function IncidentFacts({
  incident,
}: {
  incident: FragmentType<typeof IncidentFactsFields>;
}) {
  const facts = getFragmentData(IncidentFactsFields, incident);
  const countries = facts.targetedCountries.nodes;
  const attributed = facts.timeToFirstAttribution;
  const charged = facts.timeToFirstLegalAction;
  return (
    <dl className="facts">
      {facts.firstObserved && (
        <div>
          <dt>First observed</dt>
          <dd>
            <PartialDateText date={facts.firstObserved} />
          </dd>
        </div>
      )}
      {facts.disclosed && (
        <div>
          <dt>Disclosed</dt>
          <dd>
            <PartialDateText date={facts.disclosed} />
          </dd>
        </div>
      )}
      {facts.ended && (
        <div>
          <dt>Ended</dt>
          <dd>
            <PartialDateText date={facts.ended} />
          </dd>
        </div>
      )}
      {(facts.firstObserved || facts.disclosed) && (
        <>
          <div>
            <dt>First attributed</dt>
            <dd>
              <DelayText delay={getFragmentData(AttributionDelayFields, attributed)} />
              {attributed && (
                <>
                  {" · by "}
                  <Link to={paths.government(attributed.statement.issuer.id)}>
                    {attributed.statement.issuer.name}
                  </Link>
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>First legal action</dt>
            <dd>
              <DelayText delay={getFragmentData(LegalActionDelayFields, charged)} />
              {charged && (
                <>
                  {" · "}
                  <Link to={paths.legalAction(charged.legalAction.id)}>
                    {charged.legalAction.title}
                  </Link>
                </>
              )}
            </dd>
          </div>
        </>
      )}
      {facts.impact && (
        <div>
          <dt>Impact (as stated)</dt>
          <dd>{facts.impact}</dd>
        </div>
      )}
      {facts.sectors.length > 0 && (
        <div>
          <dt>Sectors</dt>
          <dd>{facts.sectors.join(", ")}</dd>
        </div>
      )}
      {countries.length > 0 && (
        <div>
          <dt>Targeted</dt>
          <dd>
            {countries.map((country, index) => (
              <span key={country.id}>
                {index > 0 && ", "}
                <Link to={paths.government(country.id)}>{country.name}</Link>
              </span>
            ))}
          </dd>
        </div>
      )}
      {facts.cves.length > 0 && (
        <div>
          <dt>Vulnerabilities</dt>
          <dd>{facts.cves.join(", ")}</dd>
        </div>
      )}
    </dl>
  );
}
