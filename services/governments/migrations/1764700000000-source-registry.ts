import { sourceRegistryMigration } from "../../kit/migrations";

/**
 * Sources as records (issue 22): the governments source registry, one row per key, filled from the
 * copies its records keep; a key stored with several definitions stays out (SOURCE_CONFLICT).
 */
export class SourceRegistry1764700000000 extends sourceRegistryMigration(
  "SourceRegistry1764700000000",
  "governments",
  ["government", "agency", "official", "statement"],
) {}
