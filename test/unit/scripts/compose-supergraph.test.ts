import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { type ComposedSchemas, composeSupergraph } from "../../../scripts/compose-supergraph";
import { projectPath } from "../../../platform/paths";

// The committed SDL is what Apollo Router and the gateway run: it must be what the code builds.
// Building the schemas here also proves decorator metadata is emitted under the test transform
// (type-graphql throws "Unable to infer GraphQL type" without it).
describe("scripts > compose-supergraph > the committed schema", () => {
  let composed: ComposedSchemas;
  beforeAll(async () => {
    composed = await composeSupergraph();
  });

  it("matches the committed schema/*.graphql (run `npm run compose` after changing types)", () => {
    const { subgraphs, supergraphSdl, bundleSchema, apiSdl, fieldSizes } = composed;
    expect(apiSdl, "schema/api.graphql is stale").toBe(
      readFileSync(projectPath("schema", "api.graphql"), "utf8"),
    );
    expect(bundleSchema, "schema/bundle.schema.json is stale").toBe(
      readFileSync(projectPath("schema", "bundle.schema.json"), "utf8"),
    );
    expect(fieldSizes, "schema/field-sizes.json is stale").toBe(
      readFileSync(projectPath("schema", "field-sizes.json"), "utf8"),
    );
    for (const { name, sdl } of subgraphs) {
      expect(sdl, `schema/${name}.graphql is stale`).toBe(
        readFileSync(projectPath("schema", `${name}.graphql`), "utf8"),
      );
    }
    expect(supergraphSdl, "schema/supergraph.graphql is stale").toBe(
      readFileSync(projectPath("schema", "supergraph.graphql"), "utf8"),
    );
  });

  // schema/field-sizes.json: what the gateway's byte rule assumes each output field carries.
  it("assumes, for each output field, the maximum its write input declares", () => {
    const { fields } = JSON.parse(composed.fieldSizes) as { fields: Record<string, number> };
    expect(fields).toMatchObject({
      "Statement.text": 100_000,
      "Statement.summary": 5000,
      "Quote.text": 5000,
      "Translation.text": 5000,
      "Incident.aliases": 200,
      "ThreatActor.name": 300,
      "Source.excerpt": 5000,
    });
    // A statement in bundle form: its own maxima, 20 quotes of 10 translations, 100 sources.
    expect(fields["Statement.bundleRecord"]).toBeGreaterThan(
      100_000 + 5000 + 20 * (5000 + 10 * 5000) + 100 * 5000,
    );
    expect(fields["AuditEntry.after"]).toBe(
      Math.max(
        ...Object.entries(fields)
          .filter(([k]) => k.endsWith(".bundleRecord"))
          .map(([, v]) => v),
      ),
    );
  });

  it("keeps explicit scalar types: counts are Int, not Float", () => {
    const { supergraphSdl } = composed;
    expect(supergraphSdl).toMatch(/totalCount: Int!/);
    expect(supergraphSdl).not.toMatch(/: Float/);
  });
});
