import { Link } from "react-router-dom";
import { Block } from "../../components/block";
import { formatPeriod } from "../../lib/partial-date";
import { type FragmentType, getFragmentData, graphql } from "../../gql";
import { paths } from "../../lib/paths";

export const PersonAffiliationFields = graphql(`
  fragment PersonAffiliationFields on Person {
    affiliations {
      actor {
        id
        name
      }
      agency {
        id
        name
      }
      employer
      role
      from {
        value
        precision
      }
      to {
        value
        precision
      }
    }
  }
`);

/** Threat actors, agencies or units and employers the person worked for or with. */
export function PersonAffiliations({
  person,
}: {
  person: FragmentType<typeof PersonAffiliationFields>;
}) {
  const { affiliations } = getFragmentData(PersonAffiliationFields, person);
  if (affiliations.length === 0) return null;
  return (
    <Block id="person-affiliations" title="Affiliations">
      <ul className="plain-list">
        {affiliations.map((affiliation, index) => {
          const period = formatPeriod(affiliation.from, affiliation.to);
          const parts = [
            affiliation.actor && (
              <Link key="actor" to={paths.threatActor(affiliation.actor.id)}>
                {affiliation.actor.name}
              </Link>
            ),
            affiliation.agency && <span key="agency">{affiliation.agency.name}</span>,
            affiliation.employer && <span key="employer">{affiliation.employer}</span>,
          ].filter(Boolean);
          return (
            <li key={index}>
              {affiliation.role && <>{affiliation.role}: </>}
              {parts.flatMap((part, i) => (i === 0 ? [part] : [" · ", part]))}
              {period && <span className="muted"> ({period})</span>}
            </li>
          );
        })}
      </ul>
    </Block>
  );
}
