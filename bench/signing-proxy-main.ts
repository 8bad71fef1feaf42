import "../platform/compile-cache";
import { runWorkers } from "../platform/cluster";
import { workersFromEnv } from "../platform/config";
import { getEnvSecret, getEnvStr } from "../platform/env";
import { type SigningProxyOptions, startSigningProxy } from "./signing-proxy";

/**
 * The signing proxies of the Grafbase peer as their own process (bench/peers/grafbase.ts), with
 * the same `WORKERS` as every service: PROXIES is a JSON list of `{ audience, target, port }`.
 */
async function main() {
  const secret = getEnvSecret(process.env, "IDENTITY_SECRET");
  if (!secret) throw new Error("IDENTITY_SECRET is required (the subgraphs' secret)");
  const proxies = JSON.parse(getEnvStr(process.env, "PROXIES", "[]") as string) as Omit<
    SigningProxyOptions,
    "secret"
  >[];
  await runWorkers({
    workers: workersFromEnv(process.env),
    prepare: async () => undefined,
    async serve() {
      const running = await Promise.all(proxies.map((p) => startSigningProxy({ ...p, secret })));
      process.once("SIGTERM", () => {
        void Promise.all(running.map((proxy) => proxy.stop())).then(() => process.exit(0));
      });
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
