import { Link } from "react-router-dom";
import { PartialDateText } from "../../components/partial-date-text";
import { QuoteBlock } from "../../components/quote-block";
import { Sources } from "../../components/sources";
import { graphql } from "../../gql";
import { paths } from "../../lib/paths";
import { ListSection } from "../../components/list-section";
import { usePagedQuery } from "../../lib/use-paged-query";

const ActorStatementsQuery = graphql(`
  query ActorStatements($id: ID!, $after: String) {
    threatActor(id: $id) {
      id
      statements(first: 10, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          title
          language
          issuedAt {
            value
            precision
          }
          issuer {
            id
            name
          }
          speaker {
            id
            name
          }
          quotes {
            ...QuoteFields
          }
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
  const page = usePagedQuery(actorId, ActorStatementsQuery, {
    id: actorId,
  });
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
        {statements?.nodes.map((statement) => (
          <li key={statement.id} className="statement-item">
            <h3>{statement.title ?? "Untitled statement"}</h3>
            <p className="muted">
              <PartialDateText date={statement.issuedAt} /> ·{" "}
              <Link to={paths.government(statement.issuer.id)}>{statement.issuer.name}</Link>
              {statement.speaker && <> · {statement.speaker.name}</>}
            </p>
            {statement.quotes.slice(0, 2).map((quote, index) => (
              <QuoteBlock key={index} quote={quote} statementLanguage={statement.language} />
            ))}
            <Sources sources={statement.sources} />
          </li>
        ))}
      </ul>
    </ListSection>
  );
}
