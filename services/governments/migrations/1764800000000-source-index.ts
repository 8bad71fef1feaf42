import { sourceIndexMigration } from "../../kit/source-registry";

/** The sources its records cite, indexed: a write's source check reads only the records citing a key. */
export const SourceIndex1764800000000 = sourceIndexMigration(
  "SourceIndex1764800000000",
  "governments",
  ["government", "agency", "official", "statement"],
);
