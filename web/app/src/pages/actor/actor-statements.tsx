import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { LoadMore } from "../../components/load-more";
import { PartialDateText } from "../../components/partial-date-text";
import { QueryError } from "../../components/query-state";
import { QuoteBlock } from "../../components/quote-block";
import { Sources } from "../../components/sources";
import { graphql } from "../../gql";
import { paths } from "../../lib/paths";
import { usePageCursor } from "../../lib/use-page-cursor";

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
  const [after, setAfter] = usePageCursor(actorId);
  const [{ data, fetching, error }] = useQuery({
    query: ActorStatementsQuery,
    variables: { id: actorId, after },
  });
  const statements = data?.threatActor?.statements;
  return (
    <section aria-labelledby="actor-statements" className="block">
      <h2 id="actor-statements">Statements naming it</h2>
      {error && <QueryError error={error} />}
      {statements?.totalCount === 0 && <p className="muted">None on record.</p>}
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
      <LoadMore
        what="statements"
        connection={statements}
        fetching={fetching}
        onLoadMore={setAfter}
      />
    </section>
  );
}
