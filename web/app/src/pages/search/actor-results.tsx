import { Link } from "react-router-dom";
import { graphql } from "../../gql";
import { enumLabel } from "../../lib/labels";
import { paths } from "../../lib/paths";
import { usePagedQuery } from "../../lib/use-paged-query";
import { matches } from "./matches";
import { ResultGroup } from "./result-group";

const SearchThreatActors = graphql(`
  query SearchThreatActors($text: String!, $after: String) {
    threatActors(filter: { text: $text }, first: 5, after: $after) {
      totalCount
      pageInfo {
        ...PageFields
      }
      nodes {
        id
        name
        kind
        aliases {
          name
          namedBy
        }
        sponsorState {
          id
          name
        }
      }
    }
  }
`);

/** Threat actors by name or any alias, saying which alias matched and who coined it. */
export function ActorResults({ text }: { text: string }) {
  const page = usePagedQuery(text, SearchThreatActors, { text });
  return (
    <ResultGroup
      id="actors-results"
      title="Threat actors"
      page={page}
      connection={page.data?.threatActors}
    >
      {page.data?.threatActors.nodes.map((actor) => {
        const alias = matches(actor.name, text)
          ? undefined
          : actor.aliases.find((a) => matches(a.name, text));
        return (
          <li key={actor.id} className="result">
            <h3>
              <Link to={paths.threatActor(actor.id)}>{actor.name}</Link>
            </h3>
            <p className="muted">
              {enumLabel(actor.kind)}
              {actor.sponsorState && <> · sponsored by {actor.sponsorState.name}</>}
              {alias && (
                <>
                  {" "}
                  · also known as <mark>{alias.name}</mark>
                  {alias.namedBy && ` (named by ${alias.namedBy})`}
                </>
              )}
            </p>
          </li>
        );
      })}
    </ResultGroup>
  );
}
