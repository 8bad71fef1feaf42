import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { LoadMore } from "../components/load-more";
import { PartialDateText } from "../components/partial-date-text";
import { Loading, QueryError } from "../components/query-state";
import { graphql } from "../gql";
import { enumLabel } from "../lib/labels";
import { paths } from "../lib/paths";
import { usePageCursor } from "../lib/use-page-cursor";

const LatestIncidentsQuery = graphql(`
  query LatestIncidents($after: String) {
    incidents(first: 8, after: $after, orderBy: { field: OCCURRED_AT, direction: DESC }) {
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
`);

/** Every incident, latest first, a page at a time. */
export function LatestIncidents() {
  const [after, setAfter] = usePageCursor("incidents");
  const [{ data, fetching, error }] = useQuery({
    query: LatestIncidentsQuery,
    variables: { after },
  });
  const incidents = data?.incidents;
  return (
    <section aria-labelledby="latest-title">
      <h2 id="latest-title">Incidents</h2>
      {error && <QueryError error={error} />}
      {!incidents && fetching && <Loading what="incidents" />}
      {incidents && (
        <>
          <ul className="cards incident-list">
            {incidents.nodes.map((incident) => (
              <li key={incident.id} className="card">
                <h3>
                  <Link to={paths.incident(incident.id)}>{incident.name}</Link>
                </h3>
                <p className="muted">
                  <PartialDateText date={incident.firstObserved} /> · {enumLabel(incident.kind)}
                </p>
              </li>
            ))}
          </ul>
          <LoadMore
            what="incidents"
            connection={incidents}
            fetching={fetching}
            onLoadMore={setAfter}
          />
        </>
      )}
    </section>
  );
}
