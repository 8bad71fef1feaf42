import { describe, expect, it } from "vitest";
import { sendGraphQL } from "../../../scripts/graphql-client";
import { startTestFederation } from "../../helpers/federation";

// Limits are configurable; the rate limit counts per client address before any key is looked up
// (unknown keys cannot skip it), then per API key.
describe("gateway > configurable limits", () => {
  it("rate-limits a client address with 429 RATE_LIMITED, with or without a key", async () => {
    const federation = await startTestFederation(undefined, { limits: { rateLimitPerMinute: 3 } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await sendGraphQL<any>(federation.gatewayUrl, { query: "{ __typename }" })).status,
        );
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = (await sendGraphQL<any>(federation.gatewayUrl, { query: "{ __typename }" }))
        .json;
      expect(limited.errors[0].extensions.code).toBe("RATE_LIMITED");
      const keyed = await sendGraphQL<any>(
        federation.gatewayUrl,
        { query: "{ __typename }" },
        { token: await federation.token("reader") },
      );
      expect(keyed.status).toBe(429);
    } finally {
      await federation.stop();
    }
  });

  it("accepts batches only when enabled, up to the configured size", async () => {
    const federation = await startTestFederation(undefined, {
      limits: { batching: true, maxBatchSize: 3 },
    });
    try {
      const ok = await sendGraphQL<any>(federation.gatewayUrl, [
        { query: "{ __typename }" },
        { query: `{ government(id: "us") { id } }` },
      ]);
      expect(ok.status).toBe(200);
      expect((ok.json as any[]).map((r) => r.data)).toEqual([
        { __typename: "Query" },
        { government: { id: "us" } },
      ]);
      const tooMany = await sendGraphQL<any>(
        federation.gatewayUrl,
        Array.from({ length: 4 }, () => ({ query: "{ __typename }" })),
      );
      expect(tooMany.status).toBe(400);
      expect(tooMany.json.errors[0].extensions.code).toBe("BATCH_TOO_LARGE");
    } finally {
      await federation.stop();
    }
  });
});

// "Did you mean" helps a developer and maps the schema for an attacker: development only.
describe("gateway > suggestions", () => {
  const typos: [string, Record<string, unknown>?][] = [
    [`{ governmnts { totalCount } }`],
    [
      `query ($f: GovernmentFilter) { governments(filter: $f) { totalCount } }`,
      { f: { kinds: ["STATEE"] } },
    ],
  ];
  const messages = async (production: boolean) => {
    const federation = await startTestFederation(undefined, { production });
    try {
      const results = await Promise.all(
        typos.map(([query, vars]) => federation.query(query, vars)),
      );
      return results.map((result) => result.errors?.[0]?.message ?? "");
    } finally {
      await federation.stop();
    }
  };

  it("suggests field and enum names in development", async () => {
    for (const message of await messages(false)) expect(message).toMatch(/Did you mean .*"\w+"\?$/);
  });

  it("suggests nothing in production, and leaves the rest of the message whole", async () => {
    for (const message of await messages(true)) {
      expect(message).not.toMatch(/did you mean|suggestion/i);
      expect(message).toMatch(/\.$/);
    }
  });
});
