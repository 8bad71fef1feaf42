import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type BundleEntry, fileEntries, memoryEntries } from "../../../scripts/bundle-file";
import { indexBundle, sourceProblems } from "../../../scripts/bundle-index";
import { type Item, KindWriter, readsInKindOrder } from "../../../scripts/bundle-write";
import { BUNDLE_KEYS } from "../../../platform/bundle";

const dir = mkdtempSync(join(tmpdir(), "attribution-graph-bundle-file-"));
let files = 0;

function file(text: string): string {
  const path = join(dir, `${(files += 1)}.json`);
  writeFileSync(path, text);
  return path;
}

async function all(entries: AsyncIterable<BundleEntry>): Promise<BundleEntry[]> {
  const list: BundleEntry[] = [];
  for await (const entry of entries) list.push(entry);
  return list;
}

const government = (id: string, memberOf: string[] = []) => ({
  id,
  name: id,
  kind: "STATE",
  memberOf,
  sources: ["s"],
});

// A bundle file is read part by part: the same entries as the bundle in memory gives.
describe("scripts > bundle-file > fileEntries", () => {
  it("gives the entries a bundle in memory gives, in the file's order", async () => {
    const bundle = {
      format: "attribution-graph.bundle/1",
      statements: null,
      governments: [government("a"), government("b", ["a"])],
      sources: { s: { title: "T" } },
    } as const;
    const fromFile = await all(fileEntries(file(JSON.stringify(bundle, null, 2))));
    expect(fromFile).toEqual(await all(memoryEntries(bundle as never)));
    expect(fromFile.map((e) => e.type)).toEqual([
      "format",
      "list",
      "list",
      "record",
      "record",
      "sources",
    ]);
  });

  it("reads __proto__ as JSON.parse does: an own key, refused as an unknown field", async () => {
    const text = `{"format":"attribution-graph.bundle/1","sources":{},
      "governments":[{"id":"x","name":"X","kind":"STATE","sources":[],"__proto__":{"id":"y"}}]}`;
    const index = await indexBundle(fileEntries(file(text)));
    expect(index.problems).toContain("$.governments[0].__proto__: is not a known field");
    expect([...index.ids.get("governments")!]).toEqual(["x"]);
  });

  it("skips what it does not know and says so, then reads on", async () => {
    const text = `{"x":{"a":[1,{"b":2}]},"format":"attribution-graph.bundle/1","governments":3,
      "sources":{"s":{"title":"T"}},"governments":[1],"agencies":[]}`;
    const index = await indexBundle(fileEntries(file(text)));
    expect(index.problems).toEqual([
      "$.x: is not a known field",
      "$.governments: must be array",
      "$.governments: is given twice",
    ]);
    expect([...index.counts]).toEqual([["agencies", 0]]);
  });

  it("finds cited sources a $.sources given last lacks, by path and in kind order", async () => {
    const text = JSON.stringify({
      format: "attribution-graph.bundle/1",
      agencies: [{ id: "g", name: "G", kind: "MINISTRY", government: "a", sources: ["t"] }],
      governments: [{ ...government("a"), sources: ["s", "u"] }],
      sources: { s: { title: "T" } },
    });
    const path = file(text);
    const index = await indexBundle(fileEntries(path));
    expect(index.problems).toEqual([]);
    expect(await sourceProblems(() => fileEntries(path), index, BUNDLE_KEYS)).toEqual([
      '$.governments[0].sources[1]: source "u" is not in $.sources',
      '$.agencies[0].sources[0]: source "t" is not in $.sources',
    ]);
  });
});

// Records are written in kind order, each after the records of its own list it names.
describe("scripts > bundle-write", () => {
  it("reads the file once more for each list that comes before an earlier kind", async () => {
    const order = (keys: string[]) =>
      readsInKindOrder({ counts: new Map(keys.map((k) => [k, 1])) } as never);
    expect(order(["governments", "agencies", "statements"])).toEqual([
      ["governments", "agencies", "statements"],
    ]);
    expect(order(["statements", "agencies", "governments"])).toEqual([
      ["governments"],
      ["agencies"],
      ["statements"],
    ]);
  });

  it("holds a record back until the one it names is written, and breaks cycles in list order", async () => {
    const written: string[] = [];
    const records = [
      government("member", ["union"]),
      government("union", ["alliance"]),
      government("loop-a", ["loop-b"]),
      government("loop-b", ["loop-a"]),
      government("alliance"),
    ];
    const ids = new Set(records.map((r) => r.id));
    const writer = new KindWriter("governments", ids, async (item) => {
      written.push(item.record.id);
    });
    for (const [index, record] of records.entries()) {
      await writer.add({ key: "governments", index, record } as Item);
    }
    await writer.finish();
    expect(written).toEqual(["alliance", "union", "member", "loop-a", "loop-b"]);
  });
});
