import { In } from "typeorm";
import { citeSources, partialDateString } from "../common/bundle";
import { recordStore, snapshots } from "../common/writes";
import { loadBundle } from "./bundle";
import { Incident } from "./entities/incident";
import { IncidentActor } from "./entities/incident-actor";
import { ThreatActor } from "./entities/threat-actor";
import { TimelineEvent } from "./entities/timeline-event";

export const threatActorStore = recordStore({
  type: "ThreatActor",
  kind: "threatActor",
  bundleKey: "threatActors",
  entity: ThreatActor,
  loadBundle,
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
});

export const incidentStore = recordStore({
  type: "Incident",
  kind: "incident",
  bundleKey: "incidents",
  entity: Incident,
  loadBundle,
  snapshotMany: async (tx, ids) => {
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
});
