import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The repository root, whether running from dist/ (node) or from sources (vitest). */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
export const projectPath = (...parts: string[]) => join(PROJECT_ROOT, ...parts);
