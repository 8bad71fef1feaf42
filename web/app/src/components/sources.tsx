import { type FragmentType, getFragmentData, graphql } from "../gql";
import { languageName } from "../lib/labels";
import { PartialDateText } from "./partial-date-text";

export const SourceFields = graphql(`
  fragment SourceFields on Source {
    id
    url
    title
    publisher
    language
    excerpt
    publishedAt {
      value
      precision
    }
  }
`);

/** The sources of the block above it: every record in the graph cites where it comes from. */
export function Sources({ sources }: { sources: readonly FragmentType<typeof SourceFields>[] }) {
  const list = getFragmentData(SourceFields, sources);
  if (list.length === 0) return null;
  return (
    <details className="sources">
      <summary>
        Sources <span className="muted">({list.length})</span>
      </summary>
      <ol>
        {list.map((source) => (
          <li key={source.id}>
            {source.url ? (
              <a href={source.url} rel="noreferrer" hrefLang={source.language ?? undefined}>
                {source.title ?? source.url}
              </a>
            ) : (
              <cite>{source.title ?? source.id}</cite>
            )}
            {source.publisher && <> · {source.publisher}</>}
            {source.publishedAt && (
              <>
                {" "}
                · <PartialDateText date={source.publishedAt} />
              </>
            )}
            {source.language && source.language !== "en" && (
              <> · in {languageName(source.language)}</>
            )}
            {source.excerpt && (
              <blockquote className="excerpt" lang={source.language ?? undefined}>
                {source.excerpt}
              </blockquote>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
