import { readReadmeExamples } from "../../gateway/readme-examples";
import { projectPath } from "../../platform/paths";

/** Every GraphQL example of the README, with the variables of a JSON block right after it. */
export function readmeExamples(): {
  name: string;
  text: string;
  variables: Record<string, unknown>;
}[] {
  return readReadmeExamples(projectPath("README.md"));
}
