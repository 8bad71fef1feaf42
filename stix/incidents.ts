import type { Mapping } from "./context";
import { periodEnd, periodStart, precisions } from "./dates";
import { X } from "./model";
import { place, sector, targets, vulnerability } from "./shared";

/**
 * Incidents are `campaign` objects: a named operation over a period against a set of targets,
 * which STIX can attribute (`attributed-to` an intrusion set or a threat actor). STIX 2.1's
 * `incident` is a stub without dates (no first_seen or last_seen).
 */
export function mapIncidents(m: Mapping): void {
  for (const incident of m.mapped("Incident", m.incidents)) {
    const origin = m.origin("incidents", `Incident:${incident.id}`, incident, [
      incident.disclosed,
      incident.firstObserved,
    ]);
    const countries = incident.targetedCountries ?? [];
    const campaign = m.add("campaign", origin.globalId, origin, {
      name: incident.name,
      aliases: incident.aliases,
      description: incident.summary,
      first_seen: incident.firstObserved && periodStart(incident.firstObserved),
      last_seen: incident.ended && periodEnd(incident.ended),
      external_references: m.references(origin.globalId, incident),
      [`${X}kind`]: incident.kind,
      [`${X}disclosed`]: incident.disclosed,
      [`${X}impact`]: incident.impact,
      [`${X}timeline`]: (incident.timeline ?? []).map(({ date, description }) => ({
        date,
        description,
      })),
      [`${X}date_precision`]: precisions({
        first_seen: incident.firstObserved,
        last_seen: incident.ended,
      }),
      [`${X}unknown_targeted_countries`]: countries.filter((id) => !place(m, id)),
    });
    targets(m, campaign, origin, [
      ...(incident.cves ?? []).map((cve) => vulnerability(m, cve, origin)),
      ...countries.map((id) => place(m, id)),
      ...(incident.sectors ?? []).map((name) => sector(m, name, origin)),
    ]);
    for (const actorId of incident.suspectedActors ?? []) {
      const set = m.intrusionSet(actorId);
      if (!set) continue;
      m.relate(`suspected/${actorId}`, "attributed-to", campaign, set, origin, {
        description: `${incident.name}: ${m.threatActors.get(actorId)!.name} is a suspected actor.`,
        [`${X}relation`]: "suspected-actor",
      });
    }
  }
}
