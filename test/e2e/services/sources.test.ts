import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const UPSERT_GOVERNMENT = /* GraphQL */ `
  mutation Upsert($input: GovernmentInput!, $sources: [SourceInput!], $update: Boolean) {
    upsertGovernment(input: $input, sources: $sources, updateSources: $update) {
      action
      government {
        sources {
          id
          title
        }
      }
      problems {
        path
        code
        message
      }
    }
  }
`;

const government = (id: string, sources: string[]) => ({ id, name: id, kind: "STATE", sources });
const REPORT = { key: "shared-report", title: "A report", publisher: "P", language: "en" };

// A source is stored once per subgraph and cited by key: a write may cite a stored source by
// key alone; another definition of a stored key is a conflict unless the write says to update
// it, and then every record citing it sees the update.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
let editor: string;
beforeAll(async () => {
  databaseUrl = await createDatabase(serverUrl, "sources");
  await prepareDatabase(databaseUrl, []);
  federation = await startTestFederation(databaseUrl);
  editor = await federation.token("editor");
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

const write = (input: object, sources?: object[], update?: boolean) =>
  federation
    .query<any>(UPSERT_GOVERNMENT, { input, sources, update }, { token: editor })
    .then((result) => {
      expect(result.errors).toBeUndefined();
      return result.data.upsertGovernment;
    });

const titles = async (id: string) => {
  const read = await federation.query<any>(
    `query ($id: ID!) { government(id: $id) { sources { id title } } }`,
    { id },
  );
  return read.data.government.sources;
};

describe("services > sources > cited by key", () => {
  it("cites a stored source by key alone", async () => {
    expect((await write(government("first-state", ["shared-report"]), [REPORT])).action).toBe(
      "CREATED",
    );
    const second = await write(government("second-state", ["shared-report"]));
    expect(second.problems).toEqual([]);
    expect(second.government.sources).toEqual([{ id: "shared-report", title: "A report" }]);
  });

  it("refuses a key neither sent nor stored", async () => {
    const answer = await write(government("third-state", ["no-such-source"]));
    expect(answer.problems).toEqual([
      {
        path: ["input", "sources", "0"],
        code: "UNKNOWN_SOURCE",
        message: 'cites "no-such-source", which is neither in `sources` nor stored',
      },
    ]);
  });
});

describe("services > sources > another definition", () => {
  const changed = { ...REPORT, title: "A corrected report" };

  it("refuses another definition of a stored key, naming the key and the fields", async () => {
    const answer = await write(government("third-state", ["shared-report"]), [changed]);
    expect(answer.action).toBeNull();
    // Stored here, and (registered by the gateway with the first write) in every other subgraph.
    const message =
      '"shared-report" is stored with another definition (title differ): send it as stored, or with `updateSources: true` to change it for every record citing it';
    expect(answer.problems).toEqual(
      ["", "incidents: ", "legal-actions: "].map((where) => ({
        path: ["sources", "0"],
        code: "SOURCE_CONFLICT",
        message: `${where}${message}`,
      })),
    );
    const read = await federation.query<any>(
      `{ governments(filter: { ids: ["third-state"] }) { totalCount } }`,
    );
    expect(read.data.governments.totalCount).toBe(0);
  });

  it("updates it with updateSources: every record citing it sees the new definition", async () => {
    const answer = await write(government("third-state", ["shared-report"]), [changed], true);
    expect(answer).toMatchObject({ action: "CREATED", problems: [] });
    for (const id of ["first-state", "second-state", "third-state"]) {
      expect(await titles(id)).toEqual([{ id: "shared-report", title: "A corrected report" }]);
    }
  });
});
