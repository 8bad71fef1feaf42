import { describe, expect, it } from "vitest";
import { StixGraph, compact, sourceReference, uri } from "../../../stix/model";

const object = (type: string, id: string, created: string, modified = created) => ({
  type,
  spec_version: "2.1" as const,
  id: `${type}--${id}`,
  created,
  modified,
});

// The rules every STIX object follows here: no null or empty property, ASCII URLs, sources as
// external references, one object per id, and the same order on every export.
describe("stix > model", () => {
  it("drops null, undefined, empty lists and empty objects, at any depth", () => {
    expect(
      compact({
        a: null,
        b: undefined,
        c: [],
        d: {},
        e: { f: null, g: [1] },
        h: [{ i: null }],
        j: 0,
      }),
    ).toEqual({ e: { g: [1] }, h: [{}], j: 0 });
  });

  it("percent-encodes what RFC 3986 does not allow in a URL, and leaves out what is no URI", () => {
    expect(uri("https://example.org/déclaration du 19 juillet")).toBe(
      "https://example.org/d%C3%A9claration%20du%2019%20juillet",
    );
    expect(uri("https://example.org/a?b=c&d=%C3%A9")).toBe("https://example.org/a?b=c&d=%C3%A9");
    expect(uri('https://example.org/{a}|"b"[1]^`<x>\\100%')).toBe(
      "https://example.org/%7Ba%7D%7C%22b%22%5B1%5D%5E%60%3Cx%3E%5C100%25",
    );
    expect(uri("www.example.org/no-scheme")).toBeUndefined();
    expect(uri("//example.org/relative")).toBeUndefined();
  });

  it("cites a source by its publisher, with its title, date and language", () => {
    expect(
      sourceReference("s1", {
        url: "https://example.org/é",
        title: "Four Charged",
        publisher: "DOJ",
        publishedAt: "2021-07-19",
        language: "en",
        excerpt: null,
      }),
    ).toEqual({
      source_name: "DOJ",
      description: "Four Charged (2021-07-19, en)",
      url: "https://example.org/%C3%A9",
    });
    expect(sourceReference("unknown-key", undefined)).toEqual({
      source_name: "unknown-key",
      description: 'source "unknown-key"',
    });
  });

  it("keeps one object per id, widening its dates, and orders objects by type then id", () => {
    const graph = new StixGraph();
    graph.add(object("relationship", "b", "2021-01-01"), [
      { collection: "incidents", record: "R:1" },
    ]);
    graph.add(object("identity", "z", "2021-05-01"), [
      { collection: "governments", record: "G:1" },
    ]);
    graph.add(object("identity", "a", "2021-03-01"), []);
    graph.add(object("identity", "z", "2020-01-01", "2022-01-01"), [
      { collection: "incidents", record: "I:1" },
    ]);
    expect(graph.objects().map((o) => o.id)).toEqual([
      "identity--a",
      "identity--z",
      "relationship--b",
    ]);
    const shared = graph.entries.get("identity--z")!;
    expect([shared.object.created, shared.object.modified]).toEqual(["2020-01-01", "2022-01-01"]);
    expect([...shared.collections].sort()).toEqual(["governments", "incidents"]);
    expect([...shared.records].sort()).toEqual(["G:1", "I:1"]);
  });
});
