import { type DataSource, In } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import type { ConnectionArgs } from "../kit/connection";
import { childrenLoader, keyedLoader, nestedLoader } from "../kit/loaders";
import { Defendant, DefendantConnection } from "./defendant";
import { BY_ACTION_DATE, defendantQuery } from "./defendant.queries";

/**
 * The defendants of each legal action, each government's nationals charged and each person's
 * roles, batched.
 */
export function defendantLoaders(db: DataSource, budget: ResponseBudget) {
  const defendantByKey = keyedLoader(
    budget,
    (keys) => db.getRepository(Defendant).findBy({ key: In(keys.map(Number)) }),
    (defendant) => String(defendant.key),
  );
  const defendantsWhere = (parent: (key: string) => string) =>
    nestedLoader(
      db,
      budget,
      DefendantConnection,
      (_args: ConnectionArgs) => ({
        query: () => defendantQuery(db),
        parent,
        id: "d.key::text",
        byId: defendantByKey,
        shape: `defendants|${parent("k.key")}`,
      }),
      () => BY_ACTION_DATE,
    );
  return {
    defendantsOf: childrenLoader(db, budget, Defendant, "legalActionId"),
    nationalsCharged: defendantsWhere((key) => `d.nationality_id = ${key}`),
    rolesOf: defendantsWhere((key) => `d.person_id = ${key}`),
  };
}
