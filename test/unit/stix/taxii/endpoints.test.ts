import { describe, expect, it } from "vitest";
import { API_ROOT, taxiiAnswer } from "../../../../stix/taxii/endpoints";
import { TAXII_MEDIA_TYPE } from "../../../../stix/taxii/media";

// One object by id scans the collection page by page: a request that ended (answered TIMEOUT,
// or its client gone) reads no further page.
describe("stix > taxii > one object, once its request ended", () => {
  it("reads nothing and answers 503 TIMEOUT", async () => {
    let reads = 0;
    const answer = taxiiAnswer({
      path: [
        API_ROOT,
        "collections",
        "everything",
        "objects",
        `report--${"0".repeat(8)}-0000-5000-8000-${"0".repeat(12)}`,
      ],
      params: new URLSearchParams(),
      accept: TAXII_MEDIA_TYPE,
      publicUrl: "http://localhost/",
      maxContentLength: 1024,
      budgetBytes: 1024 * 1024,
      signal: AbortSignal.abort(),
      execute: async () => {
        reads += 1;
        throw new Error("no page should be read");
      },
    });
    await expect(answer).rejects.toMatchObject({ status: 503, code: "TIMEOUT" });
    expect(reads).toBe(0);
  });
});
