import type { DataSource } from "typeorm";
import type { ResponseBudget } from "./budget";

/** The loaders of one record kind (or one concern: history, snapshots), built together. */
export type LoaderFamily = (db: DataSource, budget: ResponseBudget) => object;

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

const STATE = Symbol("loader families");

interface State {
  db: DataSource;
  budget: ResponseBudget;
  built: object[];
}

/**
 * A request's loaders, each family built when one of its loaders is first used: a request that
 * reads statements builds no analytics, history or snapshot loaders. The families' names are
 * learnt once (from the first request's set), as getters on a shared prototype.
 */
export function lazyLoaders<F extends LoaderFamily[]>(...families: F) {
  let prototype: object | undefined;
  const describe = (db: DataSource, budget: ResponseBudget) => {
    const shared = {};
    families.forEach((family, i) => {
      for (const name of Object.keys(family(db, budget))) {
        Object.defineProperty(shared, name, {
          enumerable: true,
          get(this: { [STATE]: State }) {
            const state = this[STATE];
            state.built[i] ??= family(state.db, state.budget);
            return (state.built[i] as Record<string, unknown>)[name];
          },
        });
      }
    });
    return shared;
  };
  return (db: DataSource, budget: ResponseBudget): Intersection<ReturnType<F[number]>> => {
    prototype ??= describe(db, budget);
    const loaders = Object.create(prototype) as { [STATE]: State };
    loaders[STATE] = { db, budget, built: [] };
    return loaders as Intersection<ReturnType<F[number]>>;
  };
}
