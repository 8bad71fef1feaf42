import { sourceIndexMigration } from "../../kit/source-registry";

/** The sources its records cite, indexed: a write's source check reads only the records citing a key. */
export const SourceIndex1764800200000 = sourceIndexMigration("SourceIndex1764800200000", "legal", [
  "legal_action",
  "person",
  "person_name",
  "person_affiliation",
]);
