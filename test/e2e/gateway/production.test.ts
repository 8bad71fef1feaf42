import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDataSource } from "../../../platform/database";
import { formatError } from "../../../platform/error-policy";
import { Government } from "../../../services/governments/government";
import { databaseConfig } from "../../../harness/database";
import { httpRequest, sendGraphQL } from "../../../scripts/graphql-client";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

// In production the gateway tells clients what they need and nothing more.
describe("gateway > production mode", () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation(undefined, { production: true, introspection: false });
  });
  afterAll(() => federation?.stop());

  it("refuses introspection and serves no Sandbox", async () => {
    const result = await federation.query(`{ __schema { types { name } } }`);
    expect(result.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const page = await httpRequest(federation.gatewayUrl, { headers: { accept: "text/html" } });
    expect(page.text).not.toMatch(/sandbox/i);
  });

  it("gives no 'did you mean' suggestions", async () => {
    const result = await federation.query(`{ governmnts { totalCount } }`);
    expect(result.errors?.[0].message).not.toMatch(/did you mean/i);
  });

  it("masks an internal error and returns the request id the logs carry", async () => {
    const governments = federation.subgraphs.find((s) => s.name === "governments")!;
    await governments.dataSource.destroy();
    const response = await sendGraphQL<any>(federation.gatewayUrl, {
      query: `{ governments { totalCount } }`,
    });
    const body = response.json;
    const [error] = body.errors;
    expect(error.message).toBe("internal server error");
    expect(error.extensions.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error.extensions.requestId).toBe(response.headers.get("x-request-id"));
    expect(JSON.stringify(body)).not.toMatch(/typeorm|stack|Connection/i);
    await governments.dataSource.initialize();
  });
});

// A statement or a subgraph that does not answer in time is answered TIMEOUT, not waited for.
describe("gateway > production mode > timeouts", () => {
  it("applies statement_timeout to every connection and answers TIMEOUT when it fires", async () => {
    const db = createDataSource(
      { ...databaseConfig(inject("datasetUrl")), statementTimeoutMs: 50 },
      { schema: "governments", entities: [Government], migrations: [] },
    );
    await db.initialize();
    try {
      expect(await db.query("SHOW statement_timeout")).toEqual([{ statement_timeout: "50ms" }]);
      const error = await db.query("SELECT pg_sleep(2)").catch((e: unknown) => e);
      const formatted = formatError(true)({ message: String(error) }, error);
      expect(formatted.extensions?.code).toBe("TIMEOUT");
      expect(formatted.message).toMatch(/did not answer in time/);
    } finally {
      await db.destroy();
    }
  });

  it("answers TIMEOUT when a subgraph does not answer in time", async () => {
    const federation = await startTestFederation(undefined, { limits: { subgraphTimeoutMs: 1 } });
    try {
      const result = await federation.query(
        `{ statements(first: 100) { nodes { quotes { text } } } }`,
      );
      expect(result.errors?.[0].extensions?.code).toBe("TIMEOUT");
      expect(result.errors?.[0].message).toMatch(/did not answer within 1 ms/);
    } finally {
      await federation.stop();
    }
  });
});

// A lookup by an undefined or null id throws rather than match every row.
describe("gateway > production mode > where-clause safety", () => {
  it("throws on an undefined or null id instead of matching every row", async () => {
    const db = createDataSource(databaseConfig(inject("datasetUrl")), {
      schema: "governments",
      entities: [Government],
      migrations: [],
    });
    await db.initialize();
    try {
      const repository = db.getRepository(Government);
      await expect(repository.findOneBy({ id: undefined as unknown as string })).rejects.toThrow();
      await expect(repository.findOneBy({ id: null as unknown as string })).rejects.toThrow();
    } finally {
      await db.destroy();
    }
  });
});
