import { describe, expect, it } from "vitest";
import { accepts } from "../../../../stix/taxii/media";

// A TAXII client asks for the TAXII media type, with or without a version, or for anything.
describe("stix > taxii > media > content negotiation", () => {
  it("admits the media type at version 2.1 or unversioned, wildcards, and nothing at q=0", () => {
    const taxii = "application/taxii+json;version=2.1";
    expect(accepts(undefined, taxii)).toBe(true);
    expect(accepts("application/taxii+json;version=2.1", taxii)).toBe(true);
    expect(accepts("application/taxii+json", taxii)).toBe(true);
    expect(accepts("text/html, */*;q=0.8", taxii)).toBe(true);
    expect(accepts("application/taxii+json;version=2.0", taxii)).toBe(false);
    expect(accepts("application/json", taxii)).toBe(false);
    expect(accepts("application/taxii+json;version=2.1;q=0", taxii)).toBe(false);
  });

  it("admits a type family's wildcard and the alternatives given", () => {
    const stix = "application/stix+json;version=2.1";
    expect(accepts("application/*", stix)).toBe(true);
    expect(accepts("text/*", stix)).toBe(false);
    expect(accepts("application/json", stix, ["application/json"])).toBe(true);
    expect(accepts('APPLICATION/STIX+JSON; version="2.1"', stix)).toBe(true);
    expect(accepts("  ", stix)).toBe(true);
  });
});
