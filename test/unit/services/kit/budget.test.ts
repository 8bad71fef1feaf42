import type { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { BytesInFlight, REQUEST_ALLOWANCE_BYTES } from "../../../../platform/bytes-in-flight";
import { ResponseBudget, fetchWithin, valueBytes } from "../../../../services/kit/budget";

const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error("did not throw");
};

// A subgraph's budget counts the bytes a request reads and the bytes its answer holds, each
// against MAX_RESPONSE_BYTES, and past an allowance draws on the process's bytes in flight.
describe("services > kit > response budget in bytes", () => {
  it("counts rows as JSON would carry them: strings by their UTF-8 bytes", () => {
    expect(valueBytes("abc")).toBe(5);
    expect(valueBytes("€")).toBe(5);
    expect(valueBytes({ text: "abc", n: 1 })).toBe(2 + (4 + 4 + 5) + (1 + 4 + 8));
    expect(valueBytes(["a", "b"])).toBe(2 + 2 * (3 + 1));
  });

  it("refuses reads past the limit, and any fetch after", () => {
    const budget = new ResponseBudget(1000, 100);
    budget.charge([{ text: "x".repeat(50) }]);
    const error = thrown(() => budget.charge([{ text: "x".repeat(50) }]));
    expect(error.extensions).toEqual({ code: "RESPONSE_TOO_LARGE", maxResponseBytes: 100 });
    expect(error.message).toMatch(/^the request would read more than 100 bytes/);
    expect(() => budget.ensureRoom()).toThrow(/read more than 100 bytes/);
  });

  it("cuts an answer off at the limit once: later nullable leaves are null", () => {
    const budget = new ResponseBudget(1000, 100);
    expect(budget.answer("x".repeat(60), true)).toBe("x".repeat(60));
    const error = thrown(() => budget.answer("y".repeat(60), true));
    expect(error.message).toMatch(/^the answer would carry more than 100 bytes/);
    expect(budget.answer("z", true)).toBeNull();
    expect(() => budget.answer("z", false)).toThrow(/carry more than 100 bytes/);
  });

  it("draws what a request holds past its allowance on the process's pool, and gives it back", () => {
    const pool = new BytesInFlight(5);
    const big = "x".repeat(REQUEST_ALLOWANCE_BYTES);
    const first = new ResponseBudget(1000, 10 * REQUEST_ALLOWANCE_BYTES, pool);
    first.charge([big]);
    expect(pool.held).toBe(2);
    const second = new ResponseBudget(1000, 10 * REQUEST_ALLOWANCE_BYTES, pool);
    second.charge(["small"]);
    const error = thrown(() => second.charge([big]));
    expect(error.extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    first.share.release();
    second.share.release();
    expect(pool.held).toBe(0);
  });

  it("fetches a large batch by parts and stops at the first part past the budget", async () => {
    const budget = new ResponseBudget(1000, 1000);
    const asked: number[] = [];
    const keys = Array.from({ length: 250 }, (_, i) => `k${i}`);
    const fetch = async (part: readonly string[]) => {
      asked.push(part.length);
      return part.map((key) => ({ key, text: "x".repeat(10) }));
    };
    await expect(fetchWithin(budget, keys, fetch)).rejects.toThrow(/read more than 1000 bytes/);
    expect(asked).toEqual([100]);
    expect(await fetchWithin(new ResponseBudget(), keys, fetch)).toHaveLength(250);
    expect(asked).toEqual([100, 100, 100, 50]);
  });
});
