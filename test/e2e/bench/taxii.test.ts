import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { bulkLoad } from "../../../harness/bulk-load";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { generateDataset } from "../../../harness/generate";
import { projectPath } from "../../../platform/paths";
import { buildServer } from "../../helpers/build";

const run = promisify(execFile);
const STATEMENTS = 60;

/** `node dist/bench/taxii.js ...args`, as `npm run bench:taxii -- ...args` runs it. */
async function benchTaxii(args: string[]) {
  try {
    const { stdout, stderr } = await run(
      "node",
      [projectPath("dist", "bench", "taxii.js"), ...args],
      { cwd: projectPath(), env: { ...process.env, LOG_LEVEL: "silent" } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

// The TAXII benchmark over a tiny dataset: it pages the real gateway and prints its tables
// (their figures are this machine's; only their shape is checked here).
describe("bench > npm run bench:taxii", () => {
  const serverUrl = inject("serverUrl");
  let databaseUrl = "";
  beforeAll(async () => {
    await buildServer();
    databaseUrl = await createDatabase(serverUrl, "taxiibench");
    await prepareDatabase(databaseUrl);
    await bulkLoad(databaseUrl, generateDataset(STATEMENTS), () => undefined);
  }, 300_000);
  afterAll(async () => {
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });

  it("prints the page latency table and the GraphQL client's p50 beside a TAXII reader", async () => {
    const { code, stdout, stderr } = await benchTaxii([
      `--statements=${STATEMENTS}`,
      `--database-url=${databaseUrl}`,
      "--rounds=2",
      "--pages=3",
      "--iterations=5",
      "--reader-connections=2",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(
      "| statements | objects p50 | objects p99 | manifest p50 | manifest p99 | objects a page |",
    );
    const figure = String.raw`[\d.]+ ms \([\d.]+-[\d.]+\)`;
    expect(stdout).toMatch(
      new RegExp(String.raw`\| 60 \| ${figure} \| ${figure} \| ${figure} \| ${figure} \| 100 \|`),
    );
    expect(stdout).toContain(
      "| statements | alone p50 | with the reader p50 | change | reader pages/s |",
    );
    expect(stdout).toMatch(
      new RegExp(String.raw`\| 60 \| ${figure} \| ${figure} \| [+-][\d.]+ % \| [\d.]+ \|`),
    );
    expect(stdout.match(/^round \d at 60:/gm)).toHaveLength(2);
  }, 300_000);

  it("refuses a bad option with the option named and the usage, exit 2", async () => {
    const zero = await benchTaxii(["--statements=0"]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--statements must be an integer from 1 to 1000000, got "0"');
    expect(zero.stderr).toContain("usage: npm run bench:taxii");
    const two = await benchTaxii(["--statements=1000,10000", `--database-url=${databaseUrl}`]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("--database-url names one dataset");
  });
});
