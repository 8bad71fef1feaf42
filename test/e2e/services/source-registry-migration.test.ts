import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, databaseConfig, dropDatabase } from "../../../harness/database";
import { storedSources } from "../../../services/kit/stored-sources";
import { withSubgraphDatabase } from "../../../services/kit/subgraph";
import { governments } from "../../../services/governments/schema";

const serverUrl = inject("serverUrl");
let databaseUrl: string;
beforeAll(async () => {
  databaseUrl = await createDatabase(serverUrl, "source_registry_migration");
});
afterAll(async () => {
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

const copy = (id: string, title: string) => ({
  id,
  url: null,
  title,
  publisher: null,
  publishedAt: null,
  language: "en",
  excerpt: null,
});

// Sources stored as copies before the registry: a key whose copies agree becomes one row (its
// empty fields dropped); a key whose copies differ stays out, and is still read from the copies,
// so that writes citing it keep answering SOURCE_CONFLICT until one definition is chosen.
describe("services > sources > registry migration", () => {
  it("registers each key once from the copies, and leaves forked keys out, remembered as forked", async () => {
    const config = databaseConfig(databaseUrl, { poolSize: 2 });
    const registry = governments.migrations.findIndex((m) => m.name.startsWith("SourceRegistry"));
    const earlier = { ...governments, migrations: governments.migrations.slice(0, registry) };
    const rows = [
      ["old-one", [copy("agreed", "Agreed"), copy("forked", "One copy")]],
      ["old-two", [copy("agreed", "Agreed"), copy("forked", "Another copy")]],
    ] as const;
    await withSubgraphDatabase(earlier, config, { migrate: true }, async (db) => {
      for (const [id, sources] of rows) {
        await db.query(
          `INSERT INTO governments.government (id, name, kind, sources)
             VALUES ($1, $1, 'STATE', $2::jsonb)`,
          [id, JSON.stringify(sources)],
        );
      }
    });
    await withSubgraphDatabase(governments, config, { migrate: true }, async (db) => {
      const registered = await db.query(
        `SELECT key, definition, revision FROM governments.source ORDER BY key`,
      );
      expect(registered).toEqual([
        { key: "agreed", definition: { title: "Agreed", language: "en" }, revision: 1 },
      ]);
      // The key left out is remembered as forked: only such keys are read from the copies.
      const forks = await db.query(`SELECT key FROM governments.source_fork ORDER BY key`);
      expect(forks).toEqual([{ key: "forked" }]);
      const stored = await storedSources(db.manager, ["agreed", "forked"]);
      expect(stored.get("agreed")).toEqual([{ title: "Agreed", language: "en" }]);
      expect(stored.get("forked")).toHaveLength(2);
    });
  });
});
