import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { exportBundle } from "../../../scripts/bundle-io";
import { ONE_STATE_BUNDLE } from "../../helpers/one-state";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const SOURCE = {
  key: "inline-indictment-2024",
  url: "https://example.org/indictment",
  title: "Indictment unsealed",
  publisher: "Department of Justice",
  publishedAt: "2024-03-25",
  language: "en",
};
const OTHER = { ...SOURCE, url: "https://example.org/other", title: "Another document" };

const RECORDS = {
  LegalAction: (id: string) => ({
    id,
    kind: "INDICTMENT",
    title: "United States v. Inline",
    jurisdiction: "us",
    status: "PENDING",
    sources: [SOURCE.key],
  }),
  Statement: (id: string) => ({
    id,
    kind: "PRESS_STATEMENT",
    issuedAt: "2024-03",
    issuer: "us",
    language: "en",
    title: "A statement citing the indictment",
    sources: [SOURCE.key],
  }),
  Incident: (id: string) => ({
    id,
    name: "An incident citing the indictment",
    kind: "ESPIONAGE",
    sources: [SOURCE.key],
  }),
} as const;
type Kind = keyof typeof RECORDS;
const field = (kind: Kind) => kind[0].toLowerCase() + kind.slice(1);
const SOURCE_FIELDS = "sources { id url title publisher publishedAt { value } language }";

