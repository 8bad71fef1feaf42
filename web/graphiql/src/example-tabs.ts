import type { ReadmeExample } from "virtual:readme-examples";

/** One GraphiQL tab per README example; a mutation's tab has a header to fill in. */
export function exampleTabs(examples: readonly ReadmeExample[]) {
  return examples.map((example) => ({
    query: example.text,
    variables: Object.keys(example.variables).length
      ? JSON.stringify(example.variables, null, 2)
      : undefined,
    headers: example.text.trimStart().startsWith("mutation")
      ? JSON.stringify({ Authorization: "Bearer <an editor key: npm run keys -- create>" }, null, 2)
      : undefined,
  }));
}
