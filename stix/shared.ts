import type { Mapping, Origin } from "./context";
import { stixId } from "./ids";
import { X, recordReference } from "./model";

/**
 * A government or agency as the party an attribution or a sponsorship names. STIX has no
 * relationship from a campaign or an intrusion set to an identity, but it has `attributed-to`
 * from both to a threat actor, and from a threat actor to the identity it really is. So the
 * state (or agency) acting is a `threat-actor` of type `nation-state`, `attributed-to` its
 * identity; it is made the first time something names it, and served with its record.
 */
export function stateActor(
  m: Mapping,
  kind: "Government" | "Agency",
  id: string | undefined,
  by: Origin,
): string | undefined {
  const identity = m.identity(kind, id);
  if (!identity || !id) return undefined;
  const record = kind === "Government" ? m.governments.get(id)! : m.agencies.get(id)!;
  const own = m.origin("governments", `${kind}:${id}`, record);
  const origin = m.shared(own.globalId, by, own);
  const actor = m.add("threat-actor", `${origin.globalId}/state-actor`, origin, {
    name: record.name,
    description: `${record.name} acting as a state threat actor: what is attributed to it is attributed to the ${kind === "Government" ? "government" : "agency"} identity of the same name.`,
    threat_actor_types: ["nation-state"],
    external_references: [recordReference(origin.globalId)],
    [`${X}identity_ref`]: identity,
  });
  m.relate("state-actor/attributed-to", "attributed-to", actor, identity, origin);
  return actor;
}

/** A targeted country: its `location` when it has an ISO code, else its identity. */
export function place(m: Mapping, id: string): string | undefined {
  const government = m.governments.get(id);
  if (!government) return undefined;
  return government.isoAlpha2
    ? stixId("location", `Government:${id}/location`)
    : m.identity("Government", id);
}

/**
 * A kind of target ("health", "private sector"): an identity of class `class`, as STIX's
 * victim-targeting idiom has it, one for every record that names it.
 */
export function sector(m: Mapping, name: string, by: Origin): string {
  return m.add("identity", `Sector:${name}`, m.shared(by.globalId, by), {
    name,
    identity_class: "class",
    description: `Organisations of the "${name}" sector, as a kind of target.`,
  });
}

/** A CVE as a `vulnerability` with its `cve` external reference. */
export function vulnerability(m: Mapping, cve: string, by: Origin): string {
  return m.add("vulnerability", `Vulnerability:${cve}`, m.shared(by.globalId, by), {
    name: cve,
    external_references: [{ source_name: "cve", external_id: cve }],
  });
}

/** `<origin> targets <target>` for each target that resolves. */
export function targets(m: Mapping, source: string, origin: Origin, ids: (string | undefined)[]) {
  for (const target of ids)
    if (target) m.relate(`targets/${target}`, "targets", source, target, origin);
}
