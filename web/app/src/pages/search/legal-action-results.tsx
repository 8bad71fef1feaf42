import { LegalActionLineFields, LegalActionLink } from "../../components/legal-action-line";
import { PartialDateText } from "../../components/partial-date-text";
import { getFragmentData, graphql } from "../../gql";
import { enumLabel } from "../../lib/labels";
import { usePagedQuery } from "../../lib/use-paged-query";
import { ResultGroup } from "./result-group";

const SearchLegalActions = graphql(`
  query SearchLegalActions($text: String!, $after: String) {
    legalActions(filter: { text: $text }, first: 5, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      nodes {
        jurisdiction {
          id
          name
        }
        ...LegalActionLineFields
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
      {page.data?.legalActions.nodes.map((node) => {
        const action = getFragmentData(LegalActionLineFields, node);
        return (
          <li key={action.id} className="result">
            <h3>
              <LegalActionLink legalAction={node} />
            </h3>
            <p className="muted">
              {enumLabel(action.kind)} · {node.jurisdiction.name} ·{" "}
              <PartialDateText date={action.announced} />
            </p>
          </li>
        );
      })}
    </ResultGroup>
  );
}
