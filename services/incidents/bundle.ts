import { type EntityManager, In } from "typeorm";
import { type Bundle, dateColumns, resolveSources } from "../common/bundle";
import type { DatePrecision } from "../common/partial-date";
import { Incident } from "./entities/incident";
import { IncidentActor } from "./entities/incident-actor";
import { ThreatActor } from "./entities/threat-actor";
import { TimelineEvent } from "./entities/timeline-event";
import type { IncidentKind, ThreatActorKind } from "./enums";

/** Writes this subgraph's part of a bundle in one transaction; re-running it changes nothing. */
export async function loadBundle(db: EntityManager, bundle: Bundle): Promise<number> {
  const actors = (bundle.threatActors ?? []).map((a, i) => ({
    id: a.id,
    name: a.name,
    kind: a.kind as ThreatActorKind,
    aliases: (a.aliases ?? []).map((alias) => ({
      name: alias.name,
      namedBy: alias.namedBy ?? null,
    })),
    sponsorStateId: a.sponsorState ?? null,
    affiliatedAgencyId: a.affiliatedAgency ?? null,
    description: a.description ?? null,
    sourceRecords: resolveSources(bundle, a.sources, `threatActors[${i}]`),
  }));
  const incidents = (bundle.incidents ?? []).map((incident, i) => {
    const path = `incidents[${i}]`;
    const date = (name: "firstObserved" | "disclosed" | "ended") => {
      const { on, precision } = dateColumns(incident[name], `${path}.${name}`);
      return { on, precision: precision as DatePrecision | null };
    };
    const [firstObserved, disclosed, ended] = [
      date("firstObserved"),
      date("disclosed"),
      date("ended"),
    ];
    return {
      id: incident.id,
      name: incident.name,
      aliases: incident.aliases ?? [],
      kind: incident.kind as IncidentKind,
      summary: incident.summary ?? null,
      firstObservedOn: firstObserved.on,
      firstObservedPrecision: firstObserved.precision,
      disclosedOn: disclosed.on,
      disclosedPrecision: disclosed.precision,
      endedOn: ended.on,
      endedPrecision: ended.precision,
      impact: incident.impact ?? null,
      sectors: incident.sectors ?? [],
      cves: incident.cves ?? [],
      targetedCountryIds: incident.targetedCountries ?? [],
      sourceRecords: resolveSources(bundle, incident.sources, path),
    };
  });
  const links = (bundle.incidents ?? []).flatMap((incident, i) => {
    const actorIds = incident.suspectedActors ?? [];
    const twice = actorIds.find((id, position) => actorIds.indexOf(id) !== position);
    if (twice) throw new Error(`incidents[${i}].suspectedActors: "${twice}" is listed twice`);
    return actorIds.map((actorId, position) => ({ incidentId: incident.id, actorId, position }));
  });
  const events = (bundle.incidents ?? []).flatMap((incident, i) =>
    (incident.timeline ?? []).map((event, position) => {
      const path = `incidents[${i}].timeline[${position}]`;
      const { on, precision } = dateColumns(event.date, `${path}.date`);
      if (!on) throw new Error(`${path}.date: required`);
      return {
        incidentId: incident.id,
        position,
        dateOn: on,
        datePrecision: precision as DatePrecision,
        description: event.description,
        sourceRecords: resolveSources(bundle, event.sources, path),
      };
    }),
  );

  return db.transaction(async (tx) => {
    if (actors.length) await tx.getRepository(ThreatActor).upsert(actors, ["id"]);
    if (incidents.length) {
      await tx.getRepository(Incident).upsert(incidents, ["id"]);
      const incidentId = In(incidents.map((incident) => incident.id));
      await tx.getRepository(IncidentActor).delete({ incidentId });
      await tx.getRepository(TimelineEvent).delete({ incidentId });
    }
    if (links.length) await tx.getRepository(IncidentActor).insert(links);
    if (events.length) await tx.getRepository(TimelineEvent).insert(events);
    return actors.length + incidents.length;
  });
}
