import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectPath } from "../../../platform/paths";
import { exportBundle } from "../../../scripts/bundle-io";
import { bundleErrors } from "../../../scripts/validation";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { buildServer } from "../../helpers/build";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const run = promisify(execFile);

/** `node dist/scripts/<name>.js ...args`, as `npm run <name> -- ...args` runs it after the build. */
async function cli(name: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(
      "node",
      [projectPath("dist", "scripts", `${name}.js`), ...args],
      {
        cwd: projectPath(),
        env: { ...process.env, LOG_LEVEL: "silent", ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

// The commands the README tells users to run, run the same way: the built scripts as child
// processes (the import and export CLIs once crashed on a fresh clone while in-process tests passed).
describe("scripts > the keys, import and export commands", () => {
  const serverUrl = inject("serverUrl");
  let databaseUrl: string;
  let federation: TestFederation;
  const dir = mkdtempSync(join(tmpdir(), "attribution-graph-cli-"));
  beforeAll(async () => {
    await buildServer();
    databaseUrl = await createDatabase(serverUrl, "cli");
    await prepareDatabase(databaseUrl, []);
    federation = await startTestFederation(databaseUrl);
  }, 180_000);
  afterAll(async () => {
    await federation?.stop();
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });

  it("creates an editor key, imports a bundle with it, and exports what it wrote", async () => {
    const created = await cli("keys", ["create", "cli test", "--role", "editor"], {
      DATABASE_URL: databaseUrl,
    });
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim().split("\n").at(-1)!;
    expect(token).toMatch(/^ag_/);

    const file = projectPath("data", "010-seed-2021-07-19.json");
    const dryRun = await cli("import", [file, "--dry-run", "--url", federation.gatewayUrl]);
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toMatch(/valid .*dry run: nothing written/s);

    const imported = await cli("import", [file, "--url", federation.gatewayUrl, "--token", token]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/done: \d+ created, 0 updated, 0 unchanged, 0 failed/);

    const again = await cli("import", [file, "--url", federation.gatewayUrl, "--token", token]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/done: 0 created, 0 updated, \d+ unchanged, 0 failed/);

    const out = join(dir, "export.json");
    const exported = await cli("export", [out, "--url", federation.gatewayUrl]);
    expect(exported.code, exported.stderr).toBe(0);
    const bundle = JSON.parse(readFileSync(out, "utf8"));
    expect(bundleErrors(bundle)).toEqual([]);
    // Written page by page as the records come, it is the bundle a whole read gives.
    expect(bundle).toEqual(await exportBundle({ url: federation.gatewayUrl }));
    const seed = JSON.parse(readFileSync(file, "utf8"));
    expect(bundle.statements.map((s: { id: string }) => s.id).sort()).toEqual(
      seed.statements.map((s: { id: string }) => s.id).sort(),
    );
  }, 120_000);

  it("lists and revokes keys; a revoked key writes no more", async () => {
    const env = { DATABASE_URL: databaseUrl };
    const created = await cli("keys", ["create", "to revoke", "--role", "editor"], env);
    const id = /key (\w+) \(to revoke\)/.exec(created.stdout)![1];
    const token = created.stdout.trim().split("\n").at(-1)!;
    const listed = await cli("keys", ["list"], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+editor\\s+active\\s+to revoke`));
    const revoked = await cli("keys", ["revoke", id], env);
    expect(revoked.stdout.trim()).toBe(`revoked ${id}`);
    expect((await cli("keys", ["list"], env)).stdout).toMatch(
      new RegExp(`${id}\\s+editor\\s+revoked`),
    );
    // Never used before its revocation, so no gateway remembers it as valid.
    const file = projectPath("data", "010-seed-2021-07-19.json");
    const refused = await cli("import", [file, "--url", federation.gatewayUrl, "--token", token]);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toMatch(/UNAUTHENTICATED/);
  }, 60_000);

  it("refuses an invalid bundle by JSON path and writes nothing", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({
        format: "attribution-graph.bundle/1",
        sources: { s: { title: "T" } },
        governments: [{ id: "Not A Slug", name: "X", kind: "EMPIRE", sources: ["s"] }],
      }),
    );
    const result = await cli("import", [file, "--url", federation.gatewayUrl]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\$\.governments\[0\]\.id: /);
    expect(result.stderr).toMatch(/\$\.governments\[0\]\.kind: must be one of STATE/);
  });

  it("checks references in a dry run against the bundle and the graph", async () => {
    const file = join(dir, "dangling.json");
    const statement = { id: "dangling", kind: "SPEECH", issuedAt: "2024", language: "en" };
    const bundle = { statements: [{ ...statement, issuer: "no-such-state", sources: ["s"] }] };
    const sources = { s: { title: "T" } };
    writeFileSync(
      file,
      JSON.stringify({ format: "attribution-graph.bundle/1", sources, ...bundle }),
    );
    const result = await cli("import", [file, "--dry-run", "--url", federation.gatewayUrl]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /\$\.statements\[0\]\.issuer: Government "no-such-state" does not/,
    );
  });

  // A usage error exits 2 (issue 25), not 1 as a failure does.
  it("names what is wrong with its arguments", async () => {
    const noFile = await cli("import", []);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/usage: npm run import/);
    const noRole = await cli("keys", ["create", "x", "--role", "owner"], {
      DATABASE_URL: databaseUrl,
    });
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toMatch(/--role must be one of reader, editor, admin/);
  });
});
