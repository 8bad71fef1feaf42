import { Link } from "react-router-dom";
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
  }
`);

/** Dates, impact as stated, sectors, countries and CVEs, as a list of terms. */
export function IncidentFacts({
  incident,
}: {
  incident: FragmentType<typeof IncidentFactsFields>;
}) {
  const facts = getFragmentData(IncidentFactsFields, incident);
  const countries = facts.targetedCountries.nodes;
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
