import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { datasetDatabase, dropDatabase } from "../../../harness/database";
import { type TestFederation, startTestFederation } from "../../helpers/federation";
import { type Page, pageAll, recordTimeOf } from "../../helpers/sync";

const TIME = "recordTime { createdAt updatedAt revision }";

const UPSERT_STATEMENT = /* GraphQL */ `
  mutation Upsert($input: StatementInput!, $sources: [SourceInput!]) {
    upsertStatement(input: $input, sources: $sources) {
      action
      statement { id ${TIME} attributions { nodes { id ${TIME} } } }
    }
  }
`;
const UPSERT_GOVERNMENT = /* GraphQL */ `
  mutation Upsert($input: GovernmentInput!, $sources: [SourceInput!]) {
    upsertGovernment(input: $input, sources: $sources) {
      action
      government { id ${TIME} }
    }
  }
`;
const DELETED = /* GraphQL */ `
  query Deleted($since: DateTime) {
    deletedStatements(since: $since, first: 100) {
      nodes {
        type
        id
        globalId
        deletedAt
      }
      totalCount
    }
    deletedAttributions(since: $since, first: 100) {
      nodes {
        type
        id
        globalId
        deletedAt
      }
    }
  }
`;

const SOURCES = [{ key: "s", url: "https://example.org/s", title: "S", language: "en" }];

function statement(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    kind: "PRESS_STATEMENT",
    issuedAt: "2024-05",
    issuer: "us",
    language: "en",
    title: "System time",
    quotes: [
      { text: "First words", language: "en" },
      { text: "Second words", language: "en" },
    ],
    attributions: ["a", "b"].map((suffix) => ({
      id: `${id}-${suffix}`,
      incident: "microsoft-exchange-2021",
      state: "cn",
      kind: "FORMAL",
      confidenceLevel: "HIGH",
    })),
    sources: ["s"],
    ...overrides,
  };
}

