import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { LoadMore } from "../../components/load-more";
import { PartialDateText } from "../../components/partial-date-text";
import { QueryError } from "../../components/query-state";
import { graphql } from "../../gql";
import { enumLabel } from "../../lib/labels";
import { paths } from "../../lib/paths";
import { usePageCursor } from "../../lib/use-page-cursor";

const ActorIncidentsQuery = graphql(`
  query ActorIncidents($id: ID!, $after: String) {
    threatActor(id: $id) {
      id
      incidents(first: 10, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          name
          kind
          firstObserved {
            value
            precision
          }
        }
      }
    }
  }
`);

export function ActorIncidents({ actorId }: { actorId: string }) {
  const [after, setAfter] = usePageCursor(actorId);
  const [{ data, fetching, error }] = useQuery({
    query: ActorIncidentsQuery,
    variables: { id: actorId, after },
  });
  const incidents = data?.threatActor?.incidents;
  return (
    <section aria-labelledby="actor-incidents" className="block">
      <h2 id="actor-incidents">Incidents</h2>
      {error && <QueryError error={error} />}
      {incidents?.totalCount === 0 && <p className="muted">None on record.</p>}
      <ul className="plain-list">
        {incidents?.nodes.map((incident) => (
          <li key={incident.id}>
            <Link to={paths.incident(incident.id)}>{incident.name}</Link>{" "}
            <span className="muted">
              · <PartialDateText date={incident.firstObserved} /> · {enumLabel(incident.kind)}
            </span>
          </li>
        ))}
      </ul>
      <LoadMore what="incidents" connection={incidents} fetching={fetching} onLoadMore={setAfter} />
    </section>
  );
}
