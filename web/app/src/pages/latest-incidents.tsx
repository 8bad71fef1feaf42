import { Link } from "react-router-dom";
import { PartialDateText } from "../components/partial-date-text";
import { graphql } from "../gql";
import { enumLabel } from "../lib/labels";
import { paths } from "../lib/paths";
import { ListSection } from "../components/list-section";
import { usePagedQuery } from "../lib/use-paged-query";

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
  const page = usePagedQuery("incidents", LatestIncidentsQuery, {});
  const incidents = page.data?.incidents;
  return (
    <ListSection
      id="latest-title"
      title="Incidents"
      what="incidents"
      className={null}
      empty={null}
      loading
      page={page}
      connection={incidents}
    >
      {incidents && (
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
      )}
    </ListSection>
  );
}
