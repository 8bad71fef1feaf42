import { In } from "typeorm";
import { citeSources, partialDateString } from "../common/bundle";
import { type RecordStore, recordStore, snapshots } from "../common/writes";
import { loadBundle } from "./bundle";
import { Incident } from "./entities/incident";
import { IncidentActor } from "./entities/incident-actor";
import { ThreatActor } from "./entities/threat-actor";
import { TimelineEvent } from "./entities/timeline-event";

type Entity = typeof ThreatActor | typeof Incident;

function store(
  type: string,
  kind: RecordStore["kind"],
  bundleKey: RecordStore["bundleKey"],
  entity: Entity,
  snapshotMany: RecordStore["snapshotMany"],
): RecordStore {
  return recordStore({ type, kind, bundleKey, entity, loadBundle, snapshotMany });
}

export const threatActorStore = store(
  "ThreatActor",
  "threatActor",
  "threatActors",
  ThreatActor,
  async (tx, ids) =>
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
);

export const incidentStore = store(
  "Incident",
  "incident",
  "incidents",
  Incident,
  async (tx, ids) => {
    const links = await tx
      .getRepository(IncidentActor)
      .find({ where: { incidentId: In(ids) }, order: { position: "ASC" } });
    const events = await tx
      .getRepository(TimelineEvent)
      .find({ where: { incidentId: In(ids) }, order: { position: "ASC" } });
    return snapshots(await tx.getRepository(Incident).findBy({ id: In(ids) }), (i, sources) => ({
      id: i.id,
      name: i.name,
      aliases: i.aliases,
      kind: i.kind,
      summary: i.summary,
      firstObserved: partialDateString(i.firstObservedOn, i.firstObservedPrecision),
      disclosed: partialDateString(i.disclosedOn, i.disclosedPrecision),
      ended: partialDateString(i.endedOn, i.endedPrecision),
      impact: i.impact,
      sectors: i.sectors,
      targetedCountries: i.targetedCountryIds,
      cves: i.cves,
      suspectedActors: links.filter((link) => link.incidentId === i.id).map((link) => link.actorId),
      timeline: events
        .filter((event) => event.incidentId === i.id)
        .map((event) => ({
          date: partialDateString(event.dateOn, event.datePrecision),
          description: event.description,
          sources: citeSources(event.sourceRecords, sources),
        })),
      sources: citeSources(i.sourceRecords, sources),
    }));
  },
);
