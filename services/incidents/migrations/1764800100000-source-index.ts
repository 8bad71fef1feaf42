import { sourceIndexMigration } from "../../kit/source-registry";

/** The sources its records cite, indexed: a write's source check reads only the records citing a key. */
export const SourceIndex1764800100000 = sourceIndexMigration(
  "SourceIndex1764800100000",
  "incidents",
  ["incident", "threat_actor", "timeline_event"],
);
