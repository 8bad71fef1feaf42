import { IncidentHeading, IncidentLineFields, IncidentLinePage } from "../components/incident-line";
import { ListSection } from "../components/list-section";
import { getFragmentData, graphql } from "../gql";
import { usePagedQuery } from "../lib/use-paged-query";

const LatestIncidentsQuery = graphql(`
  query LatestIncidents($after: String) {
    incidents(first: 8, after: $after, orderBy: { field: OCCURRED_AT, direction: DESC }) {
      ...IncidentLinePage
    }
  }
`);

/** Every incident, latest first, a page at a time. */
export function LatestIncidents() {
  const page = usePagedQuery("incidents", LatestIncidentsQuery, {});
  const incidents = getFragmentData(IncidentLinePage, page.data?.incidents);
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
          {incidents.nodes.map((node) => (
            <li key={getFragmentData(IncidentLineFields, node).id} className="card">
              <IncidentHeading incident={node} />
            </li>
          ))}
        </ul>
      )}
    </ListSection>
  );
}
