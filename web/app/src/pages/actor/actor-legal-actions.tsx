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
          ...PageFields
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
  const page = usePagedQuery(actorId, ActorLegalActionsQuery, {
    id: actorId,
  });
  const legalActions = page.data?.threatActor?.legalActions;
  return (
    <ListSection
      id="actor-legal-actions"
      title="Indictments and other legal action"
      what="legal actions"
      page={page}
      connection={legalActions}
    >
      {legalActions?.nodes.map((action) => (
        <LegalActionBody key={action.id} legalAction={action} />
      ))}
    </ListSection>
  );
}
