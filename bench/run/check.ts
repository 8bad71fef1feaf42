import type { Pool } from "pg";
import { startLocalFederation } from "../../harness/federation";
import { type BenchCase } from "../cases";
import { benchDatabaseConfig } from "../database";
import { type GraphQLRequest, difference, post } from "../measure";
import { startPeerGateway, withSubgraphUrls } from "../peer";
import type { CaseResult, Settings } from "../report";

export type Checked = Pick<CaseResult, "responseBytes" | "statementsPerRequest">;

/**
 * Answers and SQL statements per request, counted around one request with everything in this
 * process: the same plans and resolvers the separate processes run, where the count is visible.
 * Our gateway, Hive Gateway and the SQL floor must return the same data, else nothing is
 * measured: figures for different answers would compare nothing.
 */
export async function checkInProcess(
  cases: BenchCase[],
  databaseUrl: string,
  pool: Pool,
  settings: Settings,
  identitySecret: string,
  peerSupergraphSdl: string,
): Promise<Map<string, Checked>> {
  const federation = await startLocalFederation(
    benchDatabaseConfig(databaseUrl, settings.poolSize),
    { responseCache: false, identitySecret },
  );
  const urls = Object.fromEntries(federation.subgraphs.map((s) => [s.name, s.url]));
  const peer = await startPeerGateway(withSubgraphUrls(peerSupergraphSdl, urls), {
    identitySecret,
  });
  try {
    const checked = new Map<string, Checked>();
    for (const benchCase of cases) {
      await benchCase.prepare?.((query, variables) =>
        post(federation.gatewayUrl, { query, variables }),
      );
      const request: GraphQLRequest = {
        query: benchCase.query,
        variables: benchCase.variables,
        token: benchCase.token,
      };
      const statements = async (url: string) => {
        const before = federation.statementCount();
        await post(url, request);
        return federation.statementCount() - before;
      };
      const ours = await post(federation.gatewayUrl, request);
      // The peer forwards no identity our subgraphs accept: a keyed request is ours alone.
      const peerAnswers = !request.token;
      const others: [string, unknown][] = [["the SQL floor", await benchCase.floor(pool)]];
      if (peerAnswers) others.unshift(["the peer gateway", await post(peer.url, request)]);
      for (const [other, answer] of others) {
        const found = difference(ours, answer);
        if (found) throw new Error(`${benchCase.name}: ours and ${other} differ at ${found}`);
      }
      checked.set(benchCase.name, {
        responseBytes: JSON.stringify(ours).length,
        statementsPerRequest: {
          ours: await statements(federation.gatewayUrl),
          ...(peerAnswers ? { peer: await statements(peer.url) } : {}),
        },
      });
    }
    return checked;
  } finally {
    await peer.stop();
    await federation.stop();
  }
}
