import { sourceIndexMigration } from "../../kit/migrations";

/** The sources its records cite, indexed: a write's source check reads only the records citing a key. */
export class SourceIndex1764800000000 extends sourceIndexMigration(
  "SourceIndex1764800000000",
  "governments",
  ["government", "agency", "official", "statement"],
) {}
