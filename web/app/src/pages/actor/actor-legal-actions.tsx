import { useQuery } from "urql";
import { LegalActionBody } from "../../components/legal-action-body";
import { LoadMore } from "../../components/load-more";
import { QueryError } from "../../components/query-state";
import { graphql } from "../../gql";
import { usePageCursor } from "../../lib/use-page-cursor";

const ActorLegalActionsQuery = graphql(`
  query ActorLegalActions($id: ID!, $after: String) {
    threatActor(id: $id) {
      id
      legalActions(first: 5, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          ...LegalActionFields
        }
      }
    }
  }
`);

/** Indictments, sanctions and other cases against the actor's members. */
export function ActorLegalActions({ actorId }: { actorId: string }) {
  const [after, setAfter] = usePageCursor(actorId);
  const [{ data, fetching, error }] = useQuery({
    query: ActorLegalActionsQuery,
    variables: { id: actorId, after },
  });
  const legalActions = data?.threatActor?.legalActions;
  return (
    <section aria-labelledby="actor-legal-actions" className="block">
      <h2 id="actor-legal-actions">Indictments and other legal action</h2>
      {error && <QueryError error={error} />}
      {legalActions?.totalCount === 0 && <p className="muted">None on record.</p>}
      {legalActions?.nodes.map((action) => (
        <LegalActionBody key={action.id} legalAction={action} />
      ))}
      <LoadMore
        what="legal actions"
        connection={legalActions}
        fetching={fetching}
        onLoadMore={setAfter}
      />
    </section>
  );
}
