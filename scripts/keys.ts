import "../platform/compile-cache";
// type-graphql and TypeORM decorators read it at import time: load it before anything else.
import "reflect-metadata";
import { databaseConfigFromEnv } from "../platform/config";
import { ROLES, type Role } from "../platform/identity";
import { KeyStore } from "../gateway/access/keys";
import { localDatabase } from "./local-database";
import { UsageError, parseCommand, runCommand } from "./cli";

const USAGE = `usage: npm run keys -- create NAME [--role reader|editor|admin]   prints the token once
       npm run keys -- list
       npm run keys -- revoke ID                                  exits 1 when no active key has ID
  The keys are in DATABASE_URL's database, else in npm start's embedded PostgreSQL
  (.data/postgres, port EMBEDDED_PG_PORT).`;

async function main() {
  const { values, positionals } = parseCommand(USAGE, {
    allowPositionals: true,
    options: { role: { type: "string", default: "editor" } },
  });
  const [command, argument] = positionals;
  if (!["create", "list", "revoke"].includes(command ?? "")) {
    throw new UsageError(command ? `unknown command "${command}"` : "a command is required");
  }
  if (command !== "list" && !argument)
    throw new UsageError(`${command} needs a ${command === "create" ? "NAME" : "key ID"}`);
  if (!ROLES.includes(values.role as Role)) {
    throw new UsageError(`--role must be one of ${ROLES.join(", ")}, got "${values.role}"`);
  }
  const database = await localDatabase(process.env);
  const keys = await KeyStore.open(databaseConfigFromEnv(process.env, database.urls.gateway));
  try {
    if (command === "create") {
      const { key, token } = await keys.create(argument!, values.role as Role);
      console.log(`created ${key.role} key ${key.id} (${key.name}); token, shown once:\n${token}`);
    } else if (command === "list") {
      for (const key of await keys.list()) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "active";
        console.log(`${key.id}  ${key.role.padEnd(6)}  ${state.padEnd(32)}  ${key.name}`);
      }
    } else {
      if (!(await keys.revoke(argument!))) throw new Error(`no active key ${argument}`);
      console.log(`revoked ${argument}`);
    }
  } finally {
    await keys.close();
    await database.stop();
  }
}

runCommand(USAGE, main);
