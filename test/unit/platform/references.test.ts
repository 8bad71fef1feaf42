import { describe, expect, it } from "vitest";
import {
  bundleProblem,
  bundleReferences,
  danglingReferences,
  graphProblem,
} from "../../../platform/references";
import type { Bundle } from "../../../platform/bundle";

const bundle = {
  format: "attribution-graph.bundle/1",
  sources: {},
  governments: [{ id: "aa", name: "A", kind: "STATE", memberOf: ["eu"], sources: [] }],
  statements: [
    {
      id: "s1",
      issuer: "aa",
      cosigners: ["bb", "cc"],
      attributions: [{ id: "s1-a", incident: "inc", actor: "apt", kind: "FORMAL" }],
      sources: [],
    },
  ],
} as unknown as Bundle;

// Every field that names a record is found with its JSON path; a reference resolves in the
// bundle or in the graph, and the graph is asked only about ids the bundle does not have.
describe("platform > bundle references", () => {
  it("finds every reference with its JSON path and type", () => {
    expect(bundleReferences(bundle)).toEqual([
      { path: "$.governments[0].memberOf[0]", id: "eu", type: "Government" },
      { path: "$.statements[0].issuer", id: "aa", type: "Government" },
      { path: "$.statements[0].cosigners[0]", id: "bb", type: "Government" },
      { path: "$.statements[0].cosigners[1]", id: "cc", type: "Government" },
      { path: "$.statements[0].attributions[0].incident", id: "inc", type: "Incident" },
      { path: "$.statements[0].attributions[0].actor", id: "apt", type: "ThreatActor" },
    ]);
  });

  it("reports what neither the bundle nor the graph has, asking the graph about the rest", async () => {
    const asked: [string, string[]][] = [];
    const graph: Record<string, string[]> = { governments: ["eu", "bb"], incidents: ["inc"] };
    const dangling = await danglingReferences(bundle, async (list, ids) => {
      asked.push([list, ids]);
      return new Set(ids.filter((id) => graph[list]?.includes(id)));
    });
    expect(graphProblem(bundle, dangling[0])).toBe(
      'statements "s1" cosigners[1]: Government "cc" does not exist',
    );
    expect(dangling.map(bundleProblem)).toEqual([
      '$.statements[0].cosigners[1]: Government "cc" does not exist (in the bundle or the graph)',
      '$.statements[0].attributions[0].actor: ThreatActor "apt" does not exist (in the bundle or the graph)',
    ]);
    expect(asked).toEqual([
      ["governments", ["eu", "bb", "cc"]],
      ["threatActors", ["apt"]],
      ["incidents", ["inc"]],
    ]);
  });
});
