import js from "@eslint/js";
import graphql from "@graphql-eslint/eslint-plugin";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      ".data/",
      "coverage/",
      "test/clients/.generated/",
      "examples/codegen/src/gql/",
      "web/app/src/gql/",
    ],
  },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.mjs", "**/*.js"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
  },
  {
    // The schema clients see, as composed by `npm run compose`: checked with The Guild's rules
    // for public schemas and for Relay (connections, edges, PageInfo, arguments).
    files: ["schema/api.graphql"],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig: { schema: "schema/api.graphql" } },
    },
    plugins: { "@graphql-eslint": graphql },
    rules: {
      ...graphql.configs["flat/schema-recommended"].rules,
      ...graphql.configs["flat/schema-relay"].rules,
      "@graphql-eslint/relay-edge-types": [
        "error",
        {
          withEdgeSuffix: true,
          // Lists bounded by their record (aliases, quotes, charges) stay plain lists, each with
          // a documented maximum, and connections offer `nodes` beside `edges` (as GitHub's do).
          listTypeCanWrapOnlyEdgeType: false,
          // Defendants and audit entries are values inside a record, not records: no global id.
          shouldImplementNode: false,
        },
      ],
      "@graphql-eslint/strict-id-in-types": [
        "error",
        {
          acceptedIdNames: ["id"],
          acceptedIdTypes: ["ID"],
          // Pages, payloads and values that live inside a record have no identity of their own.
          exceptions: {
            suffixes: ["Connection", "Edge", "Payload"],
            types: [
              "PageInfo",
              "DateWithPrecision",
              "Source",
              "Quote",
              "Translation",
              "OfficialRole",
              "ThreatActorAlias",
              "TimelineEvent",
              "Charge",
              "Defendant",
              "Sanctions",
              "ExternalId",
              "RecordTime",
              "PersonName",
              "PersonAffiliation",
              "SuspectedOrigin",
              "Problem",
            ],
          },
        },
      ],
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: {
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", prefer: "type-imports" },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports." },
      ],
    },
  },
  {
    // Settings are read once per process, by its entry point, and passed down as plain objects
    // (gateway/config.ts, services/kit/config.ts and platform/config.ts build them from an Env).
    // Tests, the harness and the benchmarks may read the environment.
    files: [
      "platform/**/*.ts",
      "services/**/*.ts",
      "gateway/**/*.ts",
      "stix/**/*.ts",
      "scripts/**/*.ts",
    ],
    ignores: [
      "gateway/main.ts",
      "services/kit/main.ts",
      "scripts/start.ts",
      "scripts/import.ts",
      "scripts/import-misp.ts",
      "scripts/import-stix.ts",
      "scripts/export.ts",
      "scripts/integrity.ts",
      "scripts/keys.ts",
      "scripts/misp/first-start.ts",
      "scripts/stix-in/first-start.ts",
    ],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message:
            "Read settings in the process's main.ts (through its config module) and pass them down.",
        },
      ],
    },
  },
  {
    // The servers never load the command-line tools: what both use lives in stix/ or platform/.
    files: ["stix/**/*.ts", "gateway/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/scripts/*"], message: "stix/ and gateway/ never import scripts/." },
          ],
        },
      ],
    },
  },
  {
    // Tests explore JSON answers; typing every response shape would add noise, not safety.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Tools that require a default export.
    files: [
      "vitest.config.mts",
      "eslint.config.mjs",
      "test/helpers/global-setup.ts",
      "web/vite.*.config.mts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
);
