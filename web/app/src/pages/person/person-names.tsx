import { Block } from "../../components/block";
import { type FragmentType, getFragmentData, graphql } from "../../gql";
import { enumLabel, languageName } from "../../lib/labels";

export const PersonNameFields = graphql(`
  fragment PersonNameFields on Person {
    names {
      name
      kind
      language
      script
      usedBy
    }
  }
`);

/** Every spelling of the name: its kind, language or script, and who wrote it so. */
export function PersonNames({ person }: { person: FragmentType<typeof PersonNameFields> }) {
  const { names } = getFragmentData(PersonNameFields, person);
  return (
    <Block id="person-names" title="Names">
      <ul className="names-list">
        {names.map((name) => (
          <li key={`${name.kind}:${name.name}`}>
            <strong lang={name.language ?? undefined}>{name.name}</strong>{" "}
            <span className="badge">{enumLabel(name.kind)}</span>
            {name.language && <span className="muted"> {languageName(name.language)}</span>}
            {name.usedBy.length > 0 && (
              <span className="muted"> · used by {name.usedBy.join(", ")}</span>
            )}
          </li>
        ))}
      </ul>
    </Block>
  );
}
