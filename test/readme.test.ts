import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectPath } from "../services/common/paths";
import { readBundles } from "../services/dataset";
import { createDatabase, dropDatabase, prepareDatabase } from "./helpers/database";
import { type TestFederation, startTestFederation } from "./helpers/federation";

const examples = [
  ...readFileSync(projectPath("README.md"), "utf8").matchAll(/```graphql\n([\s\S]*?)```/g),
].map(([, text]) => text);

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

  it.each(examples.map((text) => [text.split("\n")[0], text]))("runs %s", async (_title, text) => {
    const token = text.trim().startsWith("mutation") ? await federation.token("editor") : undefined;
    const result = await federation.query(text, {}, { token });
    expect(result.errors).toBeUndefined();
    expect(result.data).toBeTruthy();
  });
});
