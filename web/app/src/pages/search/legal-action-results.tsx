import { Link } from "react-router-dom";
import { PartialDateText } from "../../components/partial-date-text";
import { graphql } from "../../gql";
import { enumLabel } from "../../lib/labels";
import { paths } from "../../lib/paths";
import { usePagedQuery } from "../../lib/use-paged-query";
import { ResultGroup } from "./result-group";

const SearchLegalActions = graphql(`
  query SearchLegalActions($text: String!, $after: String) {
    legalActions(filter: { text: $text }, first: 5, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        kind
        announced {
          value
          precision
        }
        jurisdiction {
          id
          name
        }
      }
    }
  }
`);

export function LegalActionResults({ text }: { text: string }) {
  const page = usePagedQuery(text, SearchLegalActions, { text });
  return (
    <ResultGroup
      id="legal-actions-results"
      title="Legal actions"
      page={page}
      connection={page.data?.legalActions}
    >
      {page.data?.legalActions.nodes.map((action) => (
        <li key={action.id} className="result">
          <h3>
            <Link to={paths.legalAction(action.id)}>{action.title}</Link>
          </h3>
          <p className="muted">
            {enumLabel(action.kind)} · {action.jurisdiction.name} ·{" "}
            <PartialDateText date={action.announced} />
          </p>
        </li>
      ))}
    </ResultGroup>
  );
}
