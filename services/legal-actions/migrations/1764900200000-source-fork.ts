import { sourceForkMigration } from "../../kit/migrations";

/** The cited keys the registry left out as forked: only these are read from records' copies. */
export class SourceFork1764900200000 extends sourceForkMigration(
  "SourceFork1764900200000",
  "legal",
  ["legal_action", "person", "person_name", "person_affiliation"],
) {}
