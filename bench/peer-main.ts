import { readFileSync } from "node:fs";
import { runWorkers, workersFromEnv } from "../services/common/cluster";
import { getEnvPort, getEnvStr } from "../services/common/env";
import { startPeerGateway } from "./peer";

/** The peer gateway as its own process, with the same `WORKERS` as ours (benchmark only). */
async function main() {
  const supergraphSdl = readFileSync(getEnvStr(process.env, "SUPERGRAPH_PATH") as string, "utf8");
  const port = getEnvPort(process.env, "PORT", 4100);
  await runWorkers({
    workers: workersFromEnv(process.env),
    prepare: async () => undefined,
    async serve() {
      const peer = await startPeerGateway(supergraphSdl, port);
      process.once("SIGTERM", () => void peer.stop().then(() => process.exit(0)));
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
