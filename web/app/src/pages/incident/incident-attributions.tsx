import { useQuery } from "urql";
import { AttributionItem } from "../../components/attribution-item";
import { LoadMore } from "../../components/load-more";
import { Loading, QueryError } from "../../components/query-state";
import { graphql } from "../../gql";
import { usePageCursor } from "../../lib/use-page-cursor";

const IncidentAttributionsQuery = graphql(`
  query IncidentAttributions($id: ID!, $after: String) {
    incident(id: $id) {
      id
      attributions(first: 20, after: $after, orderBy: { field: ISSUED_AT, direction: ASC }) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
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
  const [after, setAfter] = usePageCursor(incidentId);
  const [{ data, fetching, error }] = useQuery({
    query: IncidentAttributionsQuery,
    variables: { id: incidentId, after },
  });
  const attributions = data?.incident?.attributions;
  return (
    <section aria-labelledby="who-blamed-whom" className="block">
      <h2 id="who-blamed-whom">Who blamed whom</h2>
      {error && <QueryError error={error} />}
      {!attributions && fetching && <Loading what="attributions" />}
      {attributions?.totalCount === 0 && <p className="muted">No attribution on record.</p>}
      {attributions && (
        <>
          <ol className="timeline">
            {attributions.nodes.map((attribution) => (
              <li key={attribution.id}>
                <AttributionItem attribution={attribution} />
              </li>
            ))}
          </ol>
          <LoadMore
            what="attributions"
            connection={attributions}
            fetching={fetching}
            onLoadMore={setAfter}
          />
        </>
      )}
    </section>
  );
}
