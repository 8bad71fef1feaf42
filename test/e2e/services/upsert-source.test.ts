import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { ONE_STATE_BUNDLE } from "../../helpers/one-state";
import { type TestFederation, postToSubgraph, startTestFederation } from "../../helpers/federation";

const UPSERT_SOURCE = /* GraphQL */ `
  mutation Source($input: SourceInput!, $update: Boolean) {
    upsertSource(input: $input, updateSources: $update) {
      action
      changed
      source {
        id
        title
        url
      }
      problems {
        path
        code
        message
      }
    }
  }
`;

const RECORDS = {
  Statement: {
    input: "StatementInput",
    record: (key: string) => ({
      id: "us-source-statement",
      kind: "PRESS_STATEMENT",
      issuedAt: "2024-05",
      issuer: "us",
      language: "en",
      title: "A statement citing a shared source",
      sources: [key],
    }),
  },
  Incident: {
    input: "IncidentInput",
    record: (key: string) => ({
      id: "source-incident",
      name: "An incident citing a shared source",
      kind: "ESPIONAGE",
      sources: [key],
    }),
  },
  LegalAction: {
    input: "LegalActionInput",
    record: (key: string) => ({
      id: "us-v-source-2024",
      kind: "INDICTMENT",
      title: "United States v. Source",
      jurisdiction: "us",
      status: "PENDING",
      sources: [key],
    }),
  },
} as const;
type Kind = keyof typeof RECORDS;
const KINDS = Object.keys(RECORDS) as Kind[];
const field = (kind: Kind) => kind[0].toLowerCase() + kind.slice(1);

const REPORT = {
  key: "joint-advisory-2024",
  url: "https://example.org/advisory",
  title: "Joint advisory",
  publisher: "Five agencies",
  language: "en",
};

