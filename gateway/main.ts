import { readFileSync } from "node:fs";
import { ConfigError, getEnvBool, getEnvPort, getEnvStr, getEnvUrl } from "../services/common/env";
import { startGateway } from "./gateway";
import { SUPERGRAPH_PATH } from "./federation";

/** Entry point of a gateway process in front of separately running subgraphs. */
async function main() {
  const env = process.env;
  const gateway = await startGateway({
    host: getEnvStr(env, "HOST", "127.0.0.1") as string,
    port: getEnvPort(env, "PORT", 4000),
    supergraphSdl: readFileSync(
      getEnvStr(env, "SUPERGRAPH_PATH", SUPERGRAPH_PATH) as string,
      "utf8",
    ),
    subgraphUrls: {
      governments: getEnvUrl(env, "GOVERNMENTS_URL", ["http:", "https:"]),
      incidents: getEnvUrl(env, "INCIDENTS_URL", ["http:", "https:"]),
      "legal-actions": getEnvUrl(env, "LEGAL_ACTIONS_URL", ["http:", "https:"]),
    },
    introspection: getEnvBool(env, "INTROSPECTION", env.NODE_ENV !== "production"),
  });
  console.log(`gateway ready at ${gateway.url}`);
  const stop = () => void gateway.stop().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
