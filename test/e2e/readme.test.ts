import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { datasetDatabase, dropDatabase } from "../../harness/database";
import type { GraphQLResponse } from "../../scripts/graphql-client";
import { type TestFederation, startTestFederation } from "../helpers/federation";
import { readmeExamples } from "../helpers/readme";
import { README_CHECKS } from "../helpers/readme-checks";

const examples = readmeExamples();

/** The upsertSource example creates its source in every subgraph; `source(id:)` reads it. */
async function upsertSource(
  { upsertSource: written }: any,
  { federation, variables }: { federation: TestFederation; variables: Record<string, unknown> },
) {
  const { key, title, publisher } = variables.input as Record<string, string>;
  const source = { id: key, title, publisher };
  expect(written).toEqual({ action: "CREATED", changed: true, source, problems: [] });
  const read = await federation.query<any>(
    `query ($id: String!) { source(id: $id) { id title publisher } }`,
    { id: key },
  );
  expect(read.data.source).toEqual(source);
}

const CHECKS: Record<string, (...args: Parameters<typeof upsertSource>) => unknown> = {
  ...README_CHECKS,
  UpsertSource: upsertSource,
};
const isMutation = (text: string) => text.trim().startsWith("mutation");

const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
/** Each example's answer, by operation name: queries first, then the mutations. */
const answers = new Map<string, GraphQLResponse<any>>();

beforeAll(async () => {
  databaseUrl = await datasetDatabase(serverUrl, "readme");
  federation = await startTestFederation(databaseUrl);
  const editor = await federation.token("editor");
  // The queries read the shipped dataset as the README describes it, before any example writes.
  const ordered = [...examples].sort((a, b) => +isMutation(a.text) - +isMutation(b.text));
  for (const { name, text, variables } of ordered) {
    const token = isMutation(text) ? editor : undefined;
    answers.set(name, await federation.query(text, variables, { token }));
  }
});
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

// Every GraphQL example in the README runs as printed: queries anonymously, mutations with an
// editor key, all without errors.
describe("README > GraphQL examples", () => {
  it("has the four cross-source examples and a mutation", () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map(({ name, text }) => [text.split("\n")[0], name]))(
    "runs %s",
    (_title, name) => {
      const result = answers.get(name)!;
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
    },
  );
});

// Each example answers what the README says it shows, checked against the data files: the
// Exchange hack with Blinken's words and the four defendants, China's story, APT40's, the French
// search, a record by global id, the delays the analytics section works out, the write.
describe("README > GraphQL examples > what they answer", () => {
  it("checks every example of the README", () => {
    expect(examples.map((example) => example.name).filter((name) => !CHECKS[name])).toEqual([]);
  });

  it.each(Object.keys(CHECKS))("%s answers what the README says", async (name) => {
    const example = examples.find((one) => one.name === name);
    expect(example, `the README has no ${name} example any more`).toBeDefined();
    await CHECKS[name](answers.get(name)!.data, {
      federation,
      variables: example!.variables,
    });
  });
});
