import { sourceForkMigration } from "../../kit/migrations";

/** The cited keys the registry left out as forked: only these are read from records' copies. */
export class SourceFork1764900100000 extends sourceForkMigration(
  "SourceFork1764900100000",
  "incidents",
  ["incident", "threat_actor", "timeline_event"],
) {}
