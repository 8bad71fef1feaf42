import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { type TestFederation, startTestFederation } from "../../helpers/federation";
import { twoSizesBundle } from "../../helpers/synthetic";
import {
  ACTOR_STORY,
  GOVERNMENT_STORY,
  INCIDENT_STORY,
  SEARCH_STORY,
} from "../../../harness/queries/cross-source";

const LARGE = 30;

// Every list field and entity reference is batched per request: a cross-source query costs the
// same number of SQL statements whether it returns 1 row per list or 30.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
beforeAll(async () => {
  databaseUrl = await createDatabase(serverUrl, "counts");
  await prepareDatabase(databaseUrl, [twoSizesBundle(LARGE)]);
  federation = await startTestFederation(databaseUrl);
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

const cases = [
  {
    name: "incident story",
    query: INCIDENT_STORY,
    vars: (size: string) => ({ id: `incident-${size}` }),
    rows: (r: any) => r.incident.attributions.nodes.length,
  },
  {
    name: "government story",
    query: GOVERNMENT_STORY,
    vars: (size: string) => ({ id: `state-${size}` }),
    rows: (r: any) => r.government.attributionsReceived.nodes.length,
  },
  {
    name: "actor story",
    query: ACTOR_STORY,
    vars: (size: string) => ({ id: size === "small" ? "actor-small-0" : "actor-large-0" }),
    rows: (r: any) => r.threatActor.legalActions.nodes.length,
  },
  {
    name: "search story",
    query: SEARCH_STORY,
    vars: (size: string) => ({ text: `${size}word`, first: LARGE }),
    rows: (r: any) => r.statements.nodes.length,
  },
  {
    // What an alias search costs at catalogue scale (MISP's ~1,000 actors): each alias's
    // sources and the sponsor come in batches, whatever the number of actors found.
    name: "alias search with who named it",
    query: /* GraphQL */ `
      query AliasSearch($text: String!) {
        threatActors(first: 50, filter: { text: $text, aliasNamedBy: ["vendor"] }) {
          totalCount
          nodes {
            id
            aliases {
              name
              namedBy
              ambiguous
              sources {
                url
              }
            }
            externalIds {
              system
              id
            }
            sponsorState {
              name
            }
            targetedCountries(first: 5) {
              nodes {
                name
              }
            }
          }
        }
      }
    `,
    vars: (size: string) => ({ text: `Alias ${size}` }),
    rows: (r: any) => r.threatActors.nodes.length,
  },
  {
    // What a sync client's page of changes costs in each subgraph: one statement per list (and
    // one per nested list), whatever the page size; system time is read with the rows.
    name: "changes since a time (updatedSince, UPDATED_AT)",
    query: /* GraphQL */ `
      query Changes($first: Int!, $since: DateTime!) {
        statements(
          first: $first
          filter: { updatedSince: $since }
          orderBy: { field: UPDATED_AT, direction: ASC }
        ) {
          nodes {
            id
            recordTime {
              updatedAt
              revision
            }
            attributions {
              nodes {
                id
                recordTime {
                  updatedAt
                }
              }
            }
          }
          pageInfo {
            endCursor
          }
        }
        threatActors(
          first: $first
          filter: { updatedSince: $since }
          orderBy: { field: UPDATED_AT }
        ) {
          nodes {
            id
            recordTime {
              updatedAt
            }
          }
        }
        legalActions(
          first: $first
          filter: { updatedSince: $since }
          orderBy: { field: UPDATED_AT }
        ) {
          nodes {
            id
            recordTime {
              updatedAt
            }
          }
        }
        deletedStatements(since: $since, first: $first) {
          nodes {
            globalId
            deletedAt
          }
        }
      }
    `,
    vars: (size: string) => ({
      first: size === "small" ? 1 : LARGE,
      since: "2020-01-01T00:00:00Z",
    }),
    rows: (r: any) => r.statements.nodes.length,
  },
  {
    // Everything against a person: each role's action, charges and measures, and the actions
    // with their other defendants' persons, in batches whatever the number of roles.
    name: "person story",
    query: /* GraphQL */ `
      query PersonStory($name: String!) {
        persons(first: 5, filter: { name: $name }) {
          nodes {
            id
            names {
              name
              usedBy
              sources {
                url
              }
            }
            nationality {
              name
            }
            affiliations {
              actor {
                name
              }
              agency {
                id
              }
            }
            roles(first: ${LARGE}) {
              totalCount
              nodes {
                name
                role
                charges {
                  description
                }
                measures
                legalAction {
                  title
                  jurisdiction {
                    name
                  }
                }
              }
            }
            legalActions(first: ${LARGE}) {
              nodes {
                id
                defendants {
                  person {
                    id
                  }
                }
              }
            }
          }
        }
      }
    `,
    vars: (size: string) => ({ name: `Persona ${size}` }),
    rows: (r: any) => r.persons.nodes[0].roles.nodes.length,
  },
];

// A page other than the first costs what the first does: the cursor is a keyset condition.
describe("services > SQL statements per query > nested pages", () => {
  it(`nested connections: the second page of each of ${LARGE} parents costs what the first does`, async () => {
    const page = /* GraphQL */ `
      query Pages($after: String) {
        incidents(first: 100) {
          nodes {
            id
            suspectedActors(first: 2, after: $after) {
              totalCount
              nodes {
                id
                incidents(first: 1) {
                  nodes {
                    id
                  }
                }
              }
              pageInfo {
                endCursor
              }
            }
          }
        }
      }
    `;
    const first = await federation.query<any>(page);
    expect(first.errors).toBeUndefined();
    const large = first.data.incidents.nodes.find((i: any) => i.id === "incident-large");
    expect(large.suspectedActors.totalCount).toBe(LARGE);
    const after = large.suspectedActors.pageInfo.endCursor;
    const second = await federation.query<any>(page, { after });
    const next = second.data.incidents.nodes.find((i: any) => i.id === "incident-large");
    expect(next.suspectedActors.nodes).toHaveLength(2);
    // Counted with the page, over all pages whatever the cursor.
    expect(next.suspectedActors.totalCount).toBe(LARGE);
    expect(next.suspectedActors.nodes[0].id).not.toBe(large.suspectedActors.nodes[0].id);
    expect(await federation.countStatements(page, { after })).toBe(
      await federation.countStatements(page),
    );
  });

  it("a nested connection asked for its totalCount alone reads no rows, only every parent's count", async () => {
    const counts = (fields: string) => /* GraphQL */ `
      { incidents(first: 100) { nodes { id suspectedActors(first: 2) { ${fields} } } } }
    `;
    const withPage = await federation.query<any>(counts("totalCount nodes { id }"));
    const recorded: { query: string }[] = [];
    for (const subgraph of federation.subgraphs) subgraph.statements.recording = recorded;
    const alone = await federation.query<any>(counts("totalCount __typename"));
    for (const subgraph of federation.subgraphs) subgraph.statements.recording = undefined;
    expect(alone.errors).toBeUndefined();
    const totals = (answer: any) =>
      answer.data.incidents.nodes.map((i: any) => [i.id, i.suspectedActors.totalCount]);
    expect(totals(alone)).toEqual(totals(withPage));
    expect(totals(alone)).toContainEqual(["incident-large", LARGE]);
    // The incidents' page, then one statement for every incident's count, without a page of rows.
    const nested = recorded.map((r) => r.query).filter((sql) => sql.includes("unnest("));
    expect(nested).toHaveLength(1);
    expect(nested[0]).toContain('AS "_total"');
    expect(nested[0]).not.toContain(", t.*"); // the page's rows
    expect(recorded).toHaveLength(2);
  });
});

// Each cross-source query and an alias search cost the same SQL for 1 row per list or 30.
describe("services > SQL statements per query > 1 row or 30", () => {
  for (const { name, query, vars, rows } of cases) {
    it(`${name}: same statement count for 1 and ${LARGE} rows`, async () => {
      const small = await federation.query(query, vars("small"));
      const large = await federation.query(query, vars("large"));
      expect(small.errors).toBeUndefined();
      expect(large.errors).toBeUndefined();
      expect(rows(small.data)).toBe(1);
      expect(rows(large.data)).toBe(LARGE);
      const smallCount = await federation.countStatements(query, vars("small"));
      const largeCount = await federation.countStatements(query, vars("large"));
      expect(smallCount).toBeGreaterThan(0);
      expect(largeCount).toBe(smallCount);
    });
  }
});

// A sync client's page of changes (or of deletions) is one SQL statement, at any depth of paging.
describe("services > SQL statements per query > a page of changes", () => {
  const changes = /* GraphQL */ `
    query Changes($after: String) {
      statements(
        first: 10
        after: $after
        filter: { updatedSince: "2020-01-01T00:00:00Z" }
        orderBy: { field: UPDATED_AT, direction: ASC }
      ) {
        nodes {
          id
          recordTime {
            createdAt
            updatedAt
            revision
          }
        }
        pageInfo {
          endCursor
        }
      }
    }
  `;
  const deletions = /* GraphQL */ `
    query Deletions {
      deletedStatements(since: "2020-01-01T00:00:00Z", first: 10) {
        nodes {
          globalId
          deletedAt
        }
      }
    }
  `;

  it("one statement for the first page, one for the next, one for a page of tombstones", async () => {
    const first = await federation.query<any>(changes);
    expect(first.errors).toBeUndefined();
    expect(first.data.statements.nodes).toHaveLength(10);
    const after = first.data.statements.pageInfo.endCursor;
    expect(await federation.countStatements(changes)).toBe(1);
    expect(await federation.countStatements(changes, { after })).toBe(1);
    expect(await federation.countStatements(deletions)).toBe(1);
  });
});
