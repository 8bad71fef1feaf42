import { citeSources, dateColumns, partialDateString, resolveSources } from "../../platform/bundle";
import { periodProblems } from "../../platform/partial-date";
import { childLists, childrenOf } from "../kit/children";
import { type RecordWrites, referenceProblems, snapshots } from "../kit/records";
import { Incident } from "./incident";
import { IncidentActor } from "./incident-actor";
import type { IncidentInput } from "./incident.inputs";
import { ThreatActor } from "./threat-actor";
import { TimelineEvent } from "./timeline-event";

/** `targetedCountries` name the governments subgraph's records: stored unchecked. */
export const incidentWrites: RecordWrites<IncidentInput, Incident> = {
  type: "Incident",
  bundleKey: "incidents",
  entity: Incident,
  check: async (db, i, path) => [
    ...(await referenceProblems(
      db,
      ThreatActor,
      "ThreatActor",
      (i.suspectedActors ?? []).map((id, n) => ({ path: [...path, "suspectedActors", n], id })),
    )),
    ...periodProblems(i.firstObserved, i.ended, path, "ended"),
  ],
  async write(tx, i, sources, before) {
    const [firstObserved, disclosed, ended] = [
      dateColumns(i.firstObserved, "firstObserved"),
      dateColumns(i.disclosed, "disclosed"),
      dateColumns(i.ended, "ended"),
    ];
    await tx.getRepository(Incident).upsert(
      {
        id: i.id,
        name: i.name,
        aliases: i.aliases ?? [],
        kind: i.kind,
        summary: i.summary ?? null,
        firstObservedOn: firstObserved.on,
        firstObservedPrecision: firstObserved.precision,
        disclosedOn: disclosed.on,
        disclosedPrecision: disclosed.precision,
        endedOn: ended.on,
        endedPrecision: ended.precision,
        impact: i.impact ?? null,
        sectors: i.sectors ?? [],
        cves: i.cves ?? [],
        targetedCountryIds: i.targetedCountries ?? [],
        sourceRecords: resolveSources(sources, i.sources, "incident"),
      },
      ["id"],
    );
    const links = (i.suspectedActors ?? []).map((actorId) => ({ actorId }));
    const replace = childLists(tx, "incidentId", i, before);
    await replace(IncidentActor, "suspectedActors", links);
    const events = (i.timeline ?? []).map((event, position) => {
      const date = dateColumns(event.date, `timeline[${position}].date`);
      return {
        dateOn: date.on!,
        datePrecision: date.precision!,
        description: event.description,
        sourceRecords: resolveSources(sources, event.sources, `timeline[${position}]`),
      };
    });
    await replace(TimelineEvent, "timeline", events);
  },
  async snapshotMany(tx, ids) {
    const linksOf = await childrenOf(tx, IncidentActor, "incidentId", ids);
    const eventsOf = await childrenOf(tx, TimelineEvent, "incidentId", ids);
    return snapshots(tx, Incident, ids, (i, sources) => ({
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
      suspectedActors: linksOf(i.id).map((link) => link.actorId),
      timeline: eventsOf(i.id).map((event) => ({
        date: partialDateString(event.dateOn, event.datePrecision),
        description: event.description,
        sources: citeSources(event.sourceRecords, sources),
      })),
      sources: citeSources(i.sourceRecords, sources),
    }));
  },
};
