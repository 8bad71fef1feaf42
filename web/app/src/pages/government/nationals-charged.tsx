import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { LoadMore } from "../../components/load-more";
import { PartialDateText } from "../../components/partial-date-text";
import { QueryError } from "../../components/query-state";
import { graphql } from "../../gql";
import { enumLabel } from "../../lib/labels";
import { paths } from "../../lib/paths";
import { usePageCursor } from "../../lib/use-page-cursor";

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
  const [after, setAfter] = usePageCursor(governmentId);
  const [{ data, fetching, error }] = useQuery({
    query: NationalsChargedQuery,
    variables: { id: governmentId, after },
  });
  const nationals = data?.government?.nationalsCharged;
  return (
    <section aria-labelledby="nationals-charged" className="block">
      <h2 id="nationals-charged">
        Nationals charged {nationals && <span className="count">{nationals.totalCount}</span>}
      </h2>
      {error && <QueryError error={error} />}
      {nationals?.totalCount === 0 && <p className="muted">None on record.</p>}
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
      <LoadMore what="nationals" connection={nationals} fetching={fetching} onLoadMore={setAfter} />
    </section>
  );
}
