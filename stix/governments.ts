import type { Mapping } from "./context";
import { X } from "./model";

export const ISO_ALPHA_2 = "ISO 3166-1 alpha-2";
export const ISO_ALPHA_3 = "ISO 3166-1 alpha-3";

/**
 * Governments and agencies are `identity` objects of class `organization`, officials of class
 * `individual`. A state with ISO codes also gets a `location` (STIX's place for the alpha-2
 * code, `country`) that its identity is `located-at`; both codes are external references.
 */
export function mapGovernments(m: Mapping): void {
  for (const government of m.mapped("Government", m.governments)) {
    const origin = m.origin("governments", `Government:${government.id}`, government);
    const [self, ...cited] = m.references(origin.globalId, government);
    const identity = m.add("identity", origin.globalId, origin, {
      name: government.name,
      identity_class: "organization",
      sectors: [government.kind === "STATE" ? "government-national" : "government"],
      external_references: [
        self,
        government.isoAlpha2 && { source_name: ISO_ALPHA_2, external_id: government.isoAlpha2 },
        government.isoAlpha3 && { source_name: ISO_ALPHA_3, external_id: government.isoAlpha3 },
        ...cited,
      ].filter(Boolean),
      [`${X}kind`]: government.kind,
      [`${X}member_of_refs`]: (government.memberOf ?? [])
        .map((id) => m.identity("Government", id))
        .filter(Boolean),
    });
    if (!government.isoAlpha2) continue;
    const location = m.add("location", `${origin.globalId}/location`, origin, {
      name: government.name,
      country: government.isoAlpha2,
    });
    m.relate("located-at", "located-at", identity, location, origin);
  }
  for (const agency of m.mapped("Agency", m.agencies)) {
    const origin = m.origin("governments", `Agency:${agency.id}`, agency);
    m.add("identity", origin.globalId, origin, {
      name: agency.name,
      identity_class: "organization",
      external_references: m.references(origin.globalId, agency),
      [`${X}kind`]: agency.kind,
      [`${X}acronym`]: agency.acronym,
      [`${X}government_ref`]: m.identity("Government", agency.government),
      [`${X}parent_ref`]: m.identity("Agency", agency.parent),
    });
  }
  for (const official of m.mapped("Official", m.officials)) {
    const origin = m.origin("governments", `Official:${official.id}`, official);
    const roles = official.roles ?? [];
    m.add("identity", origin.globalId, origin, {
      name: official.name,
      identity_class: "individual",
      roles: [...new Set(roles.map((role) => role.title))],
      external_references: m.references(origin.globalId, official),
      [`${X}roles`]: roles.map((role) => ({
        title: role.title,
        agency_ref: m.identity("Agency", role.agency),
        government_ref: m.identity("Government", role.government),
        from: role.from,
        to: role.to,
      })),
    });
  }
}
