import type { DataSource } from "typeorm";
import { describe, expect, it } from "vitest";
import { ResponseBudget } from "../../../../services/kit/budget";
import { lazyLoaders } from "../../../../services/kit/lazy-loaders";

// A request builds the loaders of a kind when it first uses one of them, once, and each request
// has its own: a statement read builds no analytics, history or snapshot loaders.
describe("services > kit > lazy loaders", () => {
  const db = {} as DataSource;
  const built: string[] = [];
  const createLoaders = lazyLoaders(
    (_db, budget) => {
      built.push("statements");
      return { statementById: { budget }, quotesOf: { budget } };
    },
    () => {
      built.push("analytics");
      return { delays: {} };
    },
  );

  it("builds a family at the first use of one of its loaders, once per request", () => {
    createLoaders(db, new ResponseBudget()); // learns the families' names
    built.length = 0;
    const budget = new ResponseBudget();
    const loaders = createLoaders(db, budget);
    expect(built).toEqual([]);
    expect(loaders.statementById.budget).toBe(budget);
    expect(loaders.quotesOf).toBeDefined();
    expect(loaders.statementById).toBe(loaders.statementById);
    expect(built).toEqual(["statements"]);
    const other = createLoaders(db, new ResponseBudget());
    expect(other.statementById).not.toBe(loaders.statementById);
    expect(built).toEqual(["statements", "statements"]);
  });
});
