import { Link } from "react-router-dom";
import { PartialDateText } from "../../components/partial-date-text";
import { graphql } from "../../gql";
import { enumLabel } from "../../lib/labels";
import { paths } from "../../lib/paths";
import { ListSection } from "../../components/list-section";
import { usePagedQuery } from "../../lib/use-paged-query";

const NationalsChargedQuery = graphql(`
  query NationalsCharged($id: ID!, $after: String) {
    government(id: $id) {
      id
      nationalsCharged(first: 20, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
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
            id
            title
            kind
            announced {
              value
              precision
            }
          }
        }
      }
    }
  }
`);

export function NationalsCharged({ governmentId }: { governmentId: string }) {
  const page = usePagedQuery(governmentId, NationalsChargedQuery, {
    id: governmentId,
  });
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
        {nationals?.nodes.map((defendant) => (
          <li key={`${defendant.legalAction.id}:${defendant.name}`}>
            <strong>
              {defendant.person ? (
                <Link to={paths.person(defendant.person.id)}>{defendant.name}</Link>
              ) : (
                defendant.name
              )}
            </strong>
            {defendant.employer && <> · {defendant.employer}</>}
            {defendant.affiliatedActor && (
              <>
                {" · "}
                <Link to={paths.threatActor(defendant.affiliatedActor.id)}>
                  {defendant.affiliatedActor.name}
                </Link>
              </>
            )}
            {" · "}
            <Link to={paths.legalAction(defendant.legalAction.id)}>
              {defendant.legalAction.title}
            </Link>{" "}
            <span className="muted">
              ({enumLabel(defendant.legalAction.kind)},{" "}
              <PartialDateText date={defendant.legalAction.announced} />)
            </span>
            <span className="badge">{enumLabel(defendant.status)}</span>
          </li>
        ))}
      </ul>
    </ListSection>
  );
}
