import { readFileSync, readdirSync } from "node:fs";
import type { Bundle } from "../../platform/bundle";
import { projectPath } from "../../platform/paths";
import type { GovernmentInput } from "../../services/governments/government.inputs";
import type { StatementInput } from "../../services/governments/statement.inputs";
import type { IncidentInput } from "../../services/incidents/incident.inputs";
import type { ThreatActorInput } from "../../services/incidents/threat-actor.inputs";
import type { LegalActionInput } from "../../services/legal-actions/legal-action.inputs";
import type { PersonInput } from "../../services/legal-actions/person.inputs";

/** The shipped dataset, merged, so tests derive expected values from the data files. */
export function shippedDataset() {
  const dir = projectPath("data");
  const bundles = readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as Bundle);
  // Records have the shape of their kind's write input (the bundle format is defined by it).
  const all = <T>(key: keyof Bundle): T[] =>
    bundles.flatMap((bundle) => (bundle[key] ?? []) as unknown as T[]);
  const statements = all<StatementInput>("statements");
  return {
    governments: all<GovernmentInput>("governments"),
    threatActors: all<ThreatActorInput>("threatActors"),
    incidents: all<IncidentInput>("incidents"),
    statements,
    legalActions: all<LegalActionInput>("legalActions"),
    persons: all<PersonInput>("persons"),
    attributions: statements.flatMap((statement) =>
      (statement.attributions ?? []).map((attribution) => ({ ...attribution, statement })),
    ),
  };
}
