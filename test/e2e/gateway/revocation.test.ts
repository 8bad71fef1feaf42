import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectPath } from "../../../platform/paths";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const run = promisify(execFile);

const RENAME = /* GraphQL */ `
  mutation Rename($name: String!) {
    upsertGovernment(
      input: {
        id: "gb"
        name: $name
        kind: STATE
        isoAlpha2: "GB"
        isoAlpha3: "GBR"
        sources: ["s"]
      }
      sources: [{ key: "s", title: "Revocation test" }]
    ) {
      action
    }
  }
`;
const READ = '{ government(id: "gb") { name } }';

// Revocation as an operator does it, `npm run keys -- revoke ID` (the built CLI, its own process),
// while two gateway replicas on the same database each hold the key in their verified-key cache.
// The key once made 6 more writes over 2.7 s; every write now asks the key store whether its key
// is still active, past the cache, so the very next write through either replica is refused.
describe("gateway > keys > a revoked key writes nothing more, on any replica", () => {
  const serverUrl = inject("serverUrl");
  let databaseUrl: string;
  let first: TestFederation;
  let second: TestFederation;

  beforeAll(async () => {
    execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], {
      cwd: projectPath(),
      stdio: "pipe",
    });
    databaseUrl = await createDatabase(serverUrl, "revocation");
    await prepareDatabase(databaseUrl, []);
    first = await startTestFederation(databaseUrl);
    second = await startTestFederation(databaseUrl);
  }, 180_000);
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });

  it("refuses the next write through each replica once the CLI has revoked the key", async () => {
    const { key, token } = await first.keys.create("to be revoked", "editor");
    // Both replicas verify the key and remember it.
    for (const [i, replica] of [first, second].entries()) {
      const wrote = await replica.query(RENAME, { name: `United Kingdom ${i}` }, { token });
      expect(wrote.errors).toBeUndefined();
      expect((await replica.query(READ, {}, { token })).status).toBe(200);
    }

    const revoked = await run(
      "node",
      [projectPath("dist", "scripts", "keys.js"), "revoke", key.id],
      {
        cwd: projectPath(),
        env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
      },
    );
    expect(revoked.stdout).toContain(`revoked ${key.id}`);

    for (const replica of [first, second]) {
      const refused = await replica.query(RENAME, { name: "After revocation" }, { token });
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]).toMatchObject({
        message: "the API key is unknown or revoked",
        extensions: { code: "UNAUTHENTICATED" },
      });
      // The refused write also dropped the key from this replica's cache: reads stop too.
      expect((await replica.query(READ, {}, { token })).status).toBe(401);
    }
    const name = (await first.query<{ government: { name: string } }>(READ)).data?.government.name;
    expect(name).toBe("United Kingdom 1");
  });
});
