import { DefendantName, DefendantTies } from "../../components/defendant";
import { LegalActionLineFields, LegalActionLink } from "../../components/legal-action-line";
import { ListSection } from "../../components/list-section";
import { PartialDateText } from "../../components/partial-date-text";
import { getFragmentData, graphql } from "../../gql";
import { enumLabel } from "../../lib/labels";
import { usePagedQuery } from "../../lib/use-paged-query";

const NationalsChargedQuery = graphql(`
  query NationalsCharged($id: ID!, $after: String) {
    government(id: $id) {
      id
      nationalsCharged(first: 20, after: $after) {
        totalCount
        pageInfo {
          ...PageFields
        }
        nodes {
          name
          person {
            id
          }
          status
          employer
          affiliatedActor {
            id
            name
          }
          legalAction {
            ...LegalActionLineFields
          }
        }
      }
    }
  }
`);

export function NationalsCharged({ governmentId }: { governmentId: string }) {
  const page = usePagedQuery(governmentId, NationalsChargedQuery, { id: governmentId });
  const nationals = page.data?.government?.nationalsCharged;
  return (
    <ListSection
      id="nationals-charged"
      title="Nationals charged"
      what="nationals"
      count
      page={page}
      connection={nationals}
    >
      <ul className="plain-list">
        {nationals?.nodes.map((defendant) => {
          const action = getFragmentData(LegalActionLineFields, defendant.legalAction);
          return (
            <li key={`${action.id}:${defendant.name}`}>
              <strong>
                <DefendantName name={defendant.name} person={defendant.person} />
              </strong>
              <DefendantTies
                employer={defendant.employer}
                affiliatedActor={defendant.affiliatedActor}
              />
              {" · "}
              <LegalActionLink legalAction={defendant.legalAction} />{" "}
              <span className="muted">
                ({enumLabel(action.kind)}, <PartialDateText date={action.announced} />)
              </span>
              <span className="badge">{enumLabel(defendant.status)}</span>
            </li>
          );
        })}
      </ul>
    </ListSection>
  );
}
