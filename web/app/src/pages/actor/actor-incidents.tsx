import { Link } from "react-router-dom";
import { PartialDateText } from "../../components/partial-date-text";
import { graphql } from "../../gql";
import { enumLabel } from "../../lib/labels";
import { paths } from "../../lib/paths";
import { ListSection } from "../../components/list-section";
import { usePagedQuery } from "../../lib/use-paged-query";

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
  const page = usePagedQuery(actorId, ActorIncidentsQuery, {
    id: actorId,
  });
  const incidents = page.data?.threatActor?.incidents;
  return (
    <ListSection
      id="actor-incidents"
      title="Incidents"
      what="incidents"
      page={page}
      connection={incidents}
    >
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
    </ListSection>
  );
}
