import { IncidentHeading, IncidentLineFields } from "../../components/incident-line";
import { getFragmentData, graphql } from "../../gql";
import { usePagedQuery } from "../../lib/use-paged-query";
import { matches } from "./matches";
import { ResultGroup } from "./result-group";

const SearchIncidents = graphql(`
  query SearchIncidents($text: String!, $after: String) {
    incidents(filter: { text: $text }, first: 5, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      nodes {
        aliases
        ...IncidentLineFields
      }
    }
  }
`);

export function IncidentResults({ text }: { text: string }) {
  const page = usePagedQuery(text, SearchIncidents, { text });
  return (
    <ResultGroup
      id="incidents-results"
      title="Incidents"
      page={page}
      connection={page.data?.incidents}
    >
      {page.data?.incidents.nodes.map((node) => {
        const alias = node.aliases.find((name) => matches(name, text));
        return (
          <li key={getFragmentData(IncidentLineFields, node).id} className="result">
            <IncidentHeading incident={node}>
              {alias && <> · also known as {alias}</>}
            </IncidentHeading>
          </li>
        );
      })}
    </ResultGroup>
  );
}
