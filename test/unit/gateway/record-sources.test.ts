import { readFileSync } from "node:fs";
import { Supergraph, operationFromDocument } from "@apollo/federation-internals";
import { QueryPlanner } from "@apollo/query-planner";
import { parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { MAX_SOURCE_CHECKS, type SourceConflict } from "../../../platform/identity";
import {
  type WriteClaims,
  recordSourceWrites,
  sourcesOperation,
  withActionProbe,
  writeWithRecordSources,
} from "../../../gateway/record-sources";
import type { SubgraphAnswer } from "../../../gateway/source-fan-out";
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

const SOURCE = { key: "doj-2024", title: "Indictment", language: "en" };

// A statement sends a source by variable, a second write of the same subgraph sends one as a
// literal with updateSources: both are read from what the planner sends the subgraph.
const CLIENT = /* GraphQL */ `
  mutation Write($input: StatementInput!, $sources: [SourceInput!], $agency: AgencyInput!) {
    said: upsertStatement(input: $input, sources: $sources) {
      action
      problems {
        code
      }
    }
    upsertAgency(
      input: $agency
      sources: [{ key: "eeas-2024", title: "EEAS" }]
      updateSources: true
    ) {
      changed
    }
    plain: upsertGovernment(input: { id: "x", name: "X", kind: STATE }) {
      action
    }
  }
`;
const VARIABLES = { input: {}, sources: [SOURCE, { title: "no key" }], agency: {} };

describe("gateway > record sources > the operation", () => {
  const { operation, serviceName } = fetchOperation(CLIENT);

  it("reads the sources each record write sends, by variable or literal", () => {
    expect(serviceName).toBe("governments");
    const found = recordSourceWrites(operation, VARIABLES)!;
    expect(found.writes).toEqual([
      // The keyless source is the subgraph's own problem to report: not asked elsewhere.
      { field: "said", sources: [SOURCE], updateSources: false },
      {
        field: "upsertAgency",
        sources: [{ key: "eeas-2024", title: "EEAS" }],
        updateSources: true,
      },
    ]);
    // `plain` sends no sources: the operation is not record writes alone.
    expect(found.writesAlone).toBe(false);
    expect(recordSourceWrites(operation, { ...VARIABLES, sources: null })!.writes).toHaveLength(1);
    expect(recordSourceWrites(`query { source(id: "sources") { id } }`, {})).toBeNull();
    expect(recordSourceWrites(`mutation { upsertSource(input: $sources) { action } }`, {})).toBe(
      null,
    );
  });

  it("adds the action probe to each write that sends sources, and nothing else", () => {
    const found = recordSourceWrites(operation, VARIABLES)!;
    const probed = print(withActionProbe(found.document, found.writes));
    expect(probed.match(/_recordSourcesAction: action/g)).toHaveLength(2);
    expect(probed).toMatch(/plain: upsertGovernment\([^)]*\) {\s*action\s*}/);
  });

  it("asks one upsertSources per updateSources value, with every distinct source in order", () => {
    const other = { key: "eeas-2024", title: "EEAS" };
    const checks = [
      { source: SOURCE, updateSources: true, fields: ["said"] },
      { source: other, updateSources: false, fields: ["upsertAgency"] },
      { source: { ...other, key: "third" }, updateSources: true, fields: ["said"] },
    ];
    const operation = sourcesOperation(checks, true);
    expect(operation.query)
      .toBe(`mutation RecordSources($s0: [SourceInput!]!, $s1: [SourceInput!]!) {
  s0: upsertSources(inputs: $s0, updateSources: false, dryRun: true) { action problems { code message } }
  s1: upsertSources(inputs: $s1, updateSources: true, dryRun: true) { action problems { code message } }
}`);
    expect(operation.variables).toEqual({ s0: [other], s1: [SOURCE, { ...other, key: "third" }] });
    // Each check's payload, found where its source was sent.
    const answer = { data: { s0: [{ action: "A" }], s1: [{ action: "B" }, { action: "C" }] } };
    expect([0, 1, 2].map((i) => operation.payloadOf(answer, i)?.action)).toEqual(["B", "A", "C"]);
    expect(sourcesOperation(checks, false).query).not.toContain("dryRun");
  });

  it("sends at most MAX_SOURCE_CHECKS sources in one field", () => {
    const checks = Array.from({ length: MAX_SOURCE_CHECKS + 1 }, (_, i) => ({
      source: { key: `k${i}` },
      updateSources: false,
      fields: ["said"],
    }));
    const { variables, payloadOf } = sourcesOperation(checks, true);
    expect(Object.values(variables).map((inputs) => inputs.length)).toEqual([MAX_SOURCE_CHECKS, 1]);
    const answer = { data: { s0: [], s1: [{ action: "LAST" }] } };
    expect(payloadOf(answer, MAX_SOURCE_CHECKS)?.action).toBe("LAST");
  });
});

const dryRun = (action: string | null, problems: object[] = []): SubgraphAnswer => ({
  data: { s0: [{ action, problems }] },
});
const CONFLICT = { code: "SOURCE_CONFLICT", message: '"doj-2024" is stored with ...' };
const STATEMENT = /* GraphQL */ `
  mutation ($input: StatementInput!, $sources: [SourceInput!]) {
    upsertStatement(input: $input, sources: $sources) {
      action
    }
  }
`;

/**
 * Runs the record write of STATEMENT with answers from `answers` (by subgraph and round); its
 * own subgraph answers the `unchangedOnly` try with `tried` (null: not unchanged).
 */
