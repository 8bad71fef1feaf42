import {
  MAX_INCIDENT_ALIASES,
  MAX_SUSPECTED_ACTORS,
} from "../../services/incidents/incident.inputs";
import { NameIndex, normalize, slugify } from "../misp/names";
import { type Mode, capped, enrichedSources } from "./actors";
import type { IncidentFacts } from "./facts";
import type { Snapshot } from "./graph";
import type { Unmapped } from "./objects";
import type { Places } from "./places";
import { type Write, finish } from "./plan";

interface Context {
  places: Places;
  /** The record id of each intrusion set (STIX id) read, or that the graph holds. */
  actorIds: Map<string, string>;
  unmapped: Unmapped;
  conflicts: string[];
}

/**
 * A campaign as an incident. Incidents have no external ids: a campaign is the incident of
 * this project's export it stands for, else the one citing its catalogue page (ATT&CK's
 * campaigns/C0028) or with its id (the slug of its name), else the one incident named as it is.
 * Such an incident is enriched (aliases, suspected actors, sources); otherwise one is created.
 */
export function incidentWrite(f: IncidentFacts, incidents: Snapshot[], ctx: Context): Write {
  const { places, actorIds, unmapped } = ctx;
  const suspects = [...new Set(f.suspects.flatMap((ref) => actorIds.get(ref) ?? []))];
  if (suspects.length < f.suspects.length)
    unmapped.add("suspected actors not in the input", f.name);
  const countries = [
    ...new Set([...f.targets.flatMap((ref) => places.government(ref) ?? []), ...f.unknownTargets]),
  ];
  const slug = f.ownId ?? (slugify(f.name) || "incident");
  const match = matchIncident(f, slug, incidents);
  const mode: Mode = match ? "enrich" : "create";
  if (!match) {
    const record = {
      id: slug,
      ...f.record,
      aliases: capped(
        f.record.aliases as string[],
        MAX_INCIDENT_ALIASES,
        "aliases",
        f.name,
        unmapped,
      ),
      targetedCountries: countries,
      suspectedActors: capped(suspects, MAX_SUSPECTED_ACTORS, "suspected actors", f.name, unmapped),
      sources: Object.keys(f.sources),
    };
    return finish("Incident", f.name, mode, null, record, f.sources, undefined);
  }
  const current = match.existing.record;
  const aliases = (current.aliases ?? []) as string[];
  const known = new Set([current.name, ...aliases].map(normalize));
  const newAliases = [f.name, ...(f.record.aliases as string[])].filter(
    (a) => !known.has(normalize(a)) && known.add(normalize(a)),
  );
  const actors = (current.suspectedActors ?? []) as string[];
  const { keys, sources } = enrichedSources(match.existing, f, unmapped);
  const record = {
    ...current,
    aliases: [
      ...aliases,
      ...capped(newAliases, MAX_INCIDENT_ALIASES - aliases.length, "aliases", f.name, unmapped),
    ],
    suspectedActors: [...actors, ...suspects.filter((id) => !actors.includes(id))].slice(
      0,
      MAX_SUSPECTED_ACTORS,
    ),
    sources: keys,
  };
  return finish("Incident", f.name, mode, match.by, record, sources, match.existing);
}

function matchIncident(f: IncidentFacts, slug: string, incidents: Snapshot[]) {
  const byId = new Map(incidents.map((i) => [i.record.id, i]));
  if (f.ownId)
    return byId.has(f.ownId) ? { existing: byId.get(f.ownId)!, by: "record id" } : undefined;
  const pages = Object.values(f.sources).flatMap((s) => (s.url ? [s.url] : []));
  for (const incident of incidents) {
    const cited = Object.values(incident.sources).find((s) => s.url && pages.includes(s.url));
    if (cited) return { existing: incident, by: `source ${cited.url}` };
  }
  const same = byId.get(slug);
  if (same && normalize(same.record.name) === normalize(f.name))
    return { existing: same, by: "id" };
  const names = new NameIndex();
  for (const i of incidents) {
    for (const name of [i.record.name, ...((i.record.aliases ?? []) as string[])])
      names.add(name, i.record.id);
  }
  const owners = names.of(f.name);
  if (owners.size === 1) return { existing: byId.get([...owners][0])!, by: `name "${f.name}"` };
  return undefined;
}
