import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRequest } from "../../../scripts/graphql-client";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const TAXII = "application/taxii+json;version=2.1";
const OBJECTS = "taxii2/attribution-graph/collections/everything/objects/";
/** Small enough that a read of 100 records' fields passes it, large enough for a few. */
const MAX_WORST_CASE_BYTES = 32 * 1024 * 1024;

// A page whose records' read is refused for its worst case (QUERY_TOO_COMPLEX, before it runs)
// is read again in smaller parts, as one past the byte budget is: never an HTTP 500.
describe("stix > taxii > a page read past MAX_WORST_CASE_BYTES", () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation(undefined, {
      limits: { maxWorstCaseBytes: MAX_WORST_CASE_BYTES },
    });
  });
  afterAll(async () => {
    await federation?.stop();
  });

  it("serves every page of the everything collection, 100 objects a page but the last", async () => {
    let next: string | undefined;
    const sizes: number[] = [];
    do {
      const url = new URL(
        `${OBJECTS}?limit=100${next ? `&next=${next}` : ""}`,
        federation.gatewayUrl,
      );
      const { status, json } = await httpRequest<{
        more: boolean;
        next?: string;
        objects: unknown[];
      }>(url, { headers: { accept: TAXII } });
      expect(status, JSON.stringify(json)).toBe(200);
      sizes.push(json!.objects.length);
      next = json!.more ? json!.next : undefined;
      expect(sizes.length).toBeLessThan(200);
    } while (next);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.slice(0, -1).every((n) => n === 100)).toBe(true);
  });
});