const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
let editor: string;
beforeAll(async () => {
  databaseUrl = await datasetDatabase(serverUrl, "record_time");
  federation = await startTestFederation(databaseUrl);
  editor = await federation.token("editor");
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

async function write(mutation: string, input: object) {
  const result = await federation.query<any>(
    mutation,
    { input, sources: SOURCES },
    { token: editor },
  );
  expect(result.errors).toBeUndefined();
  return result.data;
}
const upsertStatement = async (input: object) =>
  (await write(UPSERT_STATEMENT, input)).upsertStatement;
const upsertGovernment = async (input: object) =>
  (await write(UPSERT_GOVERNMENT, input)).upsertGovernment;

async function deleted(since: string | null) {
  const result = await federation.query<any>(DELETED, { since });
  expect(result.errors).toBeUndefined();
  return result.data;
}

// The shipped dataset, loaded as on a first start, has system time on every kind of record.
describe("services > record time > the shipped dataset", () => {
  it("every kind of record has recordTime: revision 1, created when last changed", async () => {
    const kinds = ["governments", "agencies", "officials", "statements", "attributions"]
      .concat(["threatActors", "incidents", "legalActions"])
      .map((list) => `${list}(first: 5) { nodes { ${TIME} } }`);
    const result = await federation.query<any>(`{ ${kinds.join("\n")} }`);
    expect(result.errors).toBeUndefined();
    for (const [list, page] of Object.entries<any>(result.data)) {
      expect(page.nodes.length, list).toBeGreaterThan(0);
      for (const { recordTime } of page.nodes) {
        expect(recordTime.revision, list).toBe(1);
        expect(recordTime.updatedAt, list).toBe(recordTime.createdAt);
        expect(Date.parse(recordTime.createdAt), list).toBeGreaterThan(Date.parse("2026-01-01"));
      }
    }
  });

  it("pages through every statement by UPDATED_AT with cursors: each once, in (updatedAt, id) order", async () => {
    const { nodes, totalCount } = await pageAll(federation, ["statements", "Statement"], {
      first: 37,
    });
    expect(nodes.length).toBe(totalCount);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(totalCount);
    const keys = nodes.map((node) => [node.recordTime.updatedAt, node.id].join(" "));
    expect(keys).toEqual([...keys].sort());
  });
});

// A write stamps the record: created (revision 1), unchanged (nothing moves), changed (one more
// revision, a later updatedAt), also when only a child changed; an attribution keeps its own.
describe("services > record time > writes", () => {
  it("create, unchanged re-send, change of a quote, change of an attribution", async () => {
    const created = await upsertStatement(statement("rt-one"));
    expect(created.action).toBe("CREATED");
    const first = created.statement.recordTime;
    expect(first.revision).toBe(1);
    expect(first.updatedAt).toBe(first.createdAt);
    const [a, b] = created.statement.attributions.nodes.map(recordTimeOf);
    expect([a.revision, b.revision]).toEqual([1, 1]);

    const again = await upsertStatement(statement("rt-one"));
    expect(again.action).toBe("UNCHANGED");
    expect(again.statement.recordTime).toEqual(first);
    expect(again.statement.attributions.nodes.map(recordTimeOf)).toEqual([a, b]);

    const quotes = [
      { text: "First words", language: "en" },
      { text: "Second words, corrected", language: "en" },
    ];
    const quoteChanged = await upsertStatement(statement("rt-one", { quotes }));
    expect(quoteChanged.action).toBe("UPDATED");
    const second = quoteChanged.statement.recordTime;
    expect(second.revision).toBe(2);
    expect(second.createdAt).toBe(first.createdAt);
    expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
    // The attributions did not change: their rows were rewritten, their times kept.
    expect(quoteChanged.statement.attributions.nodes.map(recordTimeOf)).toEqual([a, b]);
    // The audit log dates each write by the record's system time.
    const history = await federation.query<any>(
      `{ statement(id: "rt-one") { history { nodes { action at } } } }`,
      {},
      { token: editor },
    );
    expect(history.data.statement.history.nodes).toEqual([
      { action: "CREATED", at: first.createdAt },
      { action: "UPDATED", at: second.updatedAt },
    ]);

    const input = statement("rt-one", { quotes });
    input.attributions[1].confidenceLevel = "MODERATE";
    const attributionChanged = await upsertStatement(input);
    const third = attributionChanged.statement.recordTime;
    expect(third.revision).toBe(3);
    const [a2, b2] = attributionChanged.statement.attributions.nodes.map(recordTimeOf);
    expect(a2).toEqual(a);
    expect(b2.revision).toBe(2);
    expect(b2.createdAt).toBe(b.createdAt);
    expect(Date.parse(b2.updatedAt)).toBeGreaterThan(Date.parse(b.updatedAt));
    expect(b2.updatedAt).toBe(third.updatedAt);
  });
});

// The other subgraphs keep system time the same way: a changed timeline event or charge is a
// change of its incident or legal action; their deletes are listed by deletedIncidents and
// deletedLegalActions.
describe("services > record time > incidents and legal actions", () => {
  const incident = (description: string) => ({
    id: "rt-incident",
    name: "System time incident",
    kind: "ESPIONAGE",
    timeline: [{ date: "2024-01", description, sources: ["s"] }],
    sources: ["s"],
  });
  const legalAction = (counts: number) => ({
    id: "rt-legal-action",
    kind: "INDICTMENT",
    title: "United States v. System Time",
    jurisdiction: "us",
    status: "PENDING",
    charges: [{ description: "Conspiracy", counts }],
    sources: ["s"],
  });
  const upserts = {
    Incident: `mutation Upsert($input: IncidentInput!, $sources: [SourceInput!]) {
      upsertIncident(input: $input, sources: $sources) { record: incident { ${TIME} } } }`,
    LegalAction: `mutation Upsert($input: LegalActionInput!, $sources: [SourceInput!]) {
      upsertLegalAction(input: $input, sources: $sources) { record: legalAction { ${TIME} } } }`,
  };

  it.each([
    ["Incident", "Incidents", incident("Seen."), incident("Seen again.")],
    ["LegalAction", "LegalActions", legalAction(1), legalAction(2)],
  ] as const)(
    "%s: a changed child is a new revision; a delete a tombstone",
    async (type, plural, v1, v2) => {
      const first = Object.values<any>(await write(upserts[type], v1))[0].record.recordTime;
      expect(first.revision).toBe(1);
      const second = Object.values<any>(await write(upserts[type], v2))[0].record.recordTime;
      expect(second.revision).toBe(2);
      expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));

      const removal = await federation.query<any>(
        `mutation { delete${type}(id: "${v1.id}") { action } }`,
        {},
        { token: editor },
      );
      expect(removal.errors).toBeUndefined();
      const listed = await federation.query<any>(
        `query ($since: DateTime) { deleted${plural}(since: $since) { nodes { type id globalId } } }`,
        { since: second.updatedAt },
      );
      expect(listed.data[`deleted${plural}`].nodes).toEqual([
        { type, id: v1.id, globalId: `${type}:${v1.id}` },
      ]);
    },
  );
});