// A record write's inline sources are one record graph-wide: the gateway checks them in every
// other subgraph before the write (a definition stored elsewhere is a SOURCE_CONFLICT naming
// that subgraph, and nothing is written) and registers them there after it, so records of any
// subgraph cite by key alone a source first sent with a legal action.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
let editor: string;
beforeAll(async () => {
  databaseUrl = await createDatabase(serverUrl, "record_sources");
  await prepareDatabase(databaseUrl, [ONE_STATE_BUNDLE]);
  federation = await startTestFederation(databaseUrl);
  editor = await federation.token("editor");
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

/** Writes a record of `kind`, citing SOURCE, with `sources` sent inline. */
async function write(kind: Kind, id: string, sources?: object[], updateSources?: boolean) {
  const answer = await federation.query<any>(
    `mutation ($input: ${kind}Input!, $sources: [SourceInput!], $update: Boolean) {
       upsert${kind}(input: $input, sources: $sources, updateSources: $update) {
         action ${field(kind)} { id } problems { path code message }
       }
     }`,
    { input: RECORDS[kind](id), sources, update: updateSources },
    { token: editor },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data[`upsert${kind}`];
}

/** What each record's sources read back, by id. */
async function citing(records: [Kind, string][]) {
  const read = await federation.query<any>(`{
    ${records.map(([kind, id], i) => `r${i}: ${field(kind)}(id: "${id}") { ${SOURCE_FIELDS} }`).join("\n")}
  }`);
  expect(read.errors).toBeUndefined();
  return records.map((_, i) => read.data[`r${i}`].sources);
}

/** The registry's definition of `key` in each subgraph (null where it has none). */
async function registries(key: string) {
  const found: Record<string, unknown> = {};
  for (const { dataSource, name } of federation.subgraphs) {
    const schema = (dataSource.options as { schema: string }).schema;
    const rows = await dataSource.query(
      `SELECT definition FROM "${schema}".source WHERE key = $1`,
      [key],
    );
    found[name] = rows[0]?.definition ?? null;
  }
  return found;
}

const asRead = ({ key, publishedAt, ...rest }: typeof SOURCE) => ({
  id: key,
  ...rest,
  publishedAt: { value: publishedAt },
});
const definition = ({ key: _key, ...rest }: typeof SOURCE) => rest;
const everywhere = (value: unknown) => ({
  governments: value,
  incidents: value,
  "legal-actions": value,
});

describe("services > sources > a record write's inline sources", () => {
  it("sent with a legal action, are cited by key alone by a statement and an incident", async () => {
    const created = await write("LegalAction", "us-v-inline-2024", [SOURCE]);
    expect(created).toMatchObject({ action: "CREATED", problems: [] });
    expect(await registries(SOURCE.key)).toEqual(everywhere(definition(SOURCE)));
    expect(await write("Statement", "us-inline-statement")).toMatchObject({
      action: "CREATED",
      problems: [],
    });
    expect(await write("Incident", "inline-incident")).toMatchObject({
      action: "CREATED",
      problems: [],
    });
    const read = await citing([
      ["LegalAction", "us-v-inline-2024"],
      ["Statement", "us-inline-statement"],
      ["Incident", "inline-incident"],
    ]);
    expect(read).toEqual([[asRead(SOURCE)], [asRead(SOURCE)], [asRead(SOURCE)]]);
  });

  it("sent again with another definition, are refused naming the other subgraph; nothing is written", async () => {
    const refused = await write("Statement", "us-inline-statement-2", [OTHER]);
    expect(refused.action).toBeNull();
    expect(refused.statement).toBeNull();
    expect(refused.problems.map((p: any) => [p.path, p.code])).toEqual(
      refused.problems.map(() => [["sources", "0"], "SOURCE_CONFLICT"]),
    );
    // Its own subgraph's conflict, and each other subgraph's (governments registered it too).
    expect(refused.problems).toHaveLength(3);
    const elsewhere = refused.problems.find((p: any) => p.message.startsWith("legal-actions: "));
    expect(elsewhere?.message).toBe(
      'legal-actions: "inline-indictment-2024" is stored with another definition (url, title differ): send it as stored, or with `updateSources: true` to change it for every record citing it',
    );
    const read = await federation.query<any>(`{ statement(id: "us-inline-statement-2") { id } }`);
    expect(read.errors?.map((e: any) => e.extensions.code)).toEqual(["NOT_FOUND"]);
    expect(await registries(SOURCE.key)).toEqual(everywhere(definition(SOURCE)));
  });

  it("with updateSources, change it for every citing record in every subgraph", async () => {
    const written = await write("Statement", "us-inline-statement-2", [OTHER], true);
    expect(written).toMatchObject({ action: "CREATED", problems: [] });
    expect(await registries(SOURCE.key)).toEqual(everywhere(definition(OTHER)));
    const read = await citing([
      ["LegalAction", "us-v-inline-2024"],
      ["Statement", "us-inline-statement"],
      ["Incident", "inline-incident"],
      ["Statement", "us-inline-statement-2"],
    ]);
    expect(read).toEqual(read.map(() => [asRead(OTHER)]));
    const source = await federation.query<any>(`{ source(id: "${SOURCE.key}") { id url title } }`);
    expect(source.data.source).toEqual({ id: SOURCE.key, url: OTHER.url, title: OTHER.title });
  });

  it("are exported once, with the new definition", async () => {
    const bundle = await exportBundle({ url: federation.gatewayUrl });
    const keys = Object.keys(bundle.sources ?? {}).filter((key) => key === SOURCE.key);
    expect(keys).toEqual([SOURCE.key]);
    expect(bundle.sources?.[SOURCE.key]).toMatchObject(definition(OTHER));
  });

  it("of a refused write are registered nowhere", async () => {
    const fresh = { key: "inline-refused-source", title: "Never registered", language: "en" };
    const answer = await federation.query<any>(
      `mutation ($input: IncidentInput!, $sources: [SourceInput!]) {
         upsertIncident(input: $input, sources: $sources) { action problems { path code } }
       }`,
      {
        input: { ...RECORDS.Incident("Not a slug"), sources: [fresh.key] },
        sources: [fresh],
      },
      { token: editor },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.upsertIncident.action).toBeNull();
    expect(answer.data.upsertIncident.problems.length).toBeGreaterThan(0);
    expect(await registries(fresh.key)).toEqual(everywhere(null));
  });
});

// After the writes above: the legal action cites SOURCE's key, stored everywhere as OTHER.
describe("services > sources > a record write re-sent unchanged", () => {
  /** Statements each subgraph runs while `work` does. */
  async function statementsDuring(work: () => Promise<unknown>) {
    const before = federation.subgraphs.map((s) => s.statements.count);
    await work();
    return Object.fromEntries(
      federation.subgraphs.map((s, i) => [s.name, s.statements.count - before[i]]),
    );
  }

  it("re-sent unchanged, are answered UNCHANGED by the record's own subgraph alone", async () => {
    let answer: any;
    const counts = await statementsDuring(async () => {
      answer = await write("LegalAction", "us-v-inline-2024", [OTHER]);
    });
    expect(answer).toMatchObject({ action: "UNCHANGED", problems: [] });
    expect(counts).toMatchObject({ governments: 0, incidents: 0 });
    expect(counts["legal-actions"]).toBeGreaterThan(0);
  });

  it("stored otherwise in another subgraph: unchanged, UNCHANGED; changed, refused naming it", async () => {
    await federation.subgraphs
      .find((s) => s.name === "governments")!
      .dataSource.query(
        `UPDATE governments.source SET definition = definition || '{"title": "Diverged"}' WHERE key = $1`,
        [SOURCE.key],
      );
    // Nothing is written either way: the record stays as its own subgraph stores it.
    expect(await write("LegalAction", "us-v-inline-2024", [OTHER])).toMatchObject({
      action: "UNCHANGED",
      problems: [],
    });
    const changed = await federation.query<any>(
      `mutation ($input: LegalActionInput!, $sources: [SourceInput!]) {
         upsertLegalAction(input: $input, sources: $sources) { action problems { code message } }
       }`,
      { input: { ...RECORDS.LegalAction("us-v-inline-2024"), title: "Changed" }, sources: [OTHER] },
      { token: editor },
    );
    expect(changed.data.upsertLegalAction.action).toBeNull();
    expect(changed.data.upsertLegalAction.problems).toEqual([
      expect.objectContaining({
        code: "SOURCE_CONFLICT",
        message: expect.stringMatching(/^governments: /),
      }),
    ]);
    const read = await federation.query<any>(
      `{ legalAction(id: "us-v-inline-2024") { title ${SOURCE_FIELDS} } }`,
    );
    expect(read.data.legalAction).toEqual({
      title: RECORDS.LegalAction("").title,
      sources: [asRead(OTHER)],
    });
  });
});
