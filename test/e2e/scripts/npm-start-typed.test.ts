import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase } from "../../../harness/database";
import { until } from "../../../harness/processes";
import { freePort } from "../../../scripts/embedded-postgres";
import { postGraphQL } from "../../../scripts/graphql-client";
import { projectPath } from "../../../platform/paths";

const READY = /^attribution-graph gateway ready at http:\/\/\S+$/m;
const STOPPED =
  /^stopped governments, incidents, legal-actions, gateway; the data is kept in postgres:\/\//m;

interface Typed {
  child: ChildProcess;
  output(): string;
  exit: Promise<unknown>;
  /** Ctrl-C in the terminal: SIGINT to the whole process group (npm, sh, the supervisor). */
  interrupt(): Promise<unknown>;
}

/** `npm start` as a user types it, in its own process group as a terminal would run it. */
function typeNpmStart(env: Record<string, string>): Typed {
  const child = spawn("npm", ["start"], {
    cwd: projectPath(),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exit = new Promise((resolve) => child.once("exit", resolve));
  return {
    child,
    output: () => output,
    exit,
    async interrupt() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGINT");
      return exit;
    },
  };
}

/** The newest modification time of any file under `dir`: a build that wrote nothing leaves it. */
function newestWrite(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestWrite(path) : statSync(path).mtimeMs;
    return Math.max(newest, time);
  }, 0);
}

async function ready(typed: Typed) {
  await until(typed.output, (text) => READY.test(text) || typed.child.exitCode !== null, 300_000);
  if (!READY.test(typed.output())) throw new Error(`not ready:\n${typed.output().slice(-3000)}`);
}

// The second `npm start` of a user with nothing changed (issue 25): nothing rebuilt (what made
// it slow: the build), its time from the keystroke printed (under 15 s on a quiet 2-core machine;
// a time is measured, not asserted), a console without a line per request, and on Ctrl-C what
// stopped and where the data stays.
describe("scripts > npm start, typed twice", () => {
  const serverUrl = inject("serverUrl");
  let databaseUrl: string;
  const typed: Typed[] = [];
  let env: Record<string, string>;
  beforeAll(async () => {
    databaseUrl = await createDatabase(serverUrl, "typed");
    const [governments, incidents, legalActions, gateway] = await Promise.all(
      [0, 1, 2, 3].map(() => freePort()),
    );
    env = {
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      GOVERNMENTS_PORT: String(governments),
      INCIDENTS_PORT: String(incidents),
      LEGAL_ACTIONS_PORT: String(legalActions),
      GATEWAY_PORT: String(gateway),
      LOAD_MISP_ON_START: "false",
      LOG_LEVEL: "info",
    };
  });
  afterAll(async () => {
    for (const { child } of typed) {
      if (child.exitCode === null && child.signalCode === null)
        process.kill(-child.pid!, "SIGKILL");
    }
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });

  it("rebuilds nothing the second time, starts quietly, and says what Ctrl-C stopped", async () => {
    // The first start builds what is missing (the web app in a clean checkout) and migrates.
    const first = typeNpmStart(env);
    typed.push(first);
    await ready(first);
    await first.interrupt();
    // npm itself dies of the SIGINT it relays; the supervisor stops every service first.
    expect(first.output()).toMatch(STOPPED);

    const built = newestWrite(projectPath("dist"));
    const keystroke = performance.now();
    const second = typeNpmStart(env);
    typed.push(second);
    await ready(second);
    const seconds = (performance.now() - keystroke) / 1000;
    console.log(`second npm start: ready ${seconds.toFixed(1)} s after the keystroke`);
    const output = second.output();
    expect(output).toContain("web app: dist/web/ is up to date, not rebuilt");
    expect(output).toMatch(/^ready in \d+\.\d s/m);
    expect(newestWrite(projectPath("dist"))).toBe(built);

    const gatewayUrl = `http://127.0.0.1:${env.GATEWAY_PORT}/`;
    for (let i = 0; i < 5; i += 1) {
      const answer = await postGraphQL(gatewayUrl, {
        query: '{ incident(id: "microsoft-exchange-2021") { id } }',
      });
      expect(answer.errors).toBeUndefined();
    }
    const failed = await postGraphQL(gatewayUrl, { query: "{ nothingHere }" });
    expect(failed.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    await second.interrupt();
    const text = second.output();
    // Development: readable lines, no JSON; fast requests at debug, the failed one at warn.
    expect(text).not.toMatch(/^\S+ +\| \{"level"/m);
    expect(text).not.toMatch(/\| graphql request /);
    expect(text).toMatch(/^gateway +\| warn graphql request failed .*operation=anonymous/m);
    expect(text).toMatch(STOPPED);
  }, 600_000);
});