// Deletes leave tombstones, listed since a time: a statement rewritten without an attribution,
// a deleted statement (with its attributions); a record created again leaves the list.
describe("services > record time > tombstones", () => {
  it("a statement rewritten without one of its attributions leaves an Attribution tombstone", async () => {
    const created = await upsertStatement(statement("rt-two"));
    const since = created.statement.recordTime.updatedAt;
    const input = statement("rt-two");
    input.attributions = input.attributions.slice(0, 1);
    const rewritten = await upsertStatement(input);
    expect(rewritten.statement.attributions.nodes.map((n: any) => n.id)).toEqual(["rt-two-a"]);

    const { deletedAttributions, deletedStatements } = await deleted(since);
    expect(deletedStatements.nodes).toEqual([]);
    expect(deletedAttributions.nodes).toEqual([
      {
        type: "Attribution",
        id: "rt-two-b",
        globalId: "Attribution:rt-two-b",
        deletedAt: rewritten.statement.recordTime.updatedAt,
      },
    ]);
    const later = new Date(Date.parse(deletedAttributions.nodes[0].deletedAt) + 1).toISOString();
    expect((await deleted(later)).deletedAttributions.nodes).toEqual([]);

    // Given back, it is a new attribution: no tombstone, revision 1.
    const restored = await upsertStatement(statement("rt-two"));
    expect(restored.statement.attributions.nodes.map(recordTimeOf)[1].revision).toBe(1);
    expect((await deleted(since)).deletedAttributions.nodes).toEqual([]);
  });

  it("a deleted statement is listed by deletedStatements since a time, with its attributions", async () => {
    const created = await upsertStatement(statement("rt-three"));
    const since = created.statement.recordTime.updatedAt;
    const removal = await federation.query<any>(
      `mutation { deleteStatement(id: "rt-three") { action } }`,
      {},
      { token: editor },
    );
    expect(removal.data.deleteStatement.action).toBe("DELETED");

    const { deletedStatements, deletedAttributions } = await deleted(since);
    expect(deletedStatements.totalCount).toBe(1);
    expect(deletedStatements.nodes).toMatchObject([
      { type: "Statement", id: "rt-three", globalId: "Statement:rt-three" },
    ]);
    const deletedAt = Date.parse(deletedStatements.nodes[0].deletedAt);
    expect(deletedAt).toBeGreaterThanOrEqual(Date.parse(since));
    expect(deletedAttributions.nodes.map((n: any) => n.id)).toEqual(["rt-three-a", "rt-three-b"]);
    const after = new Date(deletedAt + 1).toISOString();
    expect((await deleted(after)).deletedStatements.nodes).toEqual([]);

    const all = await deleted(null);
    expect(all.deletedStatements.nodes.map((n: any) => n.id)).toContain("rt-three");
    expect(all.deletedStatements.totalCount).toBe(all.deletedStatements.nodes.length);
    await upsertStatement(statement("rt-three"));
    const recreated = await deleted(null);
    expect(recreated.deletedStatements.nodes.map((n: any) => n.id)).not.toContain("rt-three");
  });
});

// A sync client pages through what changed since its last run, oldest change first, and gets
// every created or changed record once, whatever the page size.
describe("services > record time > incremental sync", () => {
  it("updatedSince with UPDATED_AT ASC returns every changed record once across pages", async () => {
    const ids = ["rt-gov-a", "rt-gov-b", "rt-gov-c", "rt-gov-d", "rt-gov-e"];
    const government = (id: string, name = id) => ({ id, name, kind: "STATE", sources: ["s"] });
    const first = await upsertGovernment(government(ids[0]));
    const since = first.government.recordTime.updatedAt;
    for (const id of ids.slice(1)) await upsertGovernment(government(id));
    const renamed = await upsertGovernment(government(ids[1], "Renamed"));
    expect(renamed.government.recordTime.revision).toBe(2);

    const pages: Page[] = [];
    const { nodes } = await pageAll(federation, ["governments", "Government"], {
      first: 2,
      filter: { updatedSince: since },
      onPage: (page) => pages.push(page),
    });
    expect(nodes.map((node) => node.id)).toEqual([ids[0], ids[2], ids[3], ids[4], ids[1]]);
    expect(pages.map((page) => page.nodes.length)).toEqual([2, 2, 1]);

    // The next run asks from the last updatedAt it saw: only what changed since.
    const last = nodes.at(-1)!.recordTime.updatedAt;
    const next = await pageAll(federation, ["governments", "Government"], {
      first: 2,
      filter: { updatedSince: last },
    });
    expect(next.nodes.map((node) => node.id)).toEqual([ids[1]]);
    const descending = await federation.query<any>(
      /* GraphQL */ `
        query ($since: DateTime) {
          governments(
            first: 2
            filter: { updatedSince: $since }
            orderBy: { field: UPDATED_AT, direction: DESC }
          ) {
            nodes {
              id
            }
          }
        }
      `,
      { since },
    );
    expect(descending.data.governments.nodes.map((n: any) => n.id)).toEqual([ids[1], ids[4]]);
  });
});
