import { Link } from "react-router-dom";
import {
  AttributionDelayFields,
  DelayText,
  LegalActionDelayFields,
} from "../../components/delay-text";
import { DateFact, Fact } from "../../components/fact";
import { LinkList } from "../../components/link-list";
import { type FragmentType, getFragmentData, graphql } from "../../gql";
import type { IncidentFactsFragment } from "../../gql/graphql";
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
  return (
    <dl className="facts">
      <DateFact term="First observed" date={facts.firstObserved} />
      <DateFact term="Disclosed" date={facts.disclosed} />
      <DateFact term="Ended" date={facts.ended} />
      {(facts.firstObserved || facts.disclosed) && <DelayFacts facts={facts} />}
      {facts.impact && <Fact term="Impact (as stated)">{facts.impact}</Fact>}
      {facts.sectors.length > 0 && <Fact term="Sectors">{facts.sectors.join(", ")}</Fact>}
      {countries.length > 0 && (
        <Fact term="Targeted">
          <LinkList records={countries} to={paths.government} />
        </Fact>
      )}
      {facts.cves.length > 0 && <Fact term="Vulnerabilities">{facts.cves.join(", ")}</Fact>}
    </dl>
  );
}

/** How long until the first attribution and the first legal action, and which they were. */
function DelayFacts({ facts }: { facts: IncidentFactsFragment }) {
  const attributed = facts.timeToFirstAttribution;
  const charged = facts.timeToFirstLegalAction;
  return (
    <>
      <Fact term="First attributed">
        <DelayText delay={getFragmentData(AttributionDelayFields, attributed)} />
        {attributed && (
          <>
            {" · by "}
            <Link to={paths.government(attributed.statement.issuer.id)}>
              {attributed.statement.issuer.name}
            </Link>
          </>
        )}
      </Fact>
      <Fact term="First legal action">
        <DelayText delay={getFragmentData(LegalActionDelayFields, charged)} />
        {charged && (
          <>
            {" · "}
            <Link to={paths.legalAction(charged.legalAction.id)}>{charged.legalAction.title}</Link>
          </>
        )}
      </Fact>
    </>
  );
}
