import { type DataSource, In } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import type { ConnectionArgs } from "../kit/connection";
import { childrenLoader, keyedLoader, nestedLoader } from "../kit/loaders";
import { Defendant, DefendantConnection } from "./defendant";
import { BY_ACTION_DATE, defendantQuery } from "./defendant.queries";

/** The defendants of each legal action, and each government's nationals charged, batched. */
export function defendantLoaders(db: DataSource, budget: ResponseBudget) {
  const defendantByKey = keyedLoader(
    budget,
    (keys) => db.getRepository(Defendant).findBy({ key: In(keys.map(Number)) }),
    (defendant) => String(defendant.key),
  );
  return {
    defendantsOf: childrenLoader(db, budget, Defendant, "legalActionId"),
    nationalsCharged: nestedLoader(
      db,
      budget,
      DefendantConnection,
      (_args: ConnectionArgs) => ({
        query: () => defendantQuery(db),
        parent: (key) => `d.nationality_id = ${key}`,
        id: "d.key::text",
        fetch: (keys) => defendantByKey.loadMany(keys),
      }),
      () => BY_ACTION_DATE,
    ),
  };
}
