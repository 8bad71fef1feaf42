import { type VariableDefinitionNode, buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { variableProblems } from "../../../gateway/variable-problems";

const schema = buildSchema(/* GraphQL */ `
  scalar PartialDate
  enum Kind {
    SPEECH
    PRESS_RELEASE
  }
  input QuoteInput {
    text: String!
  }
  input StatementInput {
    id: ID!
    kind: Kind!
    issuedAt: PartialDate!
    quotes: [QuoteInput!]
  }
  type Query {
    ok: Boolean
  }
  type Mutation {
    upsert(input: StatementInput!): Boolean
  }
`);

const definitions = parse(`mutation ($input: StatementInput!) { upsert(input: $input) }`)
  .definitions[0] as { variableDefinitions: readonly VariableDefinitionNode[] };

const check = (input: unknown, production = false) =>
  variableProblems(schema, definitions.variableDefinitions, { input }, production);

// GraphQL's refusals of variables, each with its path, in one line, never the whole input.
describe("gateway > variable problems", () => {
  it("lists every refused value at its path, dates checked by the gateway itself", () => {
    const problems = check({
      id: "s",
      kind: "TWEET",
      issuedAt: "2024-02-30",
      isuedAt: "2024",
      quotes: "oops",
      text: "x".repeat(10_000),
    });
    expect(problems.map((p) => p.path.join("."))).toEqual([
      "input.kind",
      "input.issuedAt",
      "input.quotes",
      "input",
      "input",
    ]);
    expect(problems[1].message).toBe('"2024-02-30" is not a calendar date');
    expect(
      problems.every((p) => !p.message.includes("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")),
    ).toBe(true);
  });

  it("cuts a long bad value short and drops suggestions in production", () => {
    const [long] = check({ id: "s", kind: "K".repeat(1000), issuedAt: "2024" });
    expect(long.message).toBe(`Value "${"K".repeat(40)}…" does not exist in "Kind" enum.`);
    const [suggested] = check({ id: "s", kind: "SPEECH", issuedAt: "2024", quote: [] }, true);
    expect(suggested.message).toBe('Field "quote" is not defined by type "StatementInput".');
  });

  it("finds nothing wrong with a valid input", () => {
    expect(
      check({ id: "s", kind: "SPEECH", issuedAt: "2024-07", quotes: [{ text: "t" }] }),
    ).toEqual([]);
  });
});
