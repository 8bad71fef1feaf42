import { describe, expect, it } from "vitest";
import { recordObjects, referencesOf, stixBundle, stixGraph } from "../../../stix/bundle";
import { EXTENSION_DEFINITION } from "../../../stix/extension";
import { stixId } from "../../../stix/ids";
import { smallBundle } from "../../helpers/small-bundle";

// GET /stix/<globalId> serves a record's objects and everything they refer to, transitively: a
// bundle a consumer can load on its own; a bundle's id depends on its content only.
describe("stix > bundle", () => {
  const graph = stixGraph(smallBundle());

  it("finds every reference of an object, nested and in extensions", () => {
    const refs = referencesOf({
      type: "x",
      spec_version: "2.1",
      id: "x--1",
      created: "",
      modified: "",
      created_by_ref: "identity--a",
      object_refs: ["campaign--b", "relationship--c"],
      quotes: [{ speaker_ref: "identity--d", translations: [{ source: { url: "not a ref" } }] }],
      extensions: { "extension-definition--e": { extension_type: "new-sdo" } },
    });
    expect(refs.sort()).toEqual([
      "campaign--b",
      "extension-definition--e",
      "identity--a",
      "identity--d",
      "relationship--c",
    ]);
  });

  it("serves a record with everything it refers to, and nothing it does not", () => {
    const indictment = recordObjects(graph, "LegalAction:us-v-four")!;
    const ids = new Set(indictment.map((object) => object.id));
    for (const object of indictment) {
      for (const ref of referencesOf(object)) expect(ids.has(ref), ref).toBe(true);
    }
    expect(ids).toContain(EXTENSION_DEFINITION.id);
    expect(ids).toContain(stixId("campaign", "Incident:exchange"));
    expect(ids).not.toContain(stixId("report", "Statement:us-2021-07-19"));
    expect(recordObjects(graph, "Government:nowhere")).toBeNull();
  });

  it("serves an attribution's relationships, by the attribution's global id", () => {
    const objects = recordObjects(graph, "Attribution:a-mss")!;
    expect(objects.filter((o) => o.type === "relationship").map((o) => o.id)).toEqual(
      expect.arrayContaining([
        stixId("relationship", "Attribution:a-mss/agency"),
        stixId("relationship", "Attribution:a-mss/state"),
      ]),
    );
  });

  it("names a bundle by its content: the same objects, the same id", () => {
    const objects = graph.objects();
    const bundle = stixBundle(objects);
    expect(bundle.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
    expect(stixBundle(stixGraph(smallBundle()).objects()).id).toBe(bundle.id);
    expect(stixBundle(objects.slice(1)).id).not.toBe(bundle.id);
  });
});
