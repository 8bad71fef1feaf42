import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readBundles } from "../../services/dataset";
import { createDatabase, dropDatabase, prepareDatabase } from "../../harness/database";
import type { GraphQLResponse } from "../../scripts/graphql-client";
import { type TestFederation, startTestFederation } from "../helpers/federation";
import { readmeExamples } from "../helpers/readme";
import { README_CHECKS } from "../helpers/readme-checks";

const examples = readmeExamples();
const isMutation = (text: string) => text.trim().startsWith("mutation");

const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
/** Each example's answer, by operation name: queries first, then the mutations. */
const answers = new Map<string, GraphQLResponse<any>>();

beforeAll(async () => {
  databaseUrl = await createDatabase(serverUrl, "readme");
  await prepareDatabase(
    databaseUrl,
    (await readBundles()).map(({ bundle }) => bundle),
  );
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
    expect(examples.map((example) => example.name).filter((name) => !README_CHECKS[name])).toEqual(
      [],
    );
  });

  it.each(Object.keys(README_CHECKS))("%s answers what the README says", async (name) => {
    const example = examples.find((one) => one.name === name);
    expect(example, `the README has no ${name} example any more`).toBeDefined();
    await README_CHECKS[name](answers.get(name)!.data, {
      federation,
      variables: example!.variables,
    });
  });
});
