import { AttributionItem } from "../../components/attribution-item";
import { graphql } from "../../gql";
import { ListSection } from "../../components/list-section";
import { usePagedQuery } from "../../lib/use-paged-query";

const IncidentAttributionsQuery = graphql(`
  query IncidentAttributions($id: ID!, $after: String) {
    incident(id: $id) {
      id
      attributions(first: 20, after: $after, orderBy: { field: ISSUED_AT, direction: ASC }) {
        totalCount
        pageInfo {
          ...PageFields
        }
        nodes {
          id
          ...AttributionFields
        }
      }
    }
  }
`);

/** Who blamed whom and when: the attributions of an incident, oldest first. */
export function IncidentAttributions({ incidentId }: { incidentId: string }) {
  const page = usePagedQuery(incidentId, IncidentAttributionsQuery, {
    id: incidentId,
  });
  return (
    <ListSection
      id="who-blamed-whom"
      title="Who blamed whom"
      what="attributions"
      empty="No attribution on record."
      loading
      page={page}
      connection={page.data?.incident?.attributions}
    >
      {(attributions) => (
        <ol className="timeline">
          {attributions.nodes.map((attribution) => (
            <li key={attribution.id}>
              <AttributionItem attribution={attribution} />
            </li>
          ))}
        </ol>
      )}
    </ListSection>
  );
}
