import { readFileSync } from "node:fs";
import { runWorkers, workersFromEnv } from "../services/common/cluster";
import { getEnvPort, getEnvSecret, getEnvStr } from "../services/common/env";
import { startPeerGateway } from "./peer";

/**
 * The peer gateway as its own process, with the same `WORKERS` as ours and the subgraphs'
 * IDENTITY_SECRET, to sign its requests to them as our gateway does (benchmark only).
 */
async function main() {
  const supergraphSdl = readFileSync(getEnvStr(process.env, "SUPERGRAPH_PATH") as string, "utf8");
  const port = getEnvPort(process.env, "PORT", 4100);
  const identitySecret = getEnvSecret(process.env, "IDENTITY_SECRET");
  if (!identitySecret) throw new Error("IDENTITY_SECRET is required (the subgraphs' secret)");
  await runWorkers({
    workers: workersFromEnv(process.env),
    prepare: async () => undefined,
    async serve() {
      const peer = await startPeerGateway(supergraphSdl, { identitySecret, port });
      process.once("SIGTERM", () => void peer.stop().then(() => process.exit(0)));
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
