import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { matchActors } from "../../../scripts/stix-in/actors";
import { actorFacts } from "../../../scripts/stix-in/facts";
import { Objects, Unmapped, dateOf, sourceEntry } from "../../../scripts/stix-in/objects";
import { StixInputError, readBundleFile } from "../../../scripts/stix-in/read";

// The STIX connector's pure parts: what it refuses, how it reads this project's own export back,
// and why a shared alias never merges two actors.
const dir = mkdtempSync(join(tmpdir(), "stix-in-unit-"));
const id = (n: number) => `intrusion-set--00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const set = (n: number, name: string, aliases: string[] = []) => ({
  type: "intrusion-set",
  spec_version: "2.1",
  id: id(n),
  name,
  aliases: [name, ...aliases],
});

describe("scripts > stix-in > read", () => {
  const file = (content: string) => {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, content);
    return path;
  };
  it("refuses a bad id, a missing spec_version, and reads a cyber-observable without one", () => {
    const bundle = (objects: unknown[]) => file(JSON.stringify({ type: "bundle", objects }));
    expect(() => readBundleFile(bundle([{ ...set(1, "A"), id: "intrusion-set--nope" }]))).toThrow(
      /\$\.objects\[0\]\.id: "intrusion-set--nope" is not a intrusion-set id/,
    );
    const bare = { ...set(1, "A"), spec_version: undefined };
    expect(() => readBundleFile(bundle([bare]))).toThrow(StixInputError);
    const url = { type: "url", id: "url--00000000-0000-4000-8000-000000000001", value: "x" };
    expect(readBundleFile(bundle([url]))).toHaveLength(1);
  });
});

describe("scripts > stix-in > this project's own references", () => {
  it('reads "Title (2021-07-19, en)" back as title, date and language', () => {
    const reference = {
      source_name: "US Department of Justice",
      description: "Four Chinese nationals charged (AP) (2021-07-19, en)",
      url: "https://www.justice.gov/opa/pr/x",
    };
    expect(sourceEntry(reference, true)).toEqual({
      url: "https://www.justice.gov/opa/pr/x",
      title: "Four Chinese nationals charged (AP)",
      publisher: "US Department of Justice",
      publishedAt: "2021-07-19",
      language: "en",
      excerpt: null,
    });
    expect(sourceEntry({ source_name: "x", url: "javascript:alert(1)" }, false)).toBeNull();
  });

  it("gives a date as precise as the export says", () => {
    expect(dateOf("2018-12-31T23:59:59.999Z", "year")).toBe("2018");
    expect(dateOf("2021-03-01T00:00:00.000Z", "month")).toBe("2021-03");
    expect(dateOf("2015-12-01T05:00:00.000Z", undefined)).toBe("2015-12-01");
  });
});

describe("scripts > stix-in > matching", () => {
  it("matches by a name only one actor carries; a shared alias matches nothing", () => {
    const objects = new Objects([
      set(1, "Sandworm Team", ["Voodoo Bear"]),
      set(2, "Group A", ["Shared"]),
      set(3, "Group B", ["Shared"]),
    ] as never);
    const unmapped = new Unmapped();
    const facts = objects.of("intrusion-set").map((o) => actorFacts(objects, o, unmapped));
    const actor = (key: string, name: string, aliases: string[]) => ({
      record: { id: key, name, sources: ["s"], aliases: aliases.map((a) => ({ name: a })) },
      sources: {},
    });
    const graph = [actor("sandworm", "Sandworm", ["Sandworm Team"]), actor("x", "X", ["Shared"])];
    const conflicts: string[] = [];
    const matches = matchActors(facts, graph, conflicts);
    const by = new Map([...matches].map(([f, m]) => [f.name, `${m.existing.record.id} (${m.by})`]));
    expect(Object.fromEntries(by)).toEqual({ "Sandworm Team": 'sandworm (alias "Sandworm Team")' });
  });
});
