declare module "virtual:readme-examples" {
  export interface ReadmeExample {
    name: string;
    text: string;
    variables: Record<string, unknown>;
  }
  /** The README's GraphQL examples, read at build time (web/build/readme-examples-plugin.ts). */
  export const readmeExamples: ReadmeExample[];
}
