import { Link } from "react-router-dom";
import {
  IncidentLineFields,
  IncidentLinePage,
  IncidentWhenKind,
} from "../../components/incident-line";
import { ListSection } from "../../components/list-section";
import { getFragmentData, graphql } from "../../gql";
import { paths } from "../../lib/paths";
import { usePagedQuery } from "../../lib/use-paged-query";

const ActorIncidentsQuery = graphql(`
  query ActorIncidents($id: ID!, $after: String) {
    threatActor(id: $id) {
      id
      incidents(first: 10, after: $after) {
        ...IncidentLinePage
      }
    }
  }
`);

export function ActorIncidents({ actorId }: { actorId: string }) {
  const page = usePagedQuery(actorId, ActorIncidentsQuery, { id: actorId });
  const incidents = getFragmentData(IncidentLinePage, page.data?.threatActor?.incidents);
  return (
    <ListSection
      id="actor-incidents"
      title="Incidents"
      what="incidents"
      page={page}
      connection={incidents}
    >
      <ul className="plain-list">
        {incidents?.nodes.map((node) => {
          const incident = getFragmentData(IncidentLineFields, node);
          return (
            <li key={incident.id}>
              <Link to={paths.incident(incident.id)}>{incident.name}</Link>{" "}
              <span className="muted">
                · <IncidentWhenKind incident={node} />
              </span>
            </li>
          );
        })}
      </ul>
    </ListSection>
  );
}
