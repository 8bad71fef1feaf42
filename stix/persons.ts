import type { Mapping, Origin } from "./context";
import { X } from "./model";
import type { LegalActionRecord, PersonRecord } from "./records";

/**
 * A person is an `identity` of class `individual`, like an official. STIX's identity has no
 * aliases nor nationality: every spelling is in `x_attribution_graph_names` (with who used it)
 * and, for readers of the standard properties, in `description`. Affiliations are `related-to`
 * relationships to the intrusion set or the agency's identity (STIX has no membership type),
 * told apart by `x_attribution_graph_relation`, as the sponsorships of threat-actors.ts are.
 */
export function mapPersons(m: Mapping): void {
  for (const person of m.mapped("Person", m.persons)) {
    const origin = m.origin("legal-actions", `Person:${person.id}`, person, [person.birthDate]);
    const primary = person.names.find((n) => n.kind === "PRIMARY") ?? person.names[0];
    const others = person.names.filter((n) => n !== primary).map((n) => n.name);
    const affiliations = person.affiliations ?? [];
    const identity = m.add("identity", origin.globalId, origin, {
      name: primary.name,
      identity_class: "individual",
      description: others.length ? `Also written: ${others.join("; ")}.` : undefined,
      roles: [...new Set(affiliations.flatMap((a) => (a.role ? [a.role] : [])))],
      external_references: m.references(origin.globalId, person),
      [`${X}names`]: person.names.map((n) => ({
        name: n.name,
        kind: n.kind,
        language: n.language,
        script: n.script,
        used_by: n.usedBy,
        external_references: (n.sources ?? []).map((key) => m.sourceReference(key)),
      })),
      [`${X}nationality_ref`]: m.identity("Government", person.nationality),
      [`${X}birth_date`]: person.birthDate,
      [`${X}birth_place`]: person.birthPlace,
      [`${X}affiliations`]: affiliations.map((a) => ({
        actor_ref: m.intrusionSet(a.actor),
        agency_ref: m.identity("Agency", a.agency),
        employer: a.employer,
        role: a.role,
        from: a.from,
        to: a.to,
      })),
    });
    for (const [i, a] of affiliations.entries()) {
      const target = m.intrusionSet(a.actor) ?? m.identity("Agency", a.agency);
      if (!target) continue;
      m.relate(`affiliation/${i}`, "related-to", identity, target, origin, {
        description: `${primary.name} is affiliated with ${affiliationName(m, a)}${a.role ? ` (${a.role})` : ""}.`,
        [`${X}relation`]: "affiliated-with",
        external_references: (a.sources ?? []).map((key) => m.sourceReference(key)),
      });
    }
  }
}

function affiliationName(m: Mapping, a: NonNullable<PersonRecord["affiliations"]>[number]) {
  return (
    (a.actor && m.threatActors.get(a.actor)?.name) ??
    (a.agency && m.agencies.get(a.agency)?.name) ??
    a.employer
  );
}

/**
 * Each person a legal action names, as a `related-to` relationship from the person's identity
 * to the action: `x_attribution_graph_relation` "defendant" (charged) or "listed" (sanctioned),
 * with the name as the action writes it and the person's status in it. Made with the action.
 */
export function personRoles(m: Mapping, action: LegalActionRecord, sdo: string, origin: Origin) {
  const listed = action.kind === "SANCTION";
  for (const defendant of action.defendants ?? []) {
    const person = m.identity("Person", defendant.person);
    if (!person) continue;
    m.relate(`person/${defendant.person}`, "related-to", person, sdo, origin, {
      description: `${defendant.name} is ${listed ? "listed by" : "a defendant in"} ${action.title}.`,
      [`${X}relation`]: listed ? "listed" : "defendant",
      [`${X}name_in_action`]: defendant.name,
      [`${X}status`]: defendant.status,
    });
  }
}
