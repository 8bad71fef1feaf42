import { sourceRegistryMigration } from "../../kit/migrations";

/**
 * Sources as records (issue 22): the legal source registry, one row per key, filled from the
 * copies its records keep; a key stored with several definitions stays out (SOURCE_CONFLICT).
 */
export class SourceRegistry1764700200000 extends sourceRegistryMigration(
  "SourceRegistry1764700200000",
  "legal",
  ["legal_action", "person", "person_name", "person_affiliation"],
) {}
