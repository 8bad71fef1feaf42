import { describe, expect, it } from "vitest";
import { requestCost } from "../../../../stix/taxii/pages";

const cost = (path: string, query = "") =>
  requestCost(path.split("/").filter(Boolean), new URLSearchParams(query), 10);

// What a TAXII request counts as in the rate limit: a page by its `limit`, a scan as the
// largest page, anything else as one request.
describe("stix > taxii > request cost", () => {
  it("counts objects and manifest pages by their limit, one per 10 objects", () => {
    expect(cost("root/collections/c/objects")).toBe(10); // the default limit, 100
    expect(cost("root/collections/c/objects", "limit=5")).toBe(1);
    expect(cost("root/collections/c/objects", "limit=101")).toBe(11);
    expect(cost("root/collections/c/manifest", "limit=1000")).toBe(100);
  });

  it("counts one object or its versions as a page of 1,000, and a malformed limit as 1", () => {
    expect(cost("root/collections/c/objects/indicator--x")).toBe(100);
    expect(cost("root/collections/c/objects/indicator--x/versions")).toBe(100);
    expect(cost("root/collections/c/objects", "limit=abc")).toBe(1);
    expect(cost("root/collections/c/objects", "limit=0")).toBe(1);
  });

  it("counts discovery, the API root and collections as one request", () => {
    expect(cost("")).toBe(1);
    expect(cost("root")).toBe(1);
    expect(cost("root/collections")).toBe(1);
    expect(cost("root/collections/c")).toBe(1);
  });
});
