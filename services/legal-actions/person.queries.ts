import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { searchText, whereAnyOf } from "../kit/filters";
import { recordList } from "../kit/lists";
import { byName } from "../kit/ordering";
import { Person, PersonConnection } from "./person";
import type { PersonFilter } from "./person.inputs";

/** The most words of a name search: each is one condition. */
const MAX_NAME_WORDS = 8;

/**
 * Persons (alias `p`) with a spelling holding every word of `name`, each compared by its match
 * key (`legal.name_key`, see the persons migration): accents, case, punctuation and the usual
 * variants of romanised Russian names ignored. The trigram index on the key answers the LIKEs.
 */
function whereNamed(query: SelectQueryBuilder<ObjectLiteral>, name: string): void {
  const words = name.split(/\s+/).slice(0, MAX_NAME_WORDS);
  const likes = words.map((_, i) => `n.name_key LIKE '%' || legal.name_key(:nameWord${i}) || '%'`);
  query.andWhere(
    `p.id IN (SELECT n.person_id FROM legal.person_name n WHERE ${likes.join(" AND ")})`,
    Object.fromEntries(words.map((word, i) => [`nameWord${i}`, word])),
  );
}

/** Narrows `query` (alias `p`) to the persons matching `filter`. */
function applyPersonFilter(query: SelectQueryBuilder<ObjectLiteral>, filter: PersonFilter): void {
  whereAnyOf(query, "p.id", "ids", filter.ids);
  whereAnyOf(query, "p.nationality_id", "nationality", filter.nationality);
  if (filter.affiliatedActor) {
    query.andWhere(
      // A UNION of index scans, as for legal actions by actor.
      `p.id IN (SELECT a.person_id FROM legal.person_affiliation a WHERE a.actor_id = ANY(:actors)
         UNION SELECT d.person_id FROM legal.defendant d WHERE d.affiliated_actor_id = ANY(:actors))`,
      { actors: filter.affiliatedActor },
    );
  }
  if (filter.agency) {
    query.andWhere(
      "p.id IN (SELECT a.person_id FROM legal.person_affiliation a WHERE a.agency_id = ANY(:agencies))",
      { agencies: filter.agency },
    );
  }
  const name = searchText(filter.name, "filter.name");
  if (name) whereNamed(query, name);
}

/** Persons, by name by default. */
export const personList = recordList({
  entity: Person,
  alias: "p",
  connection: PersonConnection,
  filter: applyPersonFilter,
  ordering: byName,
});

/** Persons a legal action `key` names among its defendants. */
export const PERSONS_OF_ACTION = (key: string) =>
  `p.id IN (SELECT m.person_id FROM legal.defendant m WHERE m.legal_action_id = ${key})`;

/** Persons affiliated with the threat actor `key`, or charged or listed as its members. */
export const PERSONS_OF_ACTOR = (key: string) =>
  `p.id IN (SELECT m.person_id FROM legal.defendant m WHERE m.affiliated_actor_id = ${key}
     UNION SELECT f.person_id FROM legal.person_affiliation f WHERE f.actor_id = ${key})`;
