import "reflect-metadata";
import { mkdtempSync, readFileSync } from "node:fs";
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

/**
 * Where our gateway's time goes: the same query through our gateway, a bare Apollo gateway
 * (no plugins, standalone server) and Hive Gateway, over the same subgraphs, in one run.
 * `npm run bench:overhead` (shipped dataset, 5 s each, 10 connections).
 */
async function main() {
  process.env.LOG_LEVEL = "warn";
  const server = await startEmbeddedPostgres({
    dataDir: mkdtempSync(join(projectPath(".data"), "overhead-")),
    persistent: false,
  });
  const url = await server.createDatabase("overhead");
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
  const peer = await startPeerGateway(supergraph, { identitySecret });
  const request = { query: INCIDENT_STORY, variables: { id: "microsoft-exchange-2021" } };
  for (const [name, target] of [
    ["ours", federation.gatewayUrl],
    ["bare Apollo gateway", bareUrl],
    ["Hive gateway", peer.url],
  ]) {
    await post(target, request); // throws on an error: measure answers, not refusals
    await load(target, request, { connections: 10, amount: 200 });
    const figures = await load(target, request, { connections: 10, duration: 5 });
    console.log(
      `${name.padEnd(20)} ${figures.requestsPerSecond} req/s  p50 ${figures.p50Ms} ms  p99 ${figures.p99Ms} ms  errors ${figures.errors}`,
    );
  }
  await peer.stop();
  await bare.stop();
  await federation.stop();
  await server.stop();
}

void main();
