import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicUrlFromEnv } from "../../../gateway/config";
import { ConfigError } from "../../../platform/env";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const TAXII = "application/taxii+json;version=2.1";
const ROOT = "taxii2/attribution-graph/";

/** GET /taxii2/ with a forged Host header (fetch cannot send one), and proxy headers too. */
function discovery(gatewayUrl: string): Promise<{ status: number; body: any }> {
  const { port } = new URL(gatewayUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/taxii2/",
        headers: {
          host: "evil.example",
          "x-forwarded-host": "evil.example",
          "x-forwarded-proto": "https",
          accept: TAXII,
        },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

// Host header injection: TAXII discovery once built its absolute URLs from the request's Host
// header, so `Host: evil.example` pointed clients (and any cache in front) at another server.
// They now come from PUBLIC_URL, or the address the gateway listens on, never from a request.
describe("gateway > public URL > discovery never reflects the Host header", () => {
  let configured: TestFederation;
  let unset: TestFederation;
  beforeAll(async () => {
    configured = await startTestFederation(undefined, {
      publicUrl: "https://cti.example.org/api/",
    });
    unset = await startTestFederation();
  });
  afterAll(async () => {
    await configured?.stop();
    await unset?.stop();
  });

  it("names the API root under PUBLIC_URL", async () => {
    const { status, body } = await discovery(configured.gatewayUrl);
    expect(status).toBe(200);
    expect(body.default).toBe(`https://cti.example.org/api/${ROOT}`);
    expect(body.api_roots).toEqual([`https://cti.example.org/api/${ROOT}`]);
  });

  it("names it under the listen address when PUBLIC_URL is unset", async () => {
    const { body } = await discovery(unset.gatewayUrl);
    expect(body.api_roots).toEqual([`${unset.gatewayUrl}${ROOT}`]);
    expect(JSON.stringify(body)).not.toContain("evil.example");
  });

  it("reads PUBLIC_URL as a plain http(s) URL, defaulting to where the gateway listens", () => {
    expect(publicUrlFromEnv({ PUBLIC_URL: "https://cti.example.org/api" }, "0.0.0.0", 4000)).toBe(
      "https://cti.example.org/api/",
    );
    expect(publicUrlFromEnv({}, "0.0.0.0", 4000)).toBe("http://127.0.0.1:4000/");
    expect(publicUrlFromEnv({}, "10.0.0.5", 8080)).toBe("http://10.0.0.5:8080/");
    expect(publicUrlFromEnv({}, "127.0.0.1", 0)).toBeUndefined();
    for (const wrong of ["ftp://example.org/", "https://example.org/?x=1", "not a url"]) {
      expect(() => publicUrlFromEnv({ PUBLIC_URL: wrong }, "127.0.0.1", 4000)).toThrow(ConfigError);
    }
  });
});
