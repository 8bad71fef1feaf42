// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { parseArgs } from "node:util";
import { databaseConfigFromEnv } from "../platform/config";
import { ROLES, type Role } from "../platform/identity";
import { KeyStore } from "../gateway/access/keys";
import { localDatabase } from "./local-database";

const USAGE = `usage:
  npm run keys -- create NAME [--role reader|editor|admin]   prints the token once
  npm run keys -- list
  npm run keys -- revoke ID`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { role: { type: "string", default: "editor" } },
  });
  const [command, argument] = positionals;
  if (!["create", "list", "revoke"].includes(command ?? "")) throw new Error(USAGE);
  const database = await localDatabase(process.env);
  const keys = await KeyStore.open(databaseConfigFromEnv(process.env, database.urls.gateway));
  try {
    if (command === "create") {
      if (!argument) throw new Error(USAGE);
      if (!ROLES.includes(values.role as Role)) {
        throw new Error(`--role must be one of ${ROLES.join(", ")}, got "${values.role}"`);
      }
      const { key, token } = await keys.create(argument, values.role as Role);
      console.log(`created ${key.role} key ${key.id} (${key.name}); token, shown once:\n${token}`);
    } else if (command === "list") {
      for (const key of await keys.list()) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "active";
        console.log(`${key.id}  ${key.role.padEnd(6)}  ${state.padEnd(32)}  ${key.name}`);
      }
    } else {
      if (!argument) throw new Error(USAGE);
      console.log(
        (await keys.revoke(argument)) ? `revoked ${argument}` : `no active key ${argument}`,
      );
    }
  } finally {
    await keys.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
