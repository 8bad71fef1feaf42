import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readBundles } from "../../services/dataset";
import { createDatabase, dropDatabase, prepareDatabase } from "../../harness/database";
import { type TestFederation, startTestFederation } from "../helpers/federation";
import { readmeExamples } from "../helpers/readme";

const examples = readmeExamples();

// Every GraphQL example in the README runs as printed: queries anonymously, mutations with an
// editor key, all without errors.
describe("README > GraphQL examples", () => {
  const serverUrl = inject("serverUrl");
  let databaseUrl: string;
  let federation: TestFederation;
  beforeAll(async () => {
    databaseUrl = await createDatabase(serverUrl, "readme");
    await prepareDatabase(
      databaseUrl,
      (await readBundles()).map(({ bundle }) => bundle),
    );
    federation = await startTestFederation(databaseUrl);
  });
  afterAll(async () => {
    await federation?.stop();
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });

  it("has the four cross-source examples and a mutation", () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map(({ text, variables }) => [text.split("\n")[0], text, variables]))(
    "runs %s",
    async (_title, text, variables) => {
      const token = text.trim().startsWith("mutation")
        ? await federation.token("editor")
        : undefined;
      const result = await federation.query(text, variables, { token });
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
    },
  );
});
