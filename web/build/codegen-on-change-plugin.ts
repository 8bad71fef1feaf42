import { execFile } from "node:child_process";
import { join } from "node:path";
import type { Plugin } from "vite";
import { projectRoot } from "./shared-config";

/**
 * `npm run dev:web`: reruns graphql-codegen when a file with a `graphql(...)` document changes,
 * so types follow the documents as you edit (codegen's own --watch needs @parcel/watcher).
 */
export function codegenOnChangePlugin(): Plugin {
  const codegen = join(projectRoot, "node_modules", ".bin", "graphql-codegen");
  let timer: NodeJS.Timeout | undefined;
  const run = () =>
    execFile(
      codegen,
      ["--config", "web/codegen.yml", "--silent"],
      { cwd: projectRoot },
      (error, _stdout, stderr) => {
        if (error) console.error(`graphql-codegen failed:\n${stderr || error.message}`);
      },
    );
  return {
    name: "codegen-on-change",
    apply: "serve",
    configureServer(server) {
      server.watcher.on("change", (file) => {
        if (!/\.tsx?$/.test(file) || file.includes(`${join("src", "gql")}`)) return;
        clearTimeout(timer);
        timer = setTimeout(run, 200);
      });
    },
  };
}
