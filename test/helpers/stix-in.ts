import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { projectPath } from "../../platform/paths";
import type { TestFederation } from "./federation";

const run = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A built CLI (`dist/scripts/<script>.js ...args`) as a child process, as the README runs it. */
export async function runCli(script: string, args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(
      "node",
      [projectPath("dist", "scripts", `${script}.js`), ...args],
      {
        cwd: projectPath(),
        env: { ...process.env, LOG_LEVEL: "silent" },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** `import-stix SOURCE` into `federation` with an editor key. */
export const importStix = (federation: TestFederation, token: string, args: string[]) =>
  runCli("import-stix", [...args, "--url", federation.gatewayUrl, "--token", token]);

/** The `done:` line's counts. */
export function doneCounts(stdout: string) {
  const done =
    /^done: (\d+) records: (\d+) created, (\d+) updated, (\d+) enriched, (\d+) unchanged, (\d+) failed$/m.exec(
      stdout,
    );
  if (!done) throw new Error(`no summary in:\n${stdout.slice(-3000)}`);
  const [records, created, updated, enriched, unchanged, failed] = done.slice(1).map(Number);
  return { records, created, updated, enriched, unchanged, failed };
}

const LIST = (list: string) => /* GraphQL */ `
  query Every($after: String) {
    page: ${list}(first: 100, after: $after) {
      nodes { bundleRecord }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export type Snapshot = { record: Record<string, any>; sources: Record<string, any> };

/** Every record of a root list in bundle form, by id. */
export async function everyRecord(federation: TestFederation, list: string) {
  const all = new Map<string, Snapshot>();
  let after: string | null = null;
  for (;;) {
    const answer: { data?: any; errors?: unknown } = await federation.query<any>(LIST(list), {
      after,
    });
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    const page: any = answer.data.page;
    for (const { bundleRecord } of page.nodes) all.set(bundleRecord.record.id, bundleRecord);
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}
