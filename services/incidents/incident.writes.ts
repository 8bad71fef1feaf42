import { citeSources, resolveSources } from "../../platform/bundle";
import { periodProblems } from "../../platform/partial-date";
import { childLists, childrenOf } from "../kit/children";
import { type RecordWrites, referenceProblems, snapshots } from "../kit/records";
import { dateColumnsOf, orNull, partialDatesOf, pick } from "../kit/record-fields";
import { Incident } from "./incident";
import { IncidentActor } from "./incident-actor";
import type { IncidentInput } from "./incident.inputs";
import { ThreatActor } from "./threat-actor";
import { TimelineEvent } from "./timeline-event";

const DATES = ["firstObserved", "disclosed", "ended"] as const;

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
    await tx.getRepository(Incident).upsert(
      {
        ...pick(i, "id", "name", "kind"),
        ...orNull(i, "summary", "impact"),
        ...dateColumnsOf(i, DATES),
        aliases: i.aliases ?? [],
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
    const events = (i.timeline ?? []).map((event, position) => ({
      ...dateColumnsOf(event, ["date"], `timeline[${position}].`),
      description: event.description,
      sourceRecords: resolveSources(sources, event.sources, `timeline[${position}]`),
    }));
    await replace(TimelineEvent, "timeline", events);
  },
  async snapshotMany(tx, ids) {
    const linksOf = await childrenOf(tx, IncidentActor, "incidentId", ids);
    const eventsOf = await childrenOf(tx, TimelineEvent, "incidentId", ids);
    return snapshots(tx, Incident, ids, (i, sources) => ({
      ...pick(i, "id", "name", "aliases", "kind", "summary"),
      ...partialDatesOf(i, DATES),
      ...pick(i, "impact", "sectors"),
      targetedCountries: i.targetedCountryIds,
      cves: i.cves,
      suspectedActors: linksOf(i.id).map((link) => link.actorId),
      timeline: eventsOf(i.id).map((event) => ({
        ...partialDatesOf(event, ["date"]),
        description: event.description,
        sources: citeSources(event.sourceRecords, sources),
      })),
      sources: citeSources(i.sourceRecords, sources),
    }));
  },
};
