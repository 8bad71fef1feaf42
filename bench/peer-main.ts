import "../platform/compile-cache";
import { readFileSync } from "node:fs";
import { runWorkers } from "../platform/cluster";
import { workersFromEnv } from "../platform/config";
import { getEnvPort, getEnvSecret, getEnvStr } from "../platform/env";
import { type PeerPlanner, startPeerGateway } from "./peer";

/**
 * The peer gateway as its own process, with the same `WORKERS` as ours and the subgraphs'
 * IDENTITY_SECRET, to sign its requests to them as our gateway does (benchmark only).
 */
async function main() {
  const supergraphSdl = readFileSync(getEnvStr(process.env, "SUPERGRAPH_PATH") as string, "utf8");
  const port = getEnvPort(process.env, "PORT", 4100);
  const identitySecret = getEnvSecret(process.env, "IDENTITY_SECRET");
  if (!identitySecret) throw new Error("IDENTITY_SECRET is required (the subgraphs' secret)");
  // PEER_PLANNER=rust: Hive Router's Rust query planner (bench/peers/hive-rust.ts).
  const planner =
    (getEnvStr(process.env, "PEER_PLANNER", "javascript") as PeerPlanner) ?? "javascript";
  if (planner !== "javascript" && planner !== "rust") {
    throw new Error(`PEER_PLANNER: "javascript" or "rust", not "${planner}"`);
  }
  await runWorkers({
    workers: workersFromEnv(process.env),
    prepare: async () => undefined,
    async serve() {
      const peer = await startPeerGateway(supergraphSdl, { identitySecret, port, planner });
      process.once("SIGTERM", () => void peer.stop().then(() => process.exit(0)));
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
