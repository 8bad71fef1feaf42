import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { byIdLoader, childrenLoader } from "../kit/loaders";
import { Quote } from "./quote";
import { Statement } from "./statement";
import { issuedOrCosignedBy, statementList } from "./statement.queries";

/** SQL naming, in an attribution of statement `s`, the record `key` in `column`. */
const attributionNaming = (column: string) => (key: string) =>
  `EXISTS (SELECT 1 FROM governments.attribution n WHERE n.statement_id = s.id AND n.${column} = ${key})`;

/** Statements by id, their quotes, and the statements of each parent record, batched. */
export function statementLoaders(db: DataSource, budget: ResponseBudget) {
  const statementById = byIdLoader(db, budget, Statement);
  const statementsWhere = (parent: (key: string) => string) =>
    statementList.nested(db, budget, statementById, parent);
  return {
    statementById,
    quotesOf: childrenLoader(db, budget, Quote, "statementId"),
    statementsOfGovernment: statementsWhere(issuedOrCosignedBy),
    statementsOfOfficial: statementsWhere((key) => `s.speaker_id = ${key}`),
    statementsOfIncident: statementsWhere(attributionNaming("incident_id")),
    statementsOfActor: statementsWhere(attributionNaming("actor_id")),
  };
}
