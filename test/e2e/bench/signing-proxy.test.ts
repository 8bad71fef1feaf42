import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SigningProxy, startSigningProxy } from "../../../bench/signing-proxy";
import { postGraphQL } from "../../../scripts/graphql-client";
import {
  TEST_IDENTITY_SECRET,
  type TestFederation,
  startTestFederation,
} from "../../helpers/federation";

// Grafbase cannot sign our identity header: the benchmark puts a signing proxy in front of each
// subgraph, and an unsigned request through it is answered like one our gateway signed.
describe("bench > signing proxy", () => {
  let federation: TestFederation;
  let proxy: SigningProxy;
  let subgraphUrl: string;
  beforeAll(async () => {
    federation = await startTestFederation();
    subgraphUrl = federation.subgraphs.find((s) => s.name === "governments")!.url;
    proxy = await startSigningProxy({
      target: subgraphUrl,
      audience: "governments",
      secret: TEST_IDENTITY_SECRET,
    });
  });
  afterAll(async () => {
    await proxy?.stop();
    await federation?.stop();
  });

  const query = { query: `{ government(id: "cn") { id name } }` };

  it("signs an unsigned request, which the subgraph then answers with data", async () => {
    const direct = await postGraphQL(subgraphUrl, query);
    expect(direct.status).toBe(401);
    expect(direct.errors?.[0].extensions?.reason).toBe("missing");

    const proxied = await postGraphQL<{ government: { id: string; name: string } }>(
      proxy.url,
      query,
    );
    expect(proxied.errors).toBeUndefined();
    expect(proxied.data?.government).toMatchObject({ id: "cn", name: expect.any(String) });
    // Each request gets its own nonce: the same body again is no replay.
    expect((await postGraphQL(proxy.url, query)).errors).toBeUndefined();
  });

  it("forwards plain routes: the benchmark waits on the subgraph's readiness through it", async () => {
    const ready = await fetch(new URL("health/ready", proxy.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ok" });
  });
});
