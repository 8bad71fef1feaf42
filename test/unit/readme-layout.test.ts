import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectPath } from "../../platform/paths";

/** The README's "## Layout" picture: each line with the folder it describes. */
function layoutLines(): { folder: string; text: string }[] {
  const readme = readFileSync(projectPath("README.md"), "utf8");
  const block = readme.split("\n## Layout\n")[1].split("```")[1];
  let top = "";
  let folder = "";
  return block
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const named = /^( {0,2})((?:[\w.-]+\/)+)(?= |$)/.exec(line);
      if (named && !named[1]) top = folder = named[2];
      else if (named) folder = `${top}${named[2]}`;
      else if (/^ {2}\S/.test(line)) folder = top;
      return { folder, text: named ? line.slice(named[0].length) : line };
    });
}

const listed = new Map<string, string[]>();
/** Every file under `dir` (relative to it), skipping what is built or installed; read once. */
function filesUnder(dir: string): string[] {
  let files = listed.get(dir);
  if (!files) {
    files = existsSync(projectPath(dir))
      ? readdirSync(projectPath(dir), { recursive: true, encoding: "utf8" }).filter(
          (path) => !/(^|\/)(node_modules|dist|results)(\/|$)/.test(path),
        )
      : [];
    listed.set(dir, files);
  }
  return files;
}

// Issue 24: the README's layout is the newcomer's map; a file it names that moved, or a folder or
// shared module it does not name, fails here rather than misleading the next reader.
describe("README > Layout", () => {
  const lines = layoutLines();

  it("names only files that exist, in the folder each line describes", () => {
    const missing = lines.flatMap(({ folder, text }) => {
      // Whole names only: `<kind>.inputs.ts` is a pattern, not a file.
      const names = text.match(/(?<![\w.>/-])[\w-][\w.-]*(?:\/[\w.-]+)*\.(?:ts|json|graphql)\b/g);
      const files = filesUnder(folder);
      const found = (name: string) =>
        files.some((file) => file === name || file.endsWith(`/${name}`)) ||
        (name.includes("/") && existsSync(projectPath(name)));
      return (names ?? []).filter((name) => !found(name)).map((name) => `${folder} ${name}`);
    });
    expect(missing).toEqual([]);
  });

  it("names every top-level folder, every subgraph and every shared module", () => {
    const described = new Set(lines.map(({ folder }) => folder.replace(/\/$/, "")));
    const text = lines.map(({ text }) => text).join("\n");
    const folders = [
      ...["platform", "services", "gateway", "stix", "schema", "data", "web"],
      ...["scripts", "harness", "bench", "test", "examples"],
      ...readdirSync(projectPath("services"), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `services/${entry.name}`),
    ];
    expect(folders.filter((folder) => !described.has(folder))).toEqual([]);
    const unnamed = ["platform", "services/kit", "gateway"].flatMap((dir) =>
      readdirSync(projectPath(dir))
        .filter((name) => name.endsWith(".ts") && !text.includes(name))
        .map((name) => join(dir, name)),
    );
    expect(unnamed).toEqual([]);
  });
});
