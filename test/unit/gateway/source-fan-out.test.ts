import { readFileSync } from "node:fs";
import { Supergraph, operationFromDocument } from "@apollo/federation-internals";
import { QueryPlanner } from "@apollo/query-planner";
import { parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import {
  type SubgraphAnswer,
  fanOutOperation,
  fanOutSourceWrites,
  writesSources,
} from "../../../gateway/source-fan-out";
import { SUPERGRAPH_PATH } from "../../../gateway/supergraph";

const supergraph = Supergraph.build(readFileSync(SUPERGRAPH_PATH, "utf8"));
const planner = new QueryPlanner(supergraph);

/** The operation the gateway sends a subgraph for `query` (a one-fetch plan). */
function fetchOperation(query: string): { serviceName: string; operation: string } {
  const plan = planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(query)));
  const node = plan.node as { kind: string; serviceName: string; operation: string };
  expect(node.kind).toBe("Fetch");
  return node;
}

const CLIENT = /* GraphQL */ `
  mutation Source($input: SourceInput!, $update: Boolean) {
    written: upsertSource(input: $input, updateSources: $update) {
      changed
      source {
        id
      }
      problems {
        where: path
        code
      }
    }
  }
`;

const normal = (query: string) => print(parse(query));

// The planner sends a shareable mutation field to one subgraph; the gateway rewrites that
// subgraph operation (an AST, not a string) to send it to every subgraph: a dry run first.
describe("gateway > source fan-out > the operation", () => {
  it("finds the writes of sources in what the planner sends, and nothing else", () => {
    const { operation } = fetchOperation(CLIENT);
    expect(writesSources(operation)).not.toBeNull();
    expect(writesSources(`query { source(id: "upsertSource") { id } }`)).toBeNull();
    expect(writesSources(`mutation { deleteGovernment(id: "upsertSource") { id } }`)).toBeNull();
  });

  it("adds dryRun and the probes to each upsertSource field, and drops the others", () => {
    const document = parse(/* GraphQL */ `
      mutation M($input: SourceInput!, $government: GovernmentInput!) {
        upsertGovernment(input: $government) {
          action
        }
        a: upsertSource(input: $input) {
          action
          source {
            id
          }
        }
      }
    `);
    expect(print(fanOutOperation(document, { dryRun: true, only: true }))).toBe(
      normal(/* GraphQL */ `
        mutation M($input: SourceInput!) {
          a: upsertSource(input: $input, dryRun: true) {
            action
            source {
              id
            }
            _fanOutProblems: problems {
              path
              code
              message
            }
            _fanOutChanged: changed
            _fanOutAction: action
          }
        }
      `),
    );
    const all = print(fanOutOperation(document, { dryRun: false, only: false }));
    expect(all).toContain("upsertGovernment(input: $government)");
    expect(all).not.toContain("dryRun");
    // The probes go to the upsertSource field alone.
    expect(all.match(/_fanOutChanged/g)).toHaveLength(1);
  });
});

const problem = { path: ["input"], code: "SOURCE_CONFLICT", message: "title differ" };
const answer = (changed: boolean, problems: object[] = []): SubgraphAnswer => ({
  data: {
    written: {
      changed,
      source: problems.length ? null : { id: "s" },
      problems: problems.map(({ path, code }: any) => ({ where: path, code })),
      _fanOutProblems: problems,
      _fanOutChanged: changed,
      _fanOutAction: problems.length ? null : changed ? "UPDATED" : "UNCHANGED",
    },
  },
});

describe("gateway > source fan-out > the answer", () => {
  const { operation, serviceName } = fetchOperation(CLIENT);
  const subgraphs = ["governments", "incidents", "legal-actions"];

  it("answers every subgraph's problems once, and writes nowhere", async () => {
    const sent: [string, string][] = [];
    const result = await fanOutSourceWrites(parse(operation), serviceName, subgraphs, (name, q) => {
      sent.push([name, q]);
      return Promise.resolve(answer(false, name === "governments" ? [] : [problem]));
    });
    expect(sent.map(([name]) => name)).toEqual(subgraphs);
    expect(sent.every(([, q]) => q.includes("dryRun: true"))).toBe(true);
    expect(result.data).toEqual({
      written: {
        changed: false,
        source: null,
        problems: [{ where: ["input"], code: "SOURCE_CONFLICT" }],
      },
    });
  });

  it("then writes everywhere; changed when any subgraph changed", async () => {
    const sent: string[] = [];
    const result = await fanOutSourceWrites(parse(operation), serviceName, subgraphs, (name, q) => {
      sent.push(q.includes("dryRun") ? `check ${name}` : `write ${name}`);
      return Promise.resolve(answer(!q.includes("dryRun") && name === "incidents"));
    });
    expect(sent).toEqual([
      ...subgraphs.map((n) => `check ${n}`),
      ...subgraphs.map((n) => `write ${n}`),
    ]);
    expect(result.data).toEqual({ written: { changed: true, source: { id: "s" }, problems: [] } });
  });
});
