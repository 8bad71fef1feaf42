import type { Mapping } from "./context";
import { X, compact } from "./model";
import { place, sector, stateActor, targets } from "./shared";

/**
 * Threat actors are `intrusion-set` objects (APT40, HAFNIUM: what ATT&CK calls groups). The
 * sponsor state and the affiliated agency are `attributed-to` relationships to their state
 * actor (see shared.ts); a suspected origin is an `originates-from` relationship to the state's
 * location, as STIX puts where an intrusion set comes from; targeted countries and categories
 * are `targets` relationships.
 */
export function mapThreatActors(m: Mapping): void {
  for (const actor of m.mapped("ThreatActor", m.threatActors)) {
    const origin = m.origin("incidents", `ThreatActor:${actor.id}`, actor);
    const [self, ...cited] = m.references(origin.globalId, actor);
    const aliases = actor.aliases ?? [];
    const detailed = aliases.some((alias) => alias.namedBy || alias.ambiguous || alias.sources);
    const countries = actor.targetedCountries ?? [];
    const set = m.add("intrusion-set", origin.globalId, origin, {
      name: actor.name,
      description: actor.description,
      aliases: [...new Set(aliases.map((alias) => alias.name))],
      resource_level: actor.kind === "STATE_SPONSORED" ? "government" : undefined,
      external_references: [
        self,
        ...(actor.externalIds ?? []).map((external) =>
          compact({
            source_name: external.system,
            external_id: external.id,
            url: m.url(external.url),
          }),
        ),
        ...cited,
      ],
      [`${X}kind`]: actor.kind,
      [`${X}aliases`]: detailed
        ? aliases.map((alias) => ({
            name: alias.name,
            named_by: alias.namedBy,
            ambiguous: alias.ambiguous,
            external_references: (alias.sources ?? []).map((key) => m.sourceReference(key)),
          }))
        : undefined,
      [`${X}managed_by`]: actor.managedBy,
      // Government ids the export does not hold (targetedCountries is not checked on write).
      [`${X}unknown_targeted_countries`]: countries.filter((id) => !place(m, id)),
    });
    const sponsor = stateActor(m, "Government", actor.sponsorState, origin);
    if (sponsor) {
      m.relate("sponsor", "attributed-to", set, sponsor, origin, {
        description: `${actor.name} is said to be sponsored by ${m.governments.get(actor.sponsorState!)!.name}.`,
        confidence: actor.sponsorConfidence,
        [`${X}relation`]: "sponsor-state",
      });
    }
    const from = actor.suspectedOrigin && place(m, actor.suspectedOrigin.government);
    if (from) {
      const { government, claimedBy, sources = [] } = actor.suspectedOrigin!;
      const by = claimedBy ? ` (${claimedBy})` : "";
      m.relate("suspected-origin", "originates-from", set, from, origin, {
        description: `${actor.name} is said to operate from ${m.governments.get(government)!.name}${by}.`,
        external_references: sources.flatMap((key) => m.sourceReference(key) ?? []),
        [`${X}relation`]: "suspected-origin",
        [`${X}claimed_by`]: claimedBy,
      });
    }
    const agency = stateActor(m, "Agency", actor.affiliatedAgency, origin);
    if (agency) {
      m.relate("affiliated-agency", "attributed-to", set, agency, origin, {
        description: `${actor.name} is said to be affiliated with ${m.agencies.get(actor.affiliatedAgency!)!.name}.`,
        [`${X}relation`]: "affiliated-agency",
      });
    }
    targets(m, set, origin, [
      ...countries.map((id) => place(m, id)),
      ...(actor.targetCategories ?? []).map((name) => sector(m, name, origin)),
    ]);
  }
}
