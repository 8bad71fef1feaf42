import type { Repository } from "typeorm";
import { citeSources, resolveSources } from "../../platform/bundle";
import type { Path, Problem } from "../../platform/problem";
import { type RecordWrites, snapshots } from "../kit/records";
import { ThreatActor } from "./threat-actor";
import type { ThreatActorInput } from "./threat-actor.inputs";

/**
 * `sponsorState`, `suspectedOrigin`, `affiliatedAgency` and `targetedCountries` name the governments subgraph's
 * records: stored unchecked, they answer NOT_FOUND there when dangling. A delete is refused while
 * incidents list the actor (the incident_actor foreign key).
 */
export const threatActorWrites: RecordWrites<ThreatActorInput, ThreatActor> = {
  type: "ThreatActor",
  bundleKey: "threatActors",
  entity: ThreatActor,
  check: async (db, a, path) => [
    ...citedSourceProblems(a, path),
    ...(await externalIdProblems(db.getRepository(ThreatActor), a, path)),
  ],
  async write(tx, a, sources) {
    await tx.getRepository(ThreatActor).upsert(
      {
        id: a.id,
        name: a.name,
        kind: a.kind,
        aliases: (a.aliases ?? []).map((alias) => ({
          name: alias.name,
          namedBy: alias.namedBy ?? null,
          ...(alias.ambiguous ? { ambiguous: true } : {}),
          ...(alias.sources?.length ? { sources: alias.sources } : {}),
        })),
        sponsorStateId: a.sponsorState ?? null,
        sponsorConfidence: a.sponsorConfidence ?? null,
        affiliatedAgencyId: a.affiliatedAgency ?? null,
        suspectedOriginId: a.suspectedOrigin?.government ?? null,
        suspectedOriginBy: a.suspectedOrigin?.claimedBy ?? null,
        suspectedOriginSources: a.suspectedOrigin?.sources ?? [],
        description: a.description ?? null,
        targetedCountryIds: a.targetedCountries ?? [],
        targetCategories: a.targetCategories ?? [],
        externalIds: (a.externalIds ?? []).map((e) => ({
          system: e.system,
          id: e.id,
          url: e.url ?? null,
        })),
        managedBy: a.managedBy ?? null,
        sourceRecords: resolveSources(sources, a.sources, "threatActor"),
      },
      ["id"],
    );
  },
  snapshotMany: (tx, ids) =>
    snapshots(tx, ThreatActor, ids, (a, sources) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      aliases: a.aliases.map((alias) => ({
        name: alias.name,
        namedBy: alias.namedBy,
        ambiguous: alias.ambiguous || null,
        sources: alias.sources?.length ? alias.sources : null,
      })),
      sponsorState: a.sponsorStateId,
      sponsorConfidence: a.sponsorConfidence,
      affiliatedAgency: a.affiliatedAgencyId,
      suspectedOrigin: a.suspectedOriginId && {
        government: a.suspectedOriginId,
        claimedBy: a.suspectedOriginBy,
        sources: a.suspectedOriginSources.length ? a.suspectedOriginSources : null,
      },
      description: a.description,
      targetedCountries: a.targetedCountryIds,
      targetCategories: a.targetCategories,
      externalIds: a.externalIds.map((e) => ({ system: e.system, id: e.id, url: e.url })),
      managedBy: a.managedBy,
      sources: citeSources(a.sourceRecords, sources),
    })),
};

/**
 * An alias or the suspected origin cites sources the record itself cites: the record's list is
 * where they are stored.
 */
function citedSourceProblems(a: ThreatActorInput, path: Path): Problem[] {
  const cited = new Set(a.sources ?? []);
  const citing: [Path, string[] | null | undefined][] = [
    ...(a.aliases ?? []).map((alias, i): [Path, string[] | null | undefined] => [
      [...path, "aliases", i, "sources"],
      alias.sources,
    ]),
    [[...path, "suspectedOrigin", "sources"], a.suspectedOrigin?.sources],
  ];
  return citing.flatMap(([at, keys]) =>
    (keys ?? [])
      .map((key, n) => ({ key, n }))
      .filter(({ key }) => !cited.has(key))
      .map(({ key, n }) => ({
        path: [...at, n],
        message: `cites "${key}", which the record's \`sources\` does not list`,
      })),
  );
}

/** One actor per external id: a connector finds its records by them. */
async function externalIdProblems(
  actors: Repository<ThreatActor>,
  a: ThreatActorInput,
  path: Path,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const [i, e] of (a.externalIds ?? []).entries()) {
    const key = `${e.system}\u0000${e.id}`;
    if (seen.has(key)) {
      problems.push({
        path: [...path, "externalIds", i],
        code: "DUPLICATE",
        message: `${e.system} id "${e.id}" is given twice`,
      });
      continue;
    }
    seen.add(key);
    // Containment: the GIN index on external_ids answers it.
    const other = await actors
      .createQueryBuilder("a")
      .select("a.id", "id")
      .where("a.external_ids @> :wanted::jsonb", {
        wanted: JSON.stringify([{ system: e.system, id: e.id }]),
      })
      .andWhere("a.id <> :self", { self: a.id })
      .getRawOne<{ id: string }>();
    if (other) {
      problems.push({
        path: [...path, "externalIds", i],
        code: "TAKEN",
        message: `${e.system} id "${e.id}" is already threat actor "${other.id}"'s`,
      });
    }
  }
  return problems;
}
