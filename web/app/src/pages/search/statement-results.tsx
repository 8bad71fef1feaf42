import { LinkList } from "../../components/link-list";
import { QuoteBlock, QuoteFields } from "../../components/quote-block";
import { StatementHeading, StatementSummaryFields } from "../../components/statement-summary";
import { getFragmentData, graphql } from "../../gql";
import { languageName } from "../../lib/labels";
import { paths } from "../../lib/paths";
import { usePagedQuery } from "../../lib/use-paged-query";
import { matches } from "./matches";
import { ResultGroup } from "./result-group";

const SearchStatements = graphql(`
  query SearchStatements($text: String!, $after: String) {
    statements(filter: { text: $text }, first: 5, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      nodes {
        ...StatementSummaryFields
        incidents(first: 5) {
          nodes {
            id
            name
          }
        }
      }
    }
  }
`);

/** Statements in English or French matching the text, best match first, with the quote. */
export function StatementResults({ text }: { text: string }) {
  const page = usePagedQuery(text, SearchStatements, { text });
  return (
    <ResultGroup
      id="statements-results"
      title="Statements"
      page={page}
      connection={page.data?.statements}
    >
      {page.data?.statements.nodes.map((node) => {
        const statement = getFragmentData(StatementSummaryFields, node);
        const quotes = getFragmentData(QuoteFields, statement.quotes);
        const best = quotes.findIndex(
          (q) => matches(q.text, text) || q.translations.some((t) => matches(t.text, text)),
        );
        const quote = statement.quotes[best === -1 ? 0 : best];
        return (
          <li key={statement.id} className="result">
            <StatementHeading statement={node}>
              {" "}
              · {languageName(statement.language)}
            </StatementHeading>
            {quote && <QuoteBlock quote={quote} statementLanguage={statement.language} />}
            {node.incidents.nodes.length > 0 && (
              <p>
                About: <LinkList records={node.incidents.nodes} to={paths.incident} />
              </p>
            )}
          </li>
        );
      })}
    </ResultGroup>
  );
}
