import type { EntityManager } from "typeorm";
import type { Path, Problem } from "../../platform/problem";
import { referenceProblems } from "../kit/records";
import { DefendantKind } from "./enums";
import type { DefendantInput } from "./legal-action.inputs";
import { Person } from "./person";

/**
 * A natural person is named by their Person record (which must exist), an organisation never
 * is, and one person is named once per action.
 */
export async function defendantProblems(
  db: EntityManager,
  defendants: DefendantInput[],
  path: Path,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const named = new Set<string>();
  defendants.forEach((d, i) => {
    if (d.kind === DefendantKind.PERSON && !d.person) {
      problems.push({
        path: [...path, i, "person"],
        message: "a PERSON names their Person record (write it first with upsertPerson)",
      });
    }
    if (d.kind === DefendantKind.ORGANIZATION && d.person) {
      problems.push({ path: [...path, i, "person"], message: "an ORGANIZATION is not a person" });
    }
    if (d.person && named.has(d.person)) {
      problems.push({
        path: [...path, i, "person"],
        code: "DUPLICATE",
        message: `"${d.person}" is named twice`,
      });
    }
    if (d.person) named.add(d.person);
  });
  const references = defendants.map((d, i) => ({ path: [...path, i, "person"], id: d.person }));
  return [...problems, ...(await referenceProblems(db, Person, "Person", references))];
}
