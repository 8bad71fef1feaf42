import { databaseConfigFromEnv } from "../platform/config";
import type { Env } from "../platform/env";
import { KeyStore } from "../gateway/access/keys";
import { markLoadCompleted } from "./misp/on-start";

/**
 * The body of a load `npm start` runs in the background (the galaxy, ATT&CK for ICS): through
 * the gateway (argv[2]) with an editor key that exists only for this load, marked completed
 * under `name` only when nothing failed; a failure exits 1 with one line.
 */
export function runFirstStartLoad(
  env: Env,
  name: string,
  keyLabel: string,
  load: (client: { url: string; token: string }) => Promise<{ failed: unknown[] }>,
): void {
  const main = async () => {
    const url = process.argv[2];
    const keys = await KeyStore.open(databaseConfigFromEnv(env), { migrateSchema: false });
    const { key, token } = await keys.create(keyLabel, "editor");
    try {
      const report = await load({ url, token });
      if (report.failed.length) process.exitCode = 1;
      else await markLoadCompleted(env.DATABASE_URL as string, name);
    } finally {
      await keys.revoke(key.id);
      await keys.close();
    }
  };
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
