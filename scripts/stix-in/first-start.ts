// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { databaseConfigFromEnv } from "../../platform/config";
import { KeyStore } from "../../gateway/access/keys";
import { runStixConnector } from "./connector";
import { markLoadCompleted } from "../misp/on-start";
import { ATTACK_LOAD, SHIPPED_ATTACK_ICS } from "./on-start";

/**
 * Run by `npm start` (on-start.ts) on a first start, after the galaxy (so that ATT&CK's groups
 * match the galaxy's actors): the shipped ATT&CK for ICS bundle through the gateway, with an
 * editor key that exists only for this load; marked completed at the end only. argv: the
 * gateway's URL.
 */
async function main() {
  const url = process.argv[2];
  const keys = await KeyStore.open(databaseConfigFromEnv(process.env), { migrateSchema: false });
  const { key, token } = await keys.create(
    "STIX connector, ATT&CK for ICS (first npm start)",
    "editor",
  );
  try {
    const report = await runStixConnector({
      source: SHIPPED_ATTACK_ICS,
      client: { url, token },
      log: console.log,
      progressEvery: 100,
    });
    if (report.failed.length) process.exitCode = 1;
    else await markLoadCompleted(process.env.DATABASE_URL as string, ATTACK_LOAD);
  } finally {
    await keys.revoke(key.id);
    await keys.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
