import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectPath } from "../../../platform/paths";
import { postGraphQL } from "../../../scripts/graphql-client";
import {
  type PeerGateway,
  type PeerPlanner,
  startPeerGateway,
  withSubgraphUrls,
} from "../../../bench/peer";
import {
  TEST_IDENTITY_SECRET,
  type TestFederation,
  startTestFederation,
} from "../../helpers/federation";
import { readmeExamples } from "../../helpers/readme";

// The shipped supergraph runs unchanged on Hive Gateway (issue 25 point 6): once refused with
// "Multiple canonical definitions for DelayStatisticsConnection", it now loads with either query
// planner, and the README's analytics query (both delay figures, each subgraph paging them in a
// connection type of its own) answers through it.
describe("bench > Hive Gateway > the shipped supergraph, unchanged", () => {
  let federation: TestFederation;
  const peers: PeerGateway[] = [];
  let supergraph: string;
  // Hive's logger reads LOG_LEVEL even with logging off, and refuses pino's "silent".
  const level = process.env.LOG_LEVEL;
  beforeAll(async () => {
    process.env.LOG_LEVEL = "error";
    federation = await startTestFederation();
    const urls = Object.fromEntries(federation.subgraphs.map((s) => [s.name, s.url]));
    supergraph = withSubgraphUrls(
      readFileSync(projectPath("schema", "supergraph.graphql"), "utf8"),
      urls,
    );
  }, 120_000);
  afterAll(async () => {
    for (const peer of peers) await peer.stop();
    await federation?.stop();
    process.env.LOG_LEVEL = level;
  });

  const example = readmeExamples().find((one) => one.name === "AnalyticsStory")!;
  const ask = (url: string) =>
    postGraphQL<{ analytics: Record<string, unknown>; [field: string]: unknown }>(url, {
      query: example.text,
      variables: example.variables,
    });
  const answers = async (planner: PeerPlanner) => {
    const ours = await ask(federation.gatewayUrl);
    expect(ours.errors).toBeUndefined();
    const peer = await startPeerGateway(supergraph, {
      identitySecret: TEST_IDENTITY_SECRET,
      planner,
    });
    peers.push(peer);
    const theirs = await ask(peer.url);
    expect(theirs.errors).toBeUndefined();
    return { ours: ours.data!, theirs: theirs.data! };
  };

  it("Rust planner: the same answer as our gateway", async () => {
    expect(example.text).toMatch(/attributionDelays[\s\S]*legalActionDelays/);
    const { ours, theirs } = await answers("rust");
    expect(theirs).toEqual(ours);
  }, 60_000);

  it("JavaScript planner: every field answers; the delay figures are its known bug", async () => {
    const { ours, theirs } = await answers("javascript");
    const { attributionDelays, legalActionDelays, ...analytics } = theirs.analytics;
    const { attributionDelays: a, legalActionDelays: l, ...ourAnalytics } = ours.analytics;
    expect({ ...theirs, analytics }).toEqual({ ...ours, analytics: ourAnalytics });
    // Hive's JavaScript planner leaves the nested @requires fields of a third subgraph (each
    // incident's dates) null, so every incident counts as undated (BENCHMARKS.md, Peers). Should
    // this start to match, the peers can run it for the analytics too.
    expect(attributionDelays).not.toEqual(a);
    expect(legalActionDelays).not.toEqual(l);
    expect(JSON.stringify(attributionDelays)).toMatch(/"undatedIncidents":[1-9]/);
  }, 60_000);
});
