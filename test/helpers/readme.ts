import { readFileSync } from "node:fs";
import { projectPath } from "../../services/common/paths";

/** Every GraphQL example of the README, with the variables of a JSON block right after it. */
export function readmeExamples(): { text: string; variables: Record<string, unknown> }[] {
  return [
    ...readFileSync(projectPath("README.md"), "utf8").matchAll(
      /```graphql\n([\s\S]*?)```(?:\s*```json\n([\s\S]*?)```)?/g,
    ),
  ].map(([, text, variables]) => ({ text, variables: variables ? JSON.parse(variables) : {} }));
}
