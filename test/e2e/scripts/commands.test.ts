import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectPath } from "../../../platform/paths";
import { freePort } from "../../../scripts/embedded-postgres";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { buildServer } from "../../helpers/build";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const run = promisify(execFile);

/** The npm script and the built file it runs, for every command the README names. */
const COMMANDS: [string, string][] = [
  ["start", "scripts/start.js"],
  ["import", "scripts/import.js"],
  ["export", "scripts/export.js"],
  ["keys", "scripts/keys.js"],
  ["import:misp", "scripts/import-misp.js"],
  ["import:stix", "scripts/import-stix.js"],
  ["integrity", "scripts/integrity.js"],
  ["compose", "scripts/compose.js"],
  ["bench", "bench/run.js"],
  ["bench:data", "bench/data.js"],
  ["bench:overhead", "bench/overhead.js"],
  ["bench:profile", "bench/profile.js"],
  ["bench:scaling", "bench/scaling.js"],
  ["bench:taxii", "bench/taxii.js"],
  ["bench:galaxy", "bench/galaxy.js"],
  ["soak", "bench/soak/main.js"],
];

/** What the environment of a user's shell would not hold: no graph URL, no database. */
const UNSET = [
  "ATTRIBUTION_GRAPH_URL",
  "DATABASE_URL",
  "GATEWAY_PORT",
  "EMBEDDED_PG_PORT",
  "NODE_COMPILE_CACHE",
];

async function typed(command: string, args: string[], env: Record<string, string> = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !UNSET.includes(k)));
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd: projectPath(),
      env: { ...base, LOG_LEVEL: "warn", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** `node dist/<file> ...args`, what `npm run <command> -- ...args` runs after its build. */
const built = (file: string, args: string[], env?: Record<string, string>) =>
  typed(process.execPath, [projectPath("dist", file), ...args], env);

const NO_STACK = /^\s+at .+\(.*:\d+:\d+\)$/m;

/** `run` for every command, two at a time (each mostly waits on npm and tsc -b's checks). */
async function twoAtATime<T>(run: (entry: [string, string]) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < COMMANDS.length; i = next++) results[i] = await run(COMMANDS[i]);
  };
  await Promise.all([worker(), worker()]);
  return results;
}

// Every command as a user types it, from the built output: --help, a wrong option, a wrong URL,
// a failure, and a second instance on other ports that the CLIs follow (issue 25).
describe("scripts > every command, as typed", () => {
  const serverUrl = inject("serverUrl");
  // An empty database of its own for the keys; the federation reads the shipped dataset.
  let databaseUrl: string;
  let federation: TestFederation;
  const dir = mkdtempSync(join(tmpdir(), "attribution-graph-commands-"));
  beforeAll(async () => {
    await buildServer();
    databaseUrl = await createDatabase(serverUrl, "commands");
    await prepareDatabase(databaseUrl);
    federation = await startTestFederation();
  }, 180_000);
  afterAll(async () => {
    await federation?.stop();
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });

  it("answers npm run <command> -- --help with its usage and exit 0", async () => {
    const results = await twoAtATime(([command, file]) =>
      // npm start would build the web app first in a clean checkout: its file, as it runs it.
      command === "start"
        ? built(file, ["--help"])
        : typed("npm", ["run", "--silent", command, "--", "--help"]),
    );
    for (const [i, [command]] of COMMANDS.entries()) {
      const result = results[i];
      expect({ command, code: result.code, stderr: result.stderr }).toEqual({
        command,
        code: 0,
        stderr: "",
      });
      const name = command === "start" ? "npm start" : `npm run ${command}`;
      expect(result.stdout.startsWith(`usage: ${name}`), `${command}: ${result.stdout}`).toBe(true);
    }
  }, 300_000);

  it("prints the usage and exits 2 on an unknown option, without a stack", async () => {
    const results = await twoAtATime(([, file]) => built(file, ["--no-such-option"]));
    for (const [i, [command]] of COMMANDS.entries()) {
      const result = results[i];
      expect({ command, code: result.code }).toEqual({ command, code: 2 });
      expect(result.stderr).toMatch(/--no-such-option/);
      expect(result.stderr).toMatch(/usage: npm/);
      expect(result.stderr).not.toMatch(NO_STACK);
    }
  }, 120_000);

  it("fails with one line and a non-zero exit on a wrong URL", async () => {
    const out = join(dir, "nowhere.json");
    const nobody = `http://127.0.0.1:${await freePort()}/`;
    const refused = await built("scripts/export.js", [out, "--url", nobody]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`reading the graph at ${nobody}`);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(refused.stderr).toMatch(/ECONNREFUSED/);
    const malformed = await built("scripts/import.js", [
      "data/010-seed-2021-07-19.json",
      "--url",
      "gateway",
    ]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^--url must be an http\(s\) URL, got "gateway"$/m);
  });

  it("follows a second instance on other ports: GATEWAY_PORT, else ATTRIBUTION_GRAPH_URL", async () => {
    const port = new URL(federation.gatewayUrl).port;
    const out = join(dir, "second.json");
    const byPort = await built("scripts/export.js", [out], { GATEWAY_PORT: port });
    expect(byPort.code, byPort.stderr).toBe(0);
    expect(byPort.stdout).toContain(`reading the graph at http://127.0.0.1:${port}/`);
    expect(JSON.parse(readFileSync(out, "utf8")).statements.length).toBeGreaterThan(0);
    const byUrl = await built("scripts/import-misp.js", ["--dry-run", "--progress", "1000"], {
      GATEWAY_PORT: "1",
      ATTRIBUTION_GRAPH_URL: federation.gatewayUrl,
    });
    expect(byUrl.code, byUrl.stderr).toBe(0);
    expect(byUrl.stdout).toContain(`reading the graph at ${federation.gatewayUrl}`);
  }, 120_000);

  it("exits non-zero with one clear line when the command fails", async () => {
    const revoke = await built("scripts/keys.js", ["revoke", "000000000000"], {
      DATABASE_URL: databaseUrl,
    });
    expect(revoke.code).toBe(1);
    expect(revoke.stderr.trim()).toBe("no active key 000000000000");

    const missing = new URL(databaseUrl);
    missing.pathname = "/no_such_bench";
    const profile = await built("bench/profile.js", ["--database-url", missing.toString()]);
    expect(profile.code).toBe(1);
    expect(profile.stderr.trim().split("\n")).toHaveLength(1);
    expect(profile.stderr).toMatch(/make it with npm run bench:data -- --statements 10000/);
  }, 60_000);

  it("keeps compiled code for the next start of a command in .data/compile-cache", async () => {
    const where = await typed(process.execPath, [
      "--eval",
      `require("./dist/platform/compile-cache");
       console.log(require("node:module").getCompileCacheDir());`,
    ]);
    expect(dirname(where.stdout.trim())).toBe(projectPath(".data", "compile-cache"));
  });

  it("refuses a PostgreSQL on EMBEDDED_PG_PORT that is not this checkout's embedded one", async () => {
    // The tests' server has its own data directory: another checkout's, as far as keys can tell.
    const port = new URL(serverUrl).port || "5432";
    const keys = await built("scripts/keys.js", ["list"], { EMBEDDED_PG_PORT: port });
    expect(keys.code).toBe(1);
    expect(keys.stderr.trim()).toMatch(
      new RegExp(`^port ${port} is taken by another PostgreSQL .*set EMBEDDED_PG_PORT`),
    );
  });
});
