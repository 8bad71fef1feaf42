import { readFileSync, readdirSync } from "node:fs";
import { dirname, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectPath } from "../../../platform/paths";

/** A file Node.js runs: one that starts its work at the top level (a command, a service). */
const RUNS_AT_TOP = /^(runCommand|void runSubgraph|runFirstStartLoad|main\(\)\.catch|void main)\(/m;

/** Each entry point with its text, each file read once. */
function entryPoints(): { path: string; text: string }[] {
  return ["scripts", "bench", "gateway", "services"].flatMap((dir) =>
    readdirSync(projectPath(dir), { recursive: true, encoding: "utf8" })
      .filter((path) => path.endsWith(".ts") && !path.endsWith(".d.ts"))
      .map((path) => ({
        path: `${dir}/${path}`,
        text: readFileSync(projectPath(dir, path), "utf8"),
      }))
      .filter(({ text }) => RUNS_AT_TOP.test(text)),
  );
}

// Every process keeps its compiled code for the next start (platform/compile-cache.ts): a new
// command or service that forgets it starts slower, silently; this names it.
describe("platform > compile cache", () => {
  it("is the first import of every entry point", () => {
    const entries = entryPoints();
    const paths = entries.map(({ path }) => path);
    expect(paths).toContain("services/incidents/main.ts");
    expect(paths).toContain("scripts/misp/first-start.ts");
    expect(entries.length).toBeGreaterThan(20);
    for (const { path, text } of entries) {
      const firstImport = /^import .*$/m.exec(text)?.[0];
      const module = relative(dirname(projectPath(path)), projectPath("platform", "compile-cache"));
      expect(firstImport, path).toBe(`import "${module}";`);
    }
  });
});
