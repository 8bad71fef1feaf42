import { existsSync, readFileSync } from "node:fs";

export interface ReadmeExample {
  /** The operation's name ("IncidentStory"), or its first line when it has none. */
  name: string;
  text: string;
  variables: Record<string, unknown>;
}

/** Every GraphQL example of a README, with the variables of a JSON block right after it. */
export function readmeExamples(markdown: string): ReadmeExample[] {
  return [...markdown.matchAll(/```graphql\n([\s\S]*?)```(?:\s*```json\n([\s\S]*?)```)?/g)].map(
    ([, text, variables]) => ({
      name: /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(text)?.[1] ?? text.split("\n")[0],
      text,
      variables: variables ? JSON.parse(variables) : {},
    }),
  );
}

/** The examples of the README at `path`; none when it is absent (an image without docs). */
export function readReadmeExamples(path: string): ReadmeExample[] {
  return existsSync(path) ? readmeExamples(readFileSync(path, "utf8")) : [];
}
