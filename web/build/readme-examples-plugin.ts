import { join } from "node:path";
import type { Plugin } from "vite";
import { readReadmeExamples } from "../../gateway/readme-examples";
import { projectRoot } from "./shared-config";

const MODULE = "virtual:readme-examples";
const RESOLVED = `\0${MODULE}`;

/** `import { readmeExamples } from "virtual:readme-examples"`: the README's GraphQL examples. */
export function readmeExamplesPlugin(): Plugin {
  const readme = join(projectRoot, "README.md");
  return {
    name: "readme-examples",
    resolveId: (id) => (id === MODULE ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(readme);
      return `export const readmeExamples = ${JSON.stringify(readReadmeExamples(readme))};`;
    },
  };
}