// A source is one record graph-wide: upsertSource writes it to every subgraph through the
// gateway, records of any subgraph cite it by key alone, another definition is refused
// everywhere (or, asked for, changed for every citing record everywhere), and a refused write
// writes nothing anywhere.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
let editor: string;
let reader: string;
beforeAll(async () => {
  databaseUrl = await createDatabase(serverUrl, "upsert_source");
  await prepareDatabase(databaseUrl, [ONE_STATE_BUNDLE]);
  federation = await startTestFederation(databaseUrl);
  editor = await federation.token("editor");
  reader = await federation.token("reader");
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

async function upsertSource(input: object, update?: boolean) {
  const answer = await federation.query<any>(UPSERT_SOURCE, { input, update }, { token: editor });
  expect(answer.errors).toBeUndefined();
  return answer.data.upsertSource;
}

/** Writes a record of `kind` citing `key`, with `sources` sent inline. */
async function cite(kind: Kind, key: string, sources?: object[]) {
  const { input, record } = RECORDS[kind];
  const answer = await federation.query<any>(
    `mutation ($input: ${input}!, $sources: [SourceInput!]) {
       upsert${kind}(input: $input, sources: $sources) { action problems { path code message } }
     }`,
    { input: record(key), sources },
    { token: editor },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data[`upsert${kind}`];
}

const OWNERS: Record<Kind, string> = {
  Statement: "governments",
  Incident: "incidents",
  LegalAction: "legal-actions",
};

/** As `cite`, straight to the record's subgraph (signed as the gateway would): no graph-wide check. */
async function citeDirectly(kind: Kind, key: string, sources: object[]) {
  const { input, record } = RECORDS[kind];
  const subgraph = federation.subgraphs.find((s) => s.name === OWNERS[kind])!;
  const answer = await postToSubgraph<any>(
    subgraph,
    {
      query: `mutation ($input: ${input}!, $sources: [SourceInput!]) {
        upsert${kind}(input: $input, sources: $sources) { action problems { path code message } }
      }`,
      variables: { input: record(key), sources },
    },
    { keyId: "test-editor", role: "editor" },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data![`upsert${kind}`];
}

/** Forgets `key` in every subgraph: its registry rows and the records citing it (a fresh start). */
async function dropSource(key: string) {
  for (const { dataSource } of federation.subgraphs) {
    const schema = (dataSource.options as { schema: string }).schema;
    await dataSource.query(`DELETE FROM "${schema}".source WHERE key = $1`, [key]);
  }
  for (const kind of ["Statement", "Incident"] as const) {
    const id = RECORDS[kind].record(key).id;
    const deleted = await federation.query<any>(
      `mutation { delete${kind}(id: "${id}") { action } }`,
      {},
      { token: editor },
    );
    expect(deleted.errors).toBeUndefined();
  }
}

/** Each record's sources as read back, by kind. */
async function citedSources() {
  const ids = Object.fromEntries(KINDS.map((kind) => [kind, RECORDS[kind].record("").id]));
  const read = await federation.query<any>(/* GraphQL */ `{
    statement(id: "${ids.Statement}") { sources { id url title publisher language } }
    incident(id: "${ids.Incident}") { sources { id url title publisher language } }
    legalAction(id: "${ids.LegalAction}") { sources { id url title publisher language } }
  }`);
  expect(read.errors).toBeUndefined();
  return Object.fromEntries(KINDS.map((kind) => [kind, read.data[field(kind)].sources]));
}

const asRead = ({ key, ...rest }: typeof REPORT) => ({ id: key, ...rest });

describe("services > sources > upsertSource", () => {
  it("creates a source in every subgraph; re-sent, it is UNCHANGED", async () => {
    const created = await upsertSource(REPORT);
    expect(created).toEqual({
      action: "CREATED",
      changed: true,
      source: { id: REPORT.key, title: REPORT.title, url: REPORT.url },
      problems: [],
    });
    const again = await upsertSource(REPORT);
    expect(again).toMatchObject({ action: "UNCHANGED", changed: false, problems: [] });
    const read = await federation.query<any>(
      `{ source(id: "${REPORT.key}") { id title publisher } }`,
    );
    expect(read.data.source).toEqual({
      id: REPORT.key,
      title: REPORT.title,
      publisher: "Five agencies",
    });
  });

  it("is cited by key alone by a statement, an incident and a legal action", async () => {
    for (const kind of KINDS) {
      expect(await cite(kind, REPORT.key)).toEqual({ action: "CREATED", problems: [] });
    }
    const sources = await citedSources();
    for (const kind of KINDS) expect(sources[kind]).toEqual([asRead(REPORT)]);
  });

  it("refuses another definition, naming the fields, and changes nothing anywhere", async () => {
    const other = { ...REPORT, title: "Joint advisory (corrected)", url: "https://example.org/b" };
    const refused = await upsertSource(other);
    expect(refused).toEqual({
      action: null,
      changed: false,
      source: null,
      problems: [
        {
          path: ["input"],
          code: "SOURCE_CONFLICT",
          message:
            '"joint-advisory-2024" is stored with another definition (url, title differ): send it as stored, or with `updateSources: true` to change it for every record citing it',
        },
      ],
    });
    const sources = await citedSources();
    for (const kind of KINDS) expect(sources[kind]).toEqual([asRead(REPORT)]);
  });

  it("with updateSources, every citing record in every subgraph answers the new one", async () => {
    const other = { ...REPORT, title: "Joint advisory (corrected)" };
    const updated = await upsertSource(other, true);
    expect(updated).toMatchObject({ action: "UPDATED", changed: true, problems: [] });
    const sources = await citedSources();
    for (const kind of KINDS) expect(sources[kind]).toEqual([asRead(other)]);
    const read = await federation.query<any>(`{ source(id: "${REPORT.key}") { title } }`);
    expect(read.data.source).toEqual({ title: other.title });
  });

  it("keeps who created and changed it in every subgraph's audit log, and its system time", async () => {
    for (const { dataSource, name } of federation.subgraphs) {
      const schema = (dataSource.options as { schema: string }).schema;
      const audit = await dataSource.query(
        `SELECT action, key_id IS NOT NULL AS keyed, before->'record'->>'title' AS before,
                after->'record'->>'title' AS after
           FROM "${schema}".audit_log WHERE entity_type = 'Source' AND entity_id = $1 ORDER BY id`,
        [REPORT.key],
      );
      expect(audit, name).toEqual([
        { action: "CREATED", keyed: true, before: null, after: "Joint advisory" },
        {
          action: "UPDATED",
          keyed: true,
          before: "Joint advisory",
          after: "Joint advisory (corrected)",
        },
      ]);
      const [row] = await dataSource.query(
        `SELECT revision, updated_at > created_at AS later FROM "${schema}".source WHERE key = $1`,
        [REPORT.key],
      );
      expect(row, name).toEqual({ revision: 2, later: true });
    }
  });
});

describe("services > sources > upsertSource > forked before", () => {
  const FORKED = { key: "forked-report", title: "Forked report", language: "en" };

  it("reports a key defined differently in two subgraphs, and makes it one when asked", async () => {
    const forked = { ...FORKED, title: "Forked report, other copy" };
    // Through the gateway, the second definition is refused: it checks every subgraph.
    expect(await cite("Statement", FORKED.key, [FORKED])).toMatchObject({ problems: [] });
    const refusedInline = await cite("Incident", FORKED.key, [forked]);
    expect(refusedInline.problems.map((p: any) => [p.path, p.code])).toEqual(
      ["incidents", "governments", "legal-actions"].map(() => [
        ["sources", "0"],
        "SOURCE_CONFLICT",
      ]),
    );
    // Each written inline in its own subgraph, as before the gateway compared them.
    await dropSource(FORKED.key);
    expect(await citeDirectly("Statement", FORKED.key, [FORKED])).toMatchObject({ problems: [] });
    expect(await citeDirectly("Incident", FORKED.key, [forked])).toMatchObject({ problems: [] });

    const refused = await upsertSource(FORKED);
    expect(refused.action).toBeNull();
    expect(refused.problems).toEqual([
      {
        path: ["input"],
        code: "SOURCE_CONFLICT",
        message:
          '"forked-report" is stored with another definition (title differ): send it as stored, or with `updateSources: true` to change it for every record citing it',
      },
    ]);
    const made = await upsertSource(FORKED, true);
    expect(made).toMatchObject({ action: "UPDATED", changed: true, problems: [] });
    const sources = await citedSources();
    expect(sources.Statement).toEqual(sources.Incident);
    expect(sources.Incident).toEqual([
      { id: FORKED.key, url: null, title: FORKED.title, publisher: null, language: "en" },
    ]);
  });
});

describe("services > sources > upsertSource > refused", () => {
  it("answers every field's problem and writes nothing", async () => {
    const bad = { key: "bad-source", url: "not a url", title: "t".repeat(501) };
    const refused = await upsertSource(bad);
    expect(refused).toMatchObject({ action: null, changed: false, source: null });
    expect(refused.problems.map((p: any) => [p.path, p.code])).toEqual([
      [["input", "url"], "INVALID"],
      [["input", "title"], "INVALID"],
    ]);
    const read = await federation.query<any>(`{ source(id: "bad-source") { id } }`);
    expect(read.data.source).toBeNull();
    const cited = await cite("Incident", "bad-source");
    expect(cited.problems.map((p: any) => p.code)).toEqual(["UNKNOWN_SOURCE"]);
  });

  it("needs an editor key", async () => {
    const anonymous = await federation.query<any>(UPSERT_SOURCE, { input: REPORT });
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const asReader = await federation.query<any>(
      UPSERT_SOURCE,
      { input: REPORT },
      { token: reader },
    );
    expect(asReader.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

// The planner may send upsertSource in one request with another write of the same subgraph:
// that write is the chosen subgraph's own and runs whatever the source's fate.
describe("services > sources > upsertSource > with another write", () => {
  const MIXED = /* GraphQL */ `
    mutation Mixed($government: GovernmentInput!, $sources: [SourceInput!], $source: SourceInput!) {
      upsertGovernment(input: $government, sources: $sources) {
        action
        problems {
          code
        }
      }
      upsertSource(input: $source) {
        action
        problems {
          path
          code
        }
      }
    }
  `;
  const government = (id: string) => ({ id, name: id, kind: "STATE", sources: ["us-facts"] });

  it.each([
    [
      "refused",
      { key: "mixed-bad", url: "not a url" },
      null,
      [{ path: ["input", "url"], code: "INVALID" }],
    ],
    ["written", { key: "mixed-good", title: "Mixed" }, "CREATED", []],
  ])("runs the other write when the source is %s", async (name, source, action, problems) => {
    const answer = await federation.query<any>(
      MIXED,
      { government: government(`mixed-${name}`), source },
      { token: editor },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      upsertGovernment: { action: "CREATED", problems: [] },
      upsertSource: { action, problems },
    });
  });
});

// The gateway's own batch (record-sources.ts), sent to one subgraph as the gateway sends it.
describe("services > sources > upsertSources (the gateway's checks and registrations)", () => {
  const UPSERT_SOURCES = /* GraphQL */ `
    mutation Sources($inputs: [SourceInput!]!, $dryRun: Boolean!) {
      upsertSources(inputs: $inputs, updateSources: false, dryRun: $dryRun) {
        action
        problems {
          path
          code
        }
      }
    }
  `;
  const send = (inputs: object[], dryRun = false) =>
    postToSubgraph<any>(
      federation.subgraphs.find((s) => s.name === "legal-actions")!,
      { query: UPSERT_SOURCES, variables: { inputs, dryRun } },
      { keyId: "test-editor", role: "editor" },
    );
  const stored = async (key: string) => {
    const db = federation.subgraphs.find((s) => s.name === "legal-actions")!.dataSource;
    return db.query(`SELECT definition FROM legal.source WHERE key = $1`, [key]);
  };

  it("answers each input in order: a refused one writes nothing, a key sent twice is written twice", async () => {
    const batch = { key: "batch-report", title: "Batch report", language: "en" };
    const inputs = [
      batch,
      { key: "batch-bad", url: "not a url" },
      { ...batch, title: "Batch report, other title" },
    ];
    const dry = await send(inputs, true);
    expect(dry.errors).toBeUndefined();
    expect(dry.data.upsertSources.map((p: any) => p.action)).toEqual(["CREATED", null, "CREATED"]);
    expect(await stored(batch.key)).toEqual([]);

    const answer = await send(inputs);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.upsertSources).toEqual([
      { action: "CREATED", problems: [] },
      { action: null, problems: [{ path: ["input", "url"], code: "INVALID" }] },
      { action: null, problems: [{ path: ["input"], code: "SOURCE_CONFLICT" }] },
    ]);
    expect(await stored(batch.key)).toEqual([
      { definition: { title: batch.title, language: "en" } },
    ]);
    expect(await stored("batch-bad")).toEqual([]);
  });

  it("refuses more than 500 inputs, naming the argument, and writes nothing", async () => {
    const inputs = Array.from({ length: 501 }, (_, i) => ({ key: `batch-many-${i}`, title: "t" }));
    const answer = await send(inputs);
    expect(answer.errors?.[0]).toMatchObject({
      message: "inputs: at most 500 sources, got 501",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await stored("batch-many-0")).toEqual([]);
  });
});
