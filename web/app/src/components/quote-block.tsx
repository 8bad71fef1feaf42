import { type FragmentType, getFragmentData, graphql } from "../gql";
import { languageName } from "../lib/labels";
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

/** A quote verbatim, in its own language, followed by its translations and who made them. */
export function QuoteBlock({ quote }: { quote: FragmentType<typeof QuoteFields> }) {
  const q = getFragmentData(QuoteFields, quote);
  return (
    <figure className="quote">
      <blockquote lang={q.language}>
        <p>{q.text}</p>
      </blockquote>
      <figcaption>
        {q.speaker && <span className="speaker">{q.speaker.name}</span>}
        <span className="lang-tag">{languageName(q.language)}, as spoken</span>
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
