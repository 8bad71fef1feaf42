import { QuoteBlock } from "../../components/quote-block";
import { Sources } from "../../components/sources";
import { StatementHeading, StatementSummaryFields } from "../../components/statement-summary";
import { getFragmentData, graphql } from "../../gql";
import { ListSection } from "../../components/list-section";
import { usePagedQuery } from "../../lib/use-paged-query";

const ActorStatementsQuery = graphql(`
  query ActorStatements($id: ID!, $after: String) {
    threatActor(id: $id) {
      id
      statements(first: 10, after: $after) {
        totalCount
        pageInfo {
          ...PageFields
        }
        nodes {
          ...StatementSummaryFields
          sources {
            ...SourceFields
          }
        }
      }
    }
  }
`);

/** The statements naming an actor, newest first, with their quotes. */
export function ActorStatements({ actorId }: { actorId: string }) {
  const page = usePagedQuery(actorId, ActorStatementsQuery, { id: actorId });
  const statements = page.data?.threatActor?.statements;
  return (
    <ListSection
      id="actor-statements"
      title="Statements naming it"
      what="statements"
      page={page}
      connection={statements}
    >
      <ul className="plain-list">
        {statements?.nodes.map((node) => {
          const statement = getFragmentData(StatementSummaryFields, node);
          return (
            <li key={statement.id} className="statement-item">
              <StatementHeading statement={node} />
              {statement.quotes.slice(0, 2).map((quote, index) => (
                <QuoteBlock key={index} quote={quote} statementLanguage={statement.language} />
              ))}
              <Sources sources={node.sources} />
            </li>
          );
        })}
      </ul>
    </ListSection>
  );
}
