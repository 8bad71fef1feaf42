import { type FragmentType, getFragmentData, graphql } from "../gql";
import { languageName, primaryLanguage } from "../lib/labels";
import { SourceFields } from "./sources";

export const QuoteFields = graphql(`
  fragment QuoteFields on Quote {
    text
    language
    speaker {
      id
      name
    }
    translations {
      language
      text
      source {
        ...SourceFields
      }
    }
  }
`);

/**
 * A quote verbatim, in its own language, followed by its translations and who made them. A quote
 * in another language than its statement (`statementLanguage`) is a rendering a source reported,
 * not the original words: it says so.
 */
export function QuoteBlock({
  quote,
  statementLanguage,
}: {
  quote: FragmentType<typeof QuoteFields>;
  statementLanguage?: string;
}) {
  const q = getFragmentData(QuoteFields, quote);
  const reported =
    statementLanguage !== undefined &&
    primaryLanguage(q.language) !== primaryLanguage(statementLanguage);
  return (
    <figure className="quote">
      <blockquote lang={q.language}>
        <p>{q.text}</p>
      </blockquote>
      <figcaption>
        {q.speaker && <span className="speaker">{q.speaker.name}</span>}
        <span className="lang-tag">
          {reported
            ? `${languageName(q.language)}, as a source reported it: the ${languageName(statementLanguage)} original is not on record`
            : `${languageName(q.language)}, original`}
        </span>
      </figcaption>
      {q.translations.map((translation) => {
        const source = getFragmentData(SourceFields, translation.source);
        return (
          <div className="translation" key={translation.language}>
            <p className="lang-tag">
              {languageName(translation.language)} translation
              {source && ` · ${source.publisher ?? source.title ?? source.id}`}
            </p>
            <blockquote lang={translation.language}>
              <p>{translation.text}</p>
            </blockquote>
          </div>
        );
      })}
    </figure>
  );
}
