// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { databaseConfigFromEnv } from "../../platform/config";
import { KeyStore } from "../../gateway/access/keys";
import { runMispConnector } from "./connector";
import { GALAXY_LOAD, markLoadCompleted } from "./on-start";

/**
 * Run by `npm start` (on-start.ts) once its gateway is ready, until a load completes: the shipped
 * galaxy through the gateway, with an editor key that exists only for this load; marked
 * completed at the end only.
 * argv: the gateway's URL.
 */
async function main() {
  const url = process.argv[2];
  const keys = await KeyStore.open(databaseConfigFromEnv(process.env), { migrateSchema: false });
  const { key, token } = await keys.create("misp-galaxy connector (first npm start)", "editor");
  try {
    const report = await runMispConnector({
      client: { url, token },
      log: console.log,
      progressEvery: 100,
    });
    if (report.failed.length) process.exitCode = 1;
    else await markLoadCompleted(process.env.DATABASE_URL as string, GALAXY_LOAD);
  } finally {
    await keys.revoke(key.id);
    await keys.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
