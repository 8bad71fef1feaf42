import "../platform/compile-cache";
import "reflect-metadata";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { startEmbeddedPostgres } from "../scripts/embedded-postgres";
import { projectPath } from "../platform/paths";
import { readBundles } from "../services/dataset";
import { prepareDatabase } from "../harness/database";
import { INCIDENT_STORY } from "../harness/queries/cross-source";
import { newIdentitySecret, signingFetcher } from "./identity";
import { startLocalFederation } from "../harness/federation";
import { benchDatabaseConfig } from "./database";
import { load, post } from "./measure";
import { startPeerGateway, withSubgraphUrls } from "./peer";
import { parseCommand, runCommand } from "../scripts/cli";

const USAGE = `usage: npm run bench:overhead
  The incident story through our gateway, a bare Apollo gateway and Hive Gateway over the same
  subgraphs (shipped dataset, 5 s each, 10 connections); its database in .data/overhead-*,
  removed at the end.`;

/**
 * Where our gateway's time goes: the same query through our gateway, a bare Apollo gateway
 * (no plugins, standalone server) and Hive Gateway, over the same subgraphs, in one run.
 * Whatever it started stops, and its data directory goes, however the run ends.
 */
async function main() {
  parseCommand(USAGE, { options: {} });
  process.env.LOG_LEVEL = "warn";
  mkdirSync(projectPath(".data"), { recursive: true });
  const dataDir = mkdtempSync(join(projectPath(".data"), "overhead-"));
  const cleanUp: (() => Promise<unknown>)[] = [
    async () => rmSync(dataDir, { recursive: true, force: true }),
  ];
  const stopAll = async () => {
    for (const step of cleanUp.splice(0).reverse()) await step().catch(() => undefined);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stopAll().finally(() => process.exit(130)));
  }
  try {
    await measure(dataDir, cleanUp);
  } finally {
    await stopAll();
  }
}

async function measure(dataDir: string, cleanUp: (() => Promise<unknown>)[]) {
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  cleanUp.push(() => server.stop());
  const url = await server.createDatabase("overhead");
  console.log("loading the shipped dataset");
  await prepareDatabase(
    url,
    (await readBundles()).map(({ bundle }) => bundle),
  );
  // One secret for the run: every subgraph checks, and all three gateways sign, with it.
  const identitySecret = newIdentitySecret();
  const federation = await startLocalFederation(benchDatabaseConfig(url), {
    responseCache: false,
    identitySecret,
  });
  cleanUp.push(() => federation.stop());
  const supergraph = withSubgraphUrls(
    readFileSync(projectPath("schema", "supergraph.graphql"), "utf8"),
    Object.fromEntries(federation.subgraphs.map((s) => [s.name, s.url])),
  );
  // The stock data source and its stock fetcher (make-fetch-happen), which only signs each
  // request as the anonymous reader for its subgraph and body, as the subgraphs require. Our
  // gateway signs the same way, but the caller's identity comes from its API key (anonymous
  // here too), and its fetcher is undici.request over keep-alive connections with a deadline,
  // metrics and a response size budget: that, and its plugins, are what this compares.
  const bare = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: supergraph,
      buildService: ({ name, url }) => {
        const source = new RemoteGraphQLDataSource({ url });
        source.fetcher = signingFetcher(name, identitySecret, source.fetcher);
        return source;
      },
    }),
  });
  const { url: bareUrl } = await startStandaloneServer(bare, {
    listen: { port: 0, host: "127.0.0.1" },
  });
  cleanUp.push(() => bare.stop());
  const peer = await startPeerGateway(supergraph, { identitySecret });
  cleanUp.push(() => peer.stop());
  const request = { query: INCIDENT_STORY, variables: { id: "microsoft-exchange-2021" } };
  for (const [name, target] of [
    ["ours", federation.gatewayUrl],
    ["bare Apollo gateway", bareUrl],
    ["Hive gateway", peer.url],
  ]) {
    // Throws on an error: measure answers, not refusals.
    await post(target, request).catch((error: unknown) => {
      throw new Error(`${name} does not answer the incident story: ${(error as Error).message}`);
    });
    await load(target, request, { connections: 10, amount: 200 });
    const figures = await load(target, request, { connections: 10, duration: 5 });
    console.log(
      `${name.padEnd(20)} ${figures.requestsPerSecond} req/s  p50 ${figures.p50Ms} ms  p99 ${figures.p99Ms} ms  errors ${figures.errors}`,
    );
  }
}

runCommand(USAGE, main);
