import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { datasetDatabase, dropDatabase } from "../../../harness/database";
import { type TestFederation, startTestFederation } from "../../helpers/federation";
import { PERSON_SOURCES, indictment } from "../../helpers/person-writes";

const PAYLOAD = `action problems { path code message } warnings { path code message }`;
const UPSERT = {
  statement: `mutation ($input: StatementInput!, $sources: [SourceInput!]) {
    upsertStatement(input: $input, sources: $sources) { ${PAYLOAD} } }`,
  incident: `mutation ($input: IncidentInput!, $sources: [SourceInput!]) {
    upsertIncident(input: $input, sources: $sources) { ${PAYLOAD} } }`,
  threatActor: `mutation ($input: ThreatActorInput!, $sources: [SourceInput!]) {
    upsertThreatActor(input: $input, sources: $sources) { ${PAYLOAD} } }`,
  legalAction: `mutation ($input: LegalActionInput!, $sources: [SourceInput!]) {
    upsertLegalAction(input: $input, sources: $sources) { ${PAYLOAD} } }`,
};
const SOURCES = [{ key: "unresolved-test", url: "https://example.org/unresolved", title: "Test" }];

const attribution = (id: string, incident: string, actor?: string) => ({
  id,
  incident,
  ...(actor ? { actor } : { state: "cn" }),
  kind: "FORMAL",
});
const statement = (id: string, attributions: object[], issuer = "us") => ({
  id,
  kind: "PRESS_STATEMENT",
  issuedAt: "2024-05",
  issuer,
  language: "en",
  title: "A statement naming records of another source",
  attributions,
  sources: ["unresolved-test"],
});
const warning = (path: (string | number)[], type: string, id: string) => ({
  path: path.map(String),
  code: "UNRESOLVED_REFERENCE",
  message: `${type} "${id}" does not exist in the graph: kept, since writes across sources are order-free (\`npm run integrity\` lists it until it resolves)`,
});

// A subgraph reads only its own tables: the gateway checks the references a write makes into
// other sources and the write answers those that resolve to nothing as warnings, kept.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
let editor: string;
beforeAll(async () => {
  databaseUrl = await datasetDatabase(serverUrl, "unresolved");
  federation = await startTestFederation(databaseUrl);
  editor = await federation.token("editor");
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

const write = async (kind: keyof typeof UPSERT, input: object, sources: object[] = SOURCES) => {
  const result = await federation.query<any>(UPSERT[kind], { input, sources }, { token: editor });
  expect(result.errors).toBeUndefined();
  return Object.values(result.data)[0] as {
    action: string;
    problems: object[];
    warnings: object[];
  };
};

describe("services > writes > references into other sources", () => {
  it("keeps a statement naming an incident and an actor nobody has, with a warning for each", async () => {
    const input = statement("test-unresolved-1", [
      attribution("test-unresolved-1-a", "microsoft-exchange-2021"),
      attribution("test-unresolved-1-b", "no-such-incident", "no-such-actor"),
    ]);
    expect(await write("statement", input)).toEqual({
      action: "CREATED",
      problems: [],
      warnings: [
        warning(["input", "attributions", 1, "incident"], "Incident", "no-such-incident"),
        warning(["input", "attributions", 1, "actor"], "ThreatActor", "no-such-actor"),
      ],
    });
    // Once the incident is written, the same statement warns of the actor alone.
    const incident = {
      id: "no-such-incident",
      name: "An incident written after the statement naming it",
      kind: "ESPIONAGE",
      sources: ["unresolved-test"],
    };
    expect(await write("incident", incident)).toMatchObject({ action: "CREATED", warnings: [] });
    expect(await write("statement", input)).toEqual({
      action: "UNCHANGED",
      problems: [],
      warnings: [warning(["input", "attributions", 1, "actor"], "ThreatActor", "no-such-actor")],
    });
  });

  it("answers a statement naming only records that exist without warnings", async () => {
    const input = statement("test-unresolved-2", [
      attribution("test-unresolved-2-a", "microsoft-exchange-2021", "apt40"),
    ]);
    expect(await write("statement", input)).toEqual({
      action: "CREATED",
      problems: [],
      warnings: [],
    });
  });

  it("refuses a missing record of its own source as a problem, and does not warn besides", async () => {
    const input = statement(
      "test-unresolved-3",
      [attribution("test-unresolved-3-a", "no-incident-either")],
      "no-such-issuer",
    );
    const payload = await write("statement", input);
    expect(payload).toMatchObject({ action: null, warnings: [] });
    expect(payload.problems).toEqual([
      {
        path: ["input", "issuer"],
        code: "NOT_FOUND",
        message: 'Government "no-such-issuer" does not exist',
      },
    ]);
  });

  it("warns of a threat actor's sponsor state and a legal action's related incident that do not exist", async () => {
    const actor = {
      id: "test-unresolved-actor",
      name: "Test Unresolved Actor",
      kind: "STATE_SPONSORED",
      sponsorState: "no-such-state",
      sources: ["unresolved-test"],
    };
    expect(await write("threatActor", actor)).toEqual({
      action: "CREATED",
      problems: [],
      warnings: [warning(["input", "sponsorState"], "Government", "no-such-state")],
    });
    const action = indictment(null, {
      id: "test-unresolved-action",
      relatedIncidents: ["microsoft-exchange-2021", "gone-incident"],
      relatedActors: ["test-unresolved-actor"],
      defendants: [
        { name: "Test Unit", kind: "ORGANIZATION", nationality: "ru", status: "AT_LARGE" },
      ],
    });
    const sources = PERSON_SOURCES.filter(({ key }) => key === "indictment-release");
    expect(await write("legalAction", action, sources)).toEqual({
      action: "CREATED",
      problems: [],
      warnings: [warning(["input", "relatedIncidents", 1], "Incident", "gone-incident")],
    });
  });
  it("carries 200 unresolved references of the longest ids to the subgraph (a header past 16 KiB)", async () => {
    const long = (prefix: string, i: number) => `${prefix}-${i}-`.padEnd(100, "x");
    const action = indictment(null, {
      id: "test-unresolved-many",
      relatedIncidents: Array.from({ length: 50 }, (_, i) => long("incident", i)),
      relatedActors: Array.from({ length: 50 }, (_, i) => long("actor", i)),
      defendants: Array.from({ length: 100 }, (_, i) => ({
        name: `Test Unit ${i}`,
        kind: "ORGANIZATION",
        affiliatedActor: long("unit-actor", i),
        status: "AT_LARGE",
      })),
    });
    const sources = PERSON_SOURCES.filter(({ key }) => key === "indictment-release");
    const payload = await write("legalAction", action, sources);
    expect(payload).toMatchObject({ action: "CREATED", problems: [] });
    expect(payload.warnings).toHaveLength(100); // a payload lists MAX_PROBLEMS
    expect(payload.warnings[99]).toEqual(
      warning(
        ["input", "defendants", 99, "affiliatedActor"],
        "ThreatActor",
        long("unit-actor", 99),
      ),
    );
  });
});
