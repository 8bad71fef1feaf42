import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { PartialDateText } from "../../components/partial-date-text";
import { graphql } from "../../gql";
import { enumLabel } from "../../lib/labels";
import { paths } from "../../lib/paths";
import { usePageCursor } from "../../lib/use-page-cursor";
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
  const [after, setAfter] = usePageCursor(text);
  const [{ data, fetching, error }] = useQuery({
    query: SearchIncidents,
    variables: { text, after },
  });
  return (
    <ResultGroup
      id="incidents-results"
      title="Incidents"
      connection={data?.incidents}
      fetching={fetching}
      error={error}
      onLoadMore={setAfter}
    >
      {data?.incidents.nodes.map((incident) => {
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
