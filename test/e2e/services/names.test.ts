import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { datasetDatabase, dropDatabase } from "../../../harness/database";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const UPSERT_ACTOR = /* GraphQL */ `
  mutation UpsertActor($input: ThreatActorInput!, $sources: [SourceInput!]) {
    upsertThreatActor(input: $input, sources: $sources) {
      action
      problems {
        path
        code
        message
      }
    }
  }
`;
const UPSERT_STATEMENT = /* GraphQL */ `
  mutation UpsertStatement($input: StatementInput!, $sources: [SourceInput!]) {
    upsertStatement(input: $input, sources: $sources) {
      action
    }
  }
`;
const SOURCES = [{ key: "names-source", title: "A source", language: "en" }];

const actor = (overrides: Record<string, unknown>) => ({
  id: "spoofed-actor",
  name: "Spoofed",
  kind: "STATE_SPONSORED",
  sources: ["names-source"],
  ...overrides,
});

interface Problem {
  path: string[];
  message: string;
}

// Issue 21, finding 8, as sent: a threat actor named "\u202eanihC fo cilbupeR s’elpoeP"
// (displayed as "People's Republic of China"), zero-width characters and terminal escapes in
// names are refused with the character and its position; a verbatim quote keeps U+200F.
describe("services > names > plain text", () => {
  const serverUrl = inject("serverUrl");
  let databaseUrl: string;
  let federation: TestFederation;
  let editor: string;
  beforeAll(async () => {
    databaseUrl = await datasetDatabase(serverUrl, "names");
    federation = await startTestFederation(databaseUrl);
    editor = await federation.token("editor");
  });
  afterAll(async () => {
    await federation?.stop();
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });

  const refused = async (input: object): Promise<Problem[]> => {
    const result = await federation.query<any>(
      UPSERT_ACTOR,
      { input, sources: SOURCES },
      { token: editor },
    );
    expect(result.errors, JSON.stringify(result)).toBeUndefined();
    const payload = result.data.upsertThreatActor;
    expect(payload.action).toBeNull();
    return payload.problems.map(({ path, message }: Problem) => ({ path, message }));
  };

  it("refuses the issue's threat actor, naming U+202E and its position", async () => {
    const problems = await refused(actor({ name: "\u202eanihC fo cilbupeR s’elpoeP" }));
    expect(problems).toEqual([
      {
        path: ["input", "name"],
        message:
          "contains U+202E (a bidirectional control) at position 1: names, titles, aliases and slugs may not hold invisible, direction-changing or control characters",
      },
    ]);
    const read = await federation.query<any>(`{ threatActor(id: "spoofed-actor") { name } }`);
    expect(read.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("refuses a zero-width space and an ESC in names and aliases", async () => {
    expect(await refused(actor({ name: "APT\u200b40" }))).toEqual([
      {
        path: ["input", "name"],
        message: expect.stringMatching(/^contains U\+200B .* position 4:/),
      },
    ]);
    expect(await refused(actor({ name: "\x1b[31mAPT40" }))).toEqual([
      {
        path: ["input", "name"],
        message: expect.stringMatching(/^contains U\+001B .* position 1:/),
      },
    ]);
    const alias = await refused(
      actor({ aliases: [{ name: "Leviathan\u200d", namedBy: "Vendor" }] }),
    );
    expect(alias).toEqual([
      {
        path: ["input", "aliases", "0", "name"],
        message: expect.stringMatching(/^contains U\+200D .* position 10:/),
      },
    ]);
  });

  it("keeps U+200F in a verbatim quote, stored and answered as written", async () => {
    const text = "We attribute this activity\u200f to the MSS";
    const written = await federation.query<any>(
      UPSERT_STATEMENT,
      {
        input: {
          id: "names-statement",
          kind: "PRESS_STATEMENT",
          issuedAt: "2024-05",
          issuer: "us",
          language: "en",
          title: "A statement quoting a source verbatim",
          quotes: [{ text, language: "en" }],
          attributions: [],
          sources: ["names-source"],
        },
        sources: SOURCES,
      },
      { token: editor },
    );
    expect(written.errors, JSON.stringify(written.errors)).toBeUndefined();
    expect(written.data.upsertStatement.action).toBe("CREATED");
    const read = await federation.query<any>(
      `{ statement(id: "names-statement") { quotes { text } } }`,
    );
    expect(read.data.statement.quotes[0].text).toBe(text);
  });
});
