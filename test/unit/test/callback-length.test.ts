import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectPath } from "../../../platform/paths";

/** Longer than this, a `describe` or `it` is several scenarios: split it, setup in `beforeAll`. */
const MAX_LINES = 120;
const CALLERS = /^(describe|it|test|beforeAll|afterAll|beforeEach|afterEach)\b/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith(".") ? [] : testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every callback given to describe/it/hooks in `file`, as "file:line caller (n lines)". */
function longCallbacks(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
  );
  const line = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && CALLERS.test(node.expression.getText(source))) {
      for (const argument of node.arguments) {
        if (!ts.isArrowFunction(argument) && !ts.isFunctionExpression(argument)) continue;
        const lines = line(argument.getEnd()) - line(argument.getStart(source)) + 1;
        if (lines > MAX_LINES) {
          const at = `${relative(projectPath(), file)}:${line(argument.getStart(source))}`;
          found.push(`${at} ${node.expression.getText(source)} (${lines} lines)`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

// A test reads as a list of scenarios: no describe, it or hook callback runs over MAX_LINES.
describe("test > callback length", () => {
  it(`keeps every test callback under ${MAX_LINES} lines`, () => {
    const files = testFiles(projectPath("test"));
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap(longCallbacks)).toEqual([]);
  });
});
