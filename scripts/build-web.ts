import "../platform/compile-cache";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { projectPath } from "../platform/paths";
import { parseCommand, runCommand } from "./cli";

const USAGE = `usage: node dist/scripts/build-web.js [--force]
  \`npm run build\`'s web half: the web app and GraphiQL into dist/web/ (npm run build:web),
  skipped when no source (web/, schema/api.graphql, README.md, package-lock.json) is newer
  than the last build. --force builds anyway.`;

/** What the web build reads: its sources, the client schema, the README's examples, the deps. */
const SOURCES = ["web", "schema/api.graphql", "README.md", "package-lock.json"];
/** Written by codegen during the build itself: no reason to build again. */
const GENERATED = ["web/app/src/gql"];
/** Written last by each page's build. */
const OUTPUTS = ["dist/web/app/index.html", "dist/web/graphiql/index.html"];

/** The newest modification time under `path` (ms), and which file it is. */
function newest(path: string): { mtimeMs: number; file: string } {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { mtimeMs: stat.mtimeMs, file: path };
  let found = { mtimeMs: 0, file: path };
  for (const entry of readdirSync(path)) {
    const child = join(path, entry);
    if (GENERATED.some((skip) => child === projectPath(skip))) continue;
    const candidate = newest(child);
    if (candidate.mtimeMs > found.mtimeMs) found = candidate;
  }
  return found;
}

/** Why the web app needs building, or undefined when dist/web/ is newer than every source. */
export function staleWebBuild(): string | undefined {
  const outputs = OUTPUTS.map((output) => projectPath(output));
  const missing = outputs.find((output) => !existsSync(output));
  if (missing) return `${relative(projectPath(), missing)} is missing`;
  const built = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  for (const source of SOURCES) {
    const path = projectPath(source);
    if (!existsSync(path)) continue;
    const { mtimeMs, file } = newest(path);
    if (mtimeMs > built) return `${relative(projectPath(), file)} changed`;
  }
  return undefined;
}

async function main() {
  const { values } = parseCommand(USAGE, { options: { force: { type: "boolean" } } });
  const reason = values.force ? "--force" : staleWebBuild();
  if (!reason) {
    console.log("web app: dist/web/ is up to date, not rebuilt (npm run build:web forces it)");
    return;
  }
  console.log(`web app: building into dist/web/ (${reason})`);
  const build = spawnSync("npm", ["run", "build:web", "--silent"], {
    cwd: projectPath(),
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error(`npm run build:web failed (exit ${build.status})`);
}

runCommand(USAGE, main);
