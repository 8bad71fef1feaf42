import { type GraphQLError, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { MAX_VARIABLE_DEPTH, inputGuardPlugin, inputProblems } from "../../../platform/input-guard";

const QUERY = parse(`query ($t: String) { statements(filter: { text: $t }) { totalCount } }`);

/** `levels` nested lists around an empty one: `[[[]]]` for 3. */
const nested = (levels: number): unknown => {
  let value: unknown = [];
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

// What no input may carry, found before anything runs, each problem by its path: the NUL
// character, lone surrogates, numbers JSON cannot carry on, variables nested too deep.
describe("platform > input-guard > inputProblems", () => {
  it("finds nothing wrong with ordinary text, numbers, lists and surrogate pairs", () => {
    const variables = { t: "piratage 😀 écosystème", n: 1e308, list: [1, "a", { b: [true] }] };
    expect(inputProblems(variables, QUERY)).toEqual([]);
  });

  it("names the path of a NUL, a lone surrogate and a number out of range", () => {
    const problems = inputProblems(
      {
        t: "pira\u0000tage",
        input: { quotes: [{ text: "ok" }, { text: "x\ud800y" }] },
        n: Infinity,
      },
      QUERY,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: ["variables", "t"], message: "must not contain the NUL character (U+0000)" },
        {
          path: ["variables", "input", "quotes", 1, "text"],
          message: "must not contain a lone UTF-16 surrogate (malformed Unicode)",
        },
        { path: ["variables", "n"], message: "is a number out of range" },
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it("checks object keys as well as values", () => {
    expect(inputProblems({ input: { "a\u0000b": 1 } }, QUERY)).toEqual([
      {
        path: ["variables", "input"],
        message: "has a key that must not contain the NUL character (U+0000)",
      },
    ]);
  });

  it(`refuses variables nested deeper than ${MAX_VARIABLE_DEPTH} levels, 10,000 deep without recursion`, () => {
    expect(inputProblems({ v: nested(MAX_VARIABLE_DEPTH - 1) }, QUERY)).toEqual([]);
    for (const levels of [MAX_VARIABLE_DEPTH, 10_000]) {
      expect(inputProblems({ v: nested(levels) }, QUERY)).toEqual([
        { path: ["variables", "v", 0], message: "is nested deeper than 32 levels" },
      ]);
    }
  });

  it("finds a bad string literal in the query itself, with its line", () => {
    const document = parse(`{\n  government(id: "u\\u0000s") { id }\n}`);
    expect(inputProblems({}, document)).toEqual([
      {
        path: ["query"],
        message: "has a string literal (line 2) that must not contain the NUL character (U+0000)",
      },
    ]);
  });

  it("reports at most 20 problems, however many there are", () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`v${i}`, "\u0000"]));
    expect(inputProblems(many, QUERY)).toHaveLength(20);
  });
});

// The plugin refuses a request whose inputs are wrong with HTTP 400 and every problem listed.
describe("platform > input-guard > inputGuardPlugin", () => {
  const guard = async (variables: Record<string, unknown>) => {
    const context = { request: { variables }, document: QUERY };

    const listener = (await inputGuardPlugin().requestDidStart!(context as any)) as any;
    return listener.didResolveOperation(context).then(
      () => undefined,
      (error: GraphQLError) => error,
    );
  };

  it("passes clean inputs, and refuses bad ones with BAD_USER_INPUT, 400 and their paths", async () => {
    expect(await guard({ t: "fine" })).toBeUndefined();
    const refused: GraphQLError = await guard({ t: "a\u0000", list: [1, -Infinity] });
    expect(refused.extensions).toMatchObject({ code: "BAD_USER_INPUT", http: { status: 400 } });
    expect(refused.message).toBe(
      "variables.list[1]: is a number out of range; variables.t: must not contain the NUL character (U+0000)",
    );
    expect(refused.extensions.problems).toHaveLength(2);
  });
});
