import { In } from "typeorm";
import { citeSources, resolveSources } from "../common/bundle";
import { type RecordWrites, rowById, snapshots } from "../common/records";
import { ThreatActor } from "./threat-actor";
import type { ThreatActorInput } from "./threat-actor.inputs";

/**
 * `sponsorState` and `affiliatedAgency` name the governments subgraph's records: stored
 * unchecked, they answer NOT_FOUND there when dangling. A delete is refused while incidents
 * list the actor (the incident_actor foreign key).
 */
export const threatActorWrites: RecordWrites<ThreatActorInput, ThreatActor> = {
  type: "ThreatActor",
  bundleKey: "threatActors",
  check: async () => [],
  async write(tx, a, sources) {
    await tx.getRepository(ThreatActor).upsert(
      {
        id: a.id,
        name: a.name,
        kind: a.kind,
        aliases: (a.aliases ?? []).map((alias) => ({
          name: alias.name,
          namedBy: alias.namedBy ?? null,
        })),
        sponsorStateId: a.sponsorState ?? null,
        affiliatedAgencyId: a.affiliatedAgency ?? null,
        description: a.description ?? null,
        sourceRecords: resolveSources(sources, a.sources, "threatActor"),
      },
      ["id"],
    );
  },
  snapshotMany: async (tx, ids) =>
    snapshots(await tx.getRepository(ThreatActor).findBy({ id: In(ids) }), (a, sources) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      aliases: a.aliases.map((alias) => ({ name: alias.name, namedBy: alias.namedBy })),
      sponsorState: a.sponsorStateId,
      affiliatedAgency: a.affiliatedAgencyId,
      description: a.description,
      sources: citeSources(a.sourceRecords, sources),
    })),
  ...rowById(ThreatActor),
};
