import { describe, expect, it } from "vitest";
import { stixId } from "../../../../stix/ids";
import { TaxiiError } from "../../../../stix/taxii/errors";
import { DEFAULT_LIMIT, isStixId, parseListing, timestamp } from "../../../../stix/taxii/pages";

const params = (search: string) => parseListing(new URLSearchParams(search));

/** The description of the TAXII error parsing `search` throws. */
function refusal(search: string): string {
  try {
    params(search);
  } catch (error) {
    expect(error).toBeInstanceOf(TaxiiError);
    return (error as TaxiiError).message;
  }
  throw new Error(`expected ${search} to be refused`);
}

// The URL parameters of TAXII 2.1's listings, read strictly: each malformed one is refused by
// name; `next` is an opaque token the page reader (stix/taxii/feed.ts) checks.
describe("stix > taxii > pages", () => {
  it("reads limit, added_after and the match filters, with TAXII's defaults", () => {
    expect(params("")).toMatchObject({ limit: DEFAULT_LIMIT, versions: ["last"] });
    const id = stixId("report", "x");
    expect(
      params(
        `limit=5&added_after=2021-07-19T00:00:00Z&match[type]=report,campaign&match[id]=${id}`,
      ),
    ).toMatchObject({
      limit: 5,
      addedAfter: "2021-07-19T00:00:00.000Z",
      types: ["report", "campaign"],
      ids: [id],
    });
    expect(timestamp("2021-02-30T00:00:00Z")).toBeUndefined();
    expect(timestamp("2021-07-19T10:00:00.123456Z")).toBe("2021-07-19T10:00:00.123Z");
    expect(isStixId(id)).toBe(true);
    expect(isStixId("report--not-a-uuid")).toBe(false);
  });

  it.each([
    ["limit=0", 'limit: must be an integer from 1 to 1000, got "0"'],
    ["limit=1001", 'limit: must be an integer from 1 to 1000, got "1001"'],
    ["limit=5&limit=6", "limit: given more than once"],
    [
      "added_after=yesterday",
      'added_after: "yesterday" is not a timestamp such as 2021-07-19T00:00:00.000Z',
    ],
    [
      "match[colour]=red",
      "match[colour]: not a filter of this server (match[id], match[type], match[version], match[spec_version])",
    ],
    ["match[id]=apt40", 'match[id]: "apt40" is not a STIX identifier (type--UUID)'],
    ["match[spec_version]=two", 'match[spec_version]: "two" is not a spec version such as "2.1"'],
  ])("refuses %s, naming the parameter", (search, message) => {
    expect(refusal(search)).toBe(message);
  });

  it("keeps a next token for the page reader, and refuses one that is not base64url", () => {
    expect(params("next=eyJjIjp7fX0").next).toBe("eyJjIjp7fX0");
    expect(refusal("next=not%20a%20token")).toMatch(
      /^next: "not a token" is not a token this server gave/,
    );
  });
});
