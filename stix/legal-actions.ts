import type { Mapping } from "./context";
import { periodEnd, periodStart, precisions } from "./dates";
import { LEGAL_ACTION_TYPE, NEW_SDO_EXTENSION } from "./extension";
import { personRoles } from "./persons";

/**
 * A legal action (indictment, complaint, sanction, ...) is the extension's new SDO
 * (stix/schemas/x-attribution-graph-legal-action.json): its own properties are top-level and
 * unprefixed, as STIX 2.1 § 7.3 wants for a `new-sdo`; dates follow the rule of dates.ts with
 * their precision in `date_precision`. Each person it names is related to it (persons.ts).
 */
export function mapLegalActions(m: Mapping): void {
  for (const action of m.mapped("LegalAction", m.legalActions)) {
    const origin = m.origin("legal-actions", `LegalAction:${action.id}`, action, [
      action.announced,
      action.unsealed,
      action.filed,
    ]);
    const sdo = m.add(LEGAL_ACTION_TYPE, origin.globalId, origin, {
      name: action.title,
      description: action.summary,
      legal_action_kind: action.kind,
      status: action.status,
      jurisdiction_ref: m.identity("Government", action.jurisdiction),
      authority_ref: m.identity("Agency", action.authority),
      court: action.court,
      case_number: action.caseNumber,
      filed: action.filed && periodStart(action.filed),
      unsealed: action.unsealed && periodStart(action.unsealed),
      announced: action.announced && periodStart(action.announced),
      conduct_from: action.conductFrom && periodStart(action.conductFrom),
      conduct_to: action.conductTo && periodEnd(action.conductTo),
      date_precision: precisions({
        filed: action.filed,
        unsealed: action.unsealed,
        announced: action.announced,
        conduct_from: action.conductFrom,
        conduct_to: action.conductTo,
      }),
      charges: (action.charges ?? []).map((charge) => ({
        statute: charge.statute,
        description: charge.description,
        counts: charge.counts,
        maximum_penalty: charge.maximumPenalty,
      })),
      defendants: (action.defendants ?? []).map((defendant) => ({
        name: defendant.name,
        defendant_kind: defendant.kind,
        nationality_ref: m.identity("Government", defendant.nationality),
        affiliated_actor_ref: m.intrusionSet(defendant.affiliatedActor),
        employer: defendant.employer,
        status: defendant.status,
      })),
      sanctions: action.sanctions && {
        regime: action.sanctions.regime,
        measures: action.sanctions.measures,
      },
      related_incident_refs: (action.relatedIncidents ?? [])
        .map((id) => m.campaign(id))
        .filter(Boolean),
      related_actor_refs: (action.relatedActors ?? [])
        .map((id) => m.intrusionSet(id))
        .filter(Boolean),
      external_references: m.references(origin.globalId, action),
      extensions: NEW_SDO_EXTENSION,
    });
    personRoles(m, action, sdo, origin);
  }
}
