import {
  type SourceEntry,
  type SourceRecord,
  citeSources,
  dateColumns,
  partialDateString,
  resolveSources,
} from "../../platform/bundle";
import { periodProblems } from "../../platform/partial-date";
import type { Path, Problem } from "../../platform/problem";
import { childLists, childrenOf } from "../kit/children";
import { type RecordWrites, snapshots } from "../kit/records";
import { dateColumnsOf, orNull, partialDatesOf, pick } from "../kit/record-fields";
import { PersonNameKind } from "./enums";
import { Person } from "./person";
import { PersonAffiliation } from "./person-affiliation";
import { PersonName } from "./person-name";
import type { PersonInput } from "./person.inputs";

/**
 * `nationality` and the affiliations' `actor` and `agency` name other subgraphs' records: stored
 * unchecked, they answer NOT_FOUND there when dangling. A delete is refused while a legal action
 * names the person (the defendant's foreign key).
 */
export const personWrites: RecordWrites<PersonInput, Person> = {
  type: "Person",
  bundleKey: "persons",
  entity: Person,
  check: async (_db, p, path) => [
    ...nameProblems(p, path),
    ...(p.affiliations ?? []).flatMap((a, i) =>
      periodProblems(a.from, a.to, [...path, "affiliations", i]),
    ),
  ],
  async write(tx, p, sources, before) {
    const birth = dateColumns(p.birthDate, "birthDate");
    await tx.getRepository(Person).upsert(
      {
        id: p.id,
        name: primaryName(p),
        nationalityId: p.nationality ?? null,
        birthOn: birth.on,
        birthPrecision: birth.precision,
        birthPlace: p.birthPlace ?? null,
        sourceRecords: resolveSources(sources, p.sources, "person"),
      },
      ["id"],
    );
    const names = p.names.map((n, i) => ({
      ...pick(n, "name", "kind"),
      ...orNull(n, "language", "script"),
      usedBy: n.usedBy ?? [],
      sourceRecords: resolveSources(sources, n.sources ?? [], `names[${i}]`),
    }));
    const replace = childLists(tx, "personId", p, before);
    await replace(PersonName, "names", names);
    const affiliations = (p.affiliations ?? []).map((a, i) => ({
      actorId: a.actor ?? null,
      agencyId: a.agency ?? null,
      ...orNull(a, "employer", "role"),
      ...dateColumnsOf(a, ["from", "to"]),
      sourceRecords: resolveSources(sources, a.sources ?? [], `affiliations[${i}]`),
    }));
    await replace(PersonAffiliation, "affiliations", affiliations);
  },
  async snapshotMany(tx, ids) {
    const namesOf = await childrenOf(tx, PersonName, "personId", ids);
    const affiliationsOf = await childrenOf(tx, PersonAffiliation, "personId", ids);
    return snapshots(tx, Person, ids, (p, sources) => ({
      id: p.id,
      names: namesOf(p.id).map((n) => ({
        ...pick(n, "name", "kind", "language", "script", "usedBy"),
        sources: citedOrNull(n.sourceRecords, sources),
      })),
      nationality: p.nationalityId,
      birthDate: partialDateString(p.birthOn, p.birthPrecision),
      birthPlace: p.birthPlace,
      affiliations: affiliationsOf(p.id).map((a) => ({
        actor: a.actorId,
        agency: a.agencyId,
        ...pick(a, "employer", "role"),
        ...partialDatesOf(a, ["from", "to"]),
        sources: citedOrNull(a.sourceRecords, sources),
      })),
      sources: citeSources(p.sourceRecords, sources),
    }));
  },
};

/** The PRIMARY spelling; `check` ensures one, a bundle file loaded without it fails here. */
function primaryName(p: PersonInput): string {
  const primary = p.names.find((n) => n.kind === PersonNameKind.PRIMARY);
  if (!primary) throw new Error(`person "${p.id}": names has no PRIMARY spelling`);
  return primary.name;
}

/** A name's or affiliation's own sources: optional, so absent (not `[]`) when there are none. */
function citedOrNull(records: SourceRecord[], into: Record<string, SourceEntry>) {
  return records.length ? citeSources(records, into) : null;
}

/** Exactly one PRIMARY spelling (the record's `name`), and no spelling of one kind twice. */
function nameProblems(p: PersonInput, path: Path): Problem[] {
  const names = p.names ?? [];
  const primaries = names.filter((n) => n.kind === PersonNameKind.PRIMARY).length;
  const problems: Problem[] =
    primaries === 1
      ? []
      : [{ path: [...path, "names"], message: `needs exactly one PRIMARY name, has ${primaries}` }];
  const seen = new Set<string>();
  names.forEach((n, i) => {
    const key = `${n.kind}\u0000${n.name}`;
    if (seen.has(key)) {
      problems.push({
        path: [...path, "names", i],
        code: "DUPLICATE",
        message: `"${n.name}" is given twice as ${n.kind}`,
      });
    }
    seen.add(key);
  });
  return problems;
}
