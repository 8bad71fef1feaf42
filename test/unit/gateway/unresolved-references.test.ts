import { readFileSync } from "node:fs";
import {
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  buildSchema,
  parse,
} from "graphql";
import { describe, expect, it } from "vitest";
import { unresolvedOf, writeReferences } from "../../../gateway/unresolved-references";
import { projectPath } from "../../../platform/paths";

const schema = buildSchema(readFileSync(projectPath("schema", "api.graphql"), "utf8"));

// The gateway checks only what a subgraph cannot: references from a write into other sources.
describe("gateway > unresolved references", () => {
  it("lists the references each upsert asking for warnings makes into other sources, from variables and literals", () => {
    const mutation = parse(`mutation ($input: StatementInput!) {
      a: upsertStatement(input: $input) { action warnings { code } }
      upsertThreatActor(input: { id: "x", name: "X", kind: CRIMINAL, sponsorState: "zz", sources: [] }) { ...Warned }
      b: upsertThreatActor(input: { id: "y", name: "Y", kind: CRIMINAL, sponsorState: "yy", sources: [] }) { action }
      deleteIncident(id: "y") { action }
    }
    fragment Warned on UpsertThreatActorPayload { ... on UpsertThreatActorPayload { warnings { path } } }`);
    const operation = mutation.definitions[0] as OperationDefinitionNode;
    const fragments = { Warned: mutation.definitions[1] as FragmentDefinitionNode };
    const input = {
      id: "s",
      issuer: "us",
      attributions: [{ id: "s-a", incident: "inc", actor: "apt", state: "cn", kind: "FORMAL" }],
    };
    // b does not ask for warnings: its sponsor state "yy" is not looked up.
    expect(writeReferences(schema, operation, { input }, fragments)).toEqual([
      { at: ["attributions", 0, "incident"], type: "Incident", id: "inc" },
      { at: ["attributions", 0, "actor"], type: "ThreatActor", id: "apt" },
      { at: ["sponsorState"], type: "Government", id: "zz" },
    ]);
  });

  it("asks each root list for its ids once, 100 at a time, and names what it did not find", async () => {
    const asked: string[] = [];
    const references = [
      ...Array.from({ length: 150 }, (_, i) => ({
        at: [],
        type: "Incident" as const,
        id: `i${i}`,
      })),
      { at: [], type: "ThreatActor" as const, id: "apt" },
      { at: [], type: "ThreatActor" as const, id: "apt" },
    ];
    const missing = await unresolvedOf(references, async (query, variables) => {
      asked.push(query.replace(/\s+/g, " "));
      const lists = Object.values(variables) as string[][];
      return Object.fromEntries(
        lists.map((ids, j) => [
          `l${j}`,
          { nodes: ids.filter((id) => id !== "i7").map((id) => ({ id })) },
        ]),
      );
    });
    expect(missing).toEqual(["Incident:i7"]);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain("l0: incidents(first: 100");
    expect(asked[0]).toContain("l1: incidents(first: 50");
    expect(asked[0]).toContain("l2: threatActors(first: 1");
  });
});
