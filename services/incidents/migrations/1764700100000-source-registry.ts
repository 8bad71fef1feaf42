import { sourceRegistryMigration } from "../../kit/migrations";

/**
 * Sources as records (issue 22): the incidents source registry, one row per key, filled from the
 * copies its records keep; a key stored with several definitions stays out (SOURCE_CONFLICT).
 */
export class SourceRegistry1764700100000 extends sourceRegistryMigration(
  "SourceRegistry1764700100000",
  "incidents",
  ["incident", "threat_actor", "timeline_event"],
) {}
