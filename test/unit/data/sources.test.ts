import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { readBundles } from "../../../services/dataset";

// A source key names one document and one passage in every subgraph that stores it: a key two
// shipped files define differently is refused (SOURCE_CONFLICT) when the files are imported one
// by one, and the seeded subgraphs would each keep whichever copy they were given.
describe("data > shipped bundles' sources", () => {
  it("define each source key the same way in every file that cites it", async () => {
    const definitions = new Map<string, { file: string; source: unknown }>();
    const differing: string[] = [];
    for (const { file, bundle } of await readBundles()) {
      for (const [key, source] of Object.entries(bundle.sources ?? {})) {
        const first = definitions.get(key);
        if (!first) definitions.set(key, { file, source });
        else if (!isDeepStrictEqual(first.source, source))
          differing.push(`${key}: ${first.file}, ${file}`);
      }
    }
    expect(definitions.size).toBeGreaterThan(100);
    expect(differing).toEqual([]);
  });
});
