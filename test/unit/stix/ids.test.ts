import { describe, expect, it } from "vitest";
import { NAMESPACE, stixId, uuidv5 } from "../../../stix/ids";

// Ids are UUIDv5 of the global id under the project's namespace: an object keeps its id across
// exports and servers.
describe("stix > ids", () => {
  it("computes RFC 4122 version 5 UUIDs, ours under the project namespace", () => {
    // RFC 4122's own example.
    expect(uuidv5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
    expect(NAMESPACE).toBe("840fe7bd-fbd8-4441-a841-bf97e8f6ecc5");
    expect(stixId("identity", "Government:us")).toBe(`identity--${uuidv5("Government:us")}`);
    expect(uuidv5("Government:us")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-/,
    );
    expect(uuidv5("Government:us")).not.toBe(uuidv5("Government:cn"));
  });
});
