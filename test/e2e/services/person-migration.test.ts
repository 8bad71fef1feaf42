import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  createDatabase,
  databaseConfig,
  dropDatabase,
  prepareDatabase,
} from "../../../harness/database";
import { withSubgraphDatabase } from "../../../services/kit/subgraph";
import { legalActions } from "../../../services/legal-actions/schema";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const SOURCE = [{ id: "old-source", url: "https://example.org/case", title: "A case" }];
const ACTIONS = [
  ["us-v-perez-2019", "2019-05-01"],
  ["us-v-perez-2021", "2021-05-01"],
];
// legal_action_id, position, name, kind, nationality, actor, employer
const DEFENDANTS = [
  ["us-v-perez-2021", 0, "José Pérez", "PERSON", "es", null, null],
  ["us-v-perez-2021", 1, "Wang Wei", null, "cn", null, ""],
  ["us-v-perez-2019", 0, "José Pérez", "PERSON", "es", "apt99", "Unit 1"],
  ["us-v-perez-2019", 1, "Unit 9", "ORGANIZATION", "es", null, null],
];

// A database written before persons existed: its migration gives every defendant that is not an
// organisation a person of its own (two rows with one name are never merged), linked.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
beforeAll(async () => {
  databaseUrl = await createDatabase(serverUrl, "person_migration");
  const config = databaseConfig(databaseUrl, { poolSize: 2 });
  const before = { ...legalActions, migrations: legalActions.migrations.slice(0, 2) };
  await withSubgraphDatabase(before, config, { migrate: true }, async (db) => {
    for (const [id, announced] of ACTIONS) {
      await db.query(
        `INSERT INTO legal.legal_action (id, kind, title, jurisdiction_id, announced_on,
           announced_precision, status, sources)
         VALUES ($1, 'INDICTMENT', $1, 'us', $2, 'DAY', 'PENDING', $3)`,
        [id, announced, JSON.stringify(SOURCE)],
      );
    }
    for (const row of DEFENDANTS) {
      await db.query(
        `INSERT INTO legal.defendant (legal_action_id, position, name, kind, nationality_id,
           affiliated_actor_id, employer, status) VALUES ($1, $2, $3, $4, $5, $6, $7, 'AT_LARGE')`,
        row,
      );
    }
  });
  await prepareDatabase(databaseUrl);
  federation = await startTestFederation(databaseUrl);
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

describe("services > persons > migration of existing defendants", () => {
  it("creates a person for each defendant but organisations, numbered by the actions' dates, and links them", async () => {
    const { data, errors } = await federation.query<any>(/* GraphQL */ `
      {
        persons(first: 10, orderBy: { field: ID }) {
          nodes {
            id
            name
            names {
              name
              kind
            }
            nationality {
              id
            }
            affiliations {
              actor {
                id
              }
              employer
            }
            sources {
              id
              url
            }
            legalActions {
              nodes {
                id
              }
            }
          }
        }
        a: legalAction(id: "us-v-perez-2019") {
          defendants {
            name
            person {
              id
            }
          }
        }
      }
    `);
    expect(errors).toBeUndefined();
    const persons = data.persons.nodes;
    expect(persons.map((p: any) => [p.id, p.legalActions.nodes.map((l: any) => l.id)])).toEqual([
      ["jose-perez", ["us-v-perez-2019"]],
      ["jose-perez-2", ["us-v-perez-2021"]],
      ["wang-wei", ["us-v-perez-2021"]],
    ]);
    expect(persons[0]).toMatchObject({
      name: "José Pérez",
      names: [{ name: "José Pérez", kind: "PRIMARY" }],
      nationality: { id: "es" },
      affiliations: [{ actor: { id: "apt99" }, employer: "Unit 1" }],
      sources: [{ id: "old-source", url: "https://example.org/case" }],
    });
    expect(persons[1].affiliations).toEqual([]);
    expect(persons[2].affiliations).toEqual([]);
    expect(data.a.defendants).toEqual([
      { name: "José Pérez", person: { id: "jose-perez" } },
      { name: "Unit 9", person: null },
    ]);
  });
});