async function run(
  answers: (name: string, query: string) => SubgraphAnswer,
  written: boolean,
  tried: string | null = null,
) {
  const { operation, serviceName } = fetchOperation(STATEMENT);
  const found = recordSourceWrites(operation, { sources: [SOURCE] })!;
  expect(found.writesAlone).toBe(true);
  const log: string[] = [];
  let conflicts: SourceConflict[] = [];
  const action = written ? "CREATED" : null;
  const result = await writeWithRecordSources(
    found,
    serviceName,
    ["governments", "incidents", "legal-actions"],
    (name, query) => {
      log.push(`${query.includes("dryRun") ? "check" : "register"} ${name}`);
      return Promise.resolve(answers(name, query));
    },
    (query, claims) => {
      log.push(`${claims.unchangedOnly ? "try" : "write"} governments`);
      conflicts = claims.sourceConflicts;
      expect(query).toContain("_recordSourcesAction: action");
      const answer = claims.unchangedOnly ? tried : action;
      return Promise.resolve({
        data: { upsertStatement: { action: answer, _recordSourcesAction: answer } },
      });
    },
  );
  return { log, conflicts, result };
}

describe("gateway > record sources > the rounds", () => {
  it("signs another subgraph's conflict with the write, and registers nothing when refused", async () => {
    const { log, conflicts, result } = await run(
      (name) => (name === "legal-actions" ? dryRun(null, [CONFLICT]) : dryRun("CREATED")),
      false,
    );
    expect(log).toEqual([
      "try governments",
      "check incidents",
      "check legal-actions",
      "write governments",
    ]);
    expect(conflicts).toEqual([
      { field: "upsertStatement", key: "doj-2024", message: `legal-actions: ${CONFLICT.message}` },
    ]);
    expect(result.data).toEqual({ upsertStatement: { action: null } });
  });

  it("once written, registers the sources where the dry run would create or change them", async () => {
    const { log, conflicts, result } = await run(
      (name) => dryRun(name === "incidents" ? "UNCHANGED" : "CREATED"),
      true,
    );
    expect(conflicts).toEqual([]);
    expect(log).toEqual([
      "try governments",
      "check incidents",
      "check legal-actions",
      "write governments",
      "register legal-actions",
    ]);
    expect(result.data).toEqual({ upsertStatement: { action: "CREATED" } });
    expect(result.errors).toBeUndefined();
  });

  it("writes nothing when another subgraph cannot be asked", async () => {
    const failed = { errors: [{ message: "down", path: ["s0"] }], data: null };
    const { log, result } = await run(
      (name) => (name === "incidents" ? failed : dryRun("CREATED")),
      true,
    );
    expect(log).toEqual(["try governments", "check incidents", "check legal-actions"]);
    expect(result).toEqual({
      errors: [{ message: "down", extensions: undefined }],
      data: { upsertStatement: null },
    });
  });
});

describe("gateway > record sources > an unchanged write", () => {
  it("is answered by its own subgraph alone, without the probe", async () => {
    const { log, conflicts, result } = await run(() => dryRun("CREATED"), false, "UNCHANGED");
    expect(log).toEqual(["try governments"]);
    expect(conflicts).toEqual([]);
    expect(result).toEqual({ data: { upsertStatement: { action: "UNCHANGED" } } });
  });

  it("is not tried first beside other fields or with updateSources", async () => {
    const tried: boolean[] = [];
    const write = (_: unknown, claims: WriteClaims) => {
      tried.push(claims.unchangedOnly);
      return Promise.resolve({
        data: { w: { action: "UNCHANGED", _recordSourcesAction: "UNCHANGED" } },
      });
    };
    const check = () => Promise.resolve(dryRun("UNCHANGED"));
    const found = (query: string, updateSources: boolean) =>
      recordSourceWrites(query, { sources: [SOURCE], updateSources })!;
    const alone = `mutation ($sources: [SourceInput!], $updateSources: Boolean) {
      w: upsertStatement(input: {}, sources: $sources, updateSources: $updateSources) { action }
    }`;
    const beside = alone.replace("{ action }", '{ action } d: deleteStatement(id: "x") { id }');
    for (const [query, updateSources] of [
      [alone, true],
      [beside, false],
      [alone, false],
    ] as const) {
      await writeWithRecordSources(
        found(query, updateSources),
        "governments",
        ["governments", "incidents"],
        check,
        write,
      );
    }
    expect(tried).toEqual([false, false, true]);
  });
});

describe("gateway > record sources > bounded claims", () => {
  const writes = Array.from({ length: 17 }, (_, i) => ({
    field: `w${i}`,
    sources: [{ key: `k${i}` }],
    updateSources: false,
  }));
  const found = {
    document: parse(`mutation { w0: upsertGovernment(input: {}) { action } }`),
    writes,
    writesAlone: false,
  };
  const conflicted = (count: number) => () =>
    Promise.resolve({
      data: { s0: writes.map((_, i) => ({ action: null, problems: i < count ? [CONFLICT] : [] })) },
    });

  it("names every refused write when they fit, and refuses all when they do not", async () => {
    let sent: SourceConflict[] = [];
    const write = (_: unknown, claims: WriteClaims) => {
      sent = claims.sourceConflicts;
      return Promise.resolve({ data: {} });
    };
    await writeWithRecordSources(
      found,
      "governments",
      ["governments", "incidents"],
      conflicted(16),
      write,
    );
    expect(new Set(sent.map((c) => c.field)).size).toBe(16);
    sent = [];
    const refused = await writeWithRecordSources(
      found,
      "governments",
      ["governments", "incidents"],
      conflicted(17),
      write,
    );
    expect(sent).toEqual([]);
    expect(refused.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(refused.data).toEqual(Object.fromEntries(writes.map((w) => [w.field, null])));
  });
});
