import { Link } from "react-router-dom";
import { PartialDateText } from "../components/partial-date-text";
import { RecordHeader } from "../components/record-header";
import { Sources } from "../components/sources";
import { graphql } from "../gql";
import { paths } from "../lib/paths";
import { useRecordPage } from "./use-record-page";
import { PersonAffiliations } from "./person/person-affiliations";
import { PersonNames } from "./person/person-names";
import { PersonRoles } from "./person/person-roles";

const PersonPageQuery = graphql(`
  query PersonPage($id: ID!) {
    person(id: $id) {
      id
      name
      nationality {
        id
        name
      }
      birthDate {
        value
        precision
      }
      birthPlace
      ...PersonNameFields
      ...PersonAffiliationFields
      sources {
        ...SourceFields
      }
    }
  }
`);

/** A person: every spelling of the name and who used it, affiliations, every legal action. */
export function PersonPage() {
  const page = useRecordPage(PersonPageQuery, "person", (d) => d?.person);
  if (!page.record) return page.instead;
  const person = page.record;
  return (
    <article className="record" aria-labelledby="person-title">
      <RecordHeader id="person-title" eyebrow="Person" title={person.name}>
        <dl className="facts">
          {person.nationality && (
            <div>
              <dt>Nationality</dt>
              <dd>
                <Link to={paths.government(person.nationality.id)}>{person.nationality.name}</Link>
              </dd>
            </div>
          )}
          {person.birthDate && (
            <div>
              <dt>Born</dt>
              <dd>
                <PartialDateText date={person.birthDate} />
                {person.birthPlace && <> in {person.birthPlace}</>}
              </dd>
            </div>
          )}
          {!person.birthDate && person.birthPlace && (
            <div>
              <dt>Birth place</dt>
              <dd>{person.birthPlace}</dd>
            </div>
          )}
        </dl>
      </RecordHeader>
      <PersonNames person={person} />
      <PersonAffiliations person={person} />
      <PersonRoles personId={person.id} />
      <Sources sources={person.sources} />
    </article>
  );
}
