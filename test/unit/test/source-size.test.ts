import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectPath } from "../../../platform/paths";

/** Issue 24's measure: a file a newcomer can read in one sitting, a function in one screen. */
const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 80;
const SOURCE_FOLDERS = [
  "platform",
  "services",
  "gateway",
  "stix",
  "scripts",
  "harness",
  "bench",
  "web",
];
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", "gql", "results"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name) ? [] : sourceFiles(path);
    }
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** "file (n lines)" when the file is too long, and "file:line name (n lines)" per long function. */
function oversized(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const line = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;
  const name = relative(projectPath(), file);
  const found: string[] = [];
  const fileLines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  if (fileLines > MAX_FILE_LINES) found.push(`${name} (${fileLines} lines)`);
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const lines = line(node.getEnd()) - line(node.getStart(source)) + 1;
      if (lines > MAX_FUNCTION_LINES) {
        const label = node.name?.getText(source) ?? ts.SyntaxKind[node.kind];
        found.push(`${name}:${line(node.getStart(source))} ${label} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("source size", () => {
  const files = SOURCE_FOLDERS.flatMap((folder) => sourceFiles(projectPath(folder)));

  it("reads the whole source tree", () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it(`keeps files under ${MAX_FILE_LINES} lines and functions under ${MAX_FUNCTION_LINES}`, () => {
    expect(files.flatMap(oversized)).toEqual([]);
  });
});
