import { Link } from "react-router-dom";
import { PartialDateText } from "../../components/partial-date-text";
import { graphql } from "../../gql";
import { enumLabel } from "../../lib/labels";
import { paths } from "../../lib/paths";
import { usePagedQuery } from "../../lib/use-paged-query";
import { matches } from "./matches";
import { ResultGroup } from "./result-group";

const SearchIncidents = graphql(`
  query SearchIncidents($text: String!, $after: String) {
    incidents(filter: { text: $text }, first: 5, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        aliases
        kind
        firstObserved {
          value
          precision
        }
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
      {page.data?.incidents.nodes.map((incident) => {
        const alias = incident.aliases.find((name) => matches(name, text));
        return (
          <li key={incident.id} className="result">
            <h3>
              <Link to={paths.incident(incident.id)}>{incident.name}</Link>
            </h3>
            <p className="muted">
              <PartialDateText date={incident.firstObserved} /> · {enumLabel(incident.kind)}
              {alias && <> · also known as {alias}</>}
            </p>
          </li>
        );
      })}
    </ResultGroup>
  );
}
