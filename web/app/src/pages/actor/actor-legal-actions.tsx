import { LegalActionBody } from "../../components/legal-action-body";
import { graphql } from "../../gql";
import { ListSection } from "../../components/list-section";
import { usePagedQuery } from "../../lib/use-paged-query";

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
  const { data, fetching, error, setAfter } = usePagedQuery(actorId, ActorLegalActionsQuery, {
    id: actorId,
  });
  const legalActions = data?.threatActor?.legalActions;
  return (
    <ListSection
      id="actor-legal-actions"
      title="Indictments and other legal action"
      what="legal actions"
      className="block"
      empty="None on record."
      connection={legalActions}
      fetching={fetching}
      error={error}
      onLoadMore={setAfter}
    >
      {legalActions?.nodes.map((action) => (
        <LegalActionBody key={action.id} legalAction={action} />
      ))}
    </ListSection>
  );
}
