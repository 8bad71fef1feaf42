import { sourceForkMigration } from "../../kit/migrations";

/** The cited keys the registry left out as forked: only these are read from records' copies. */
export class SourceFork1764900000000 extends sourceForkMigration(
  "SourceFork1764900000000",
  "governments",
  ["government", "agency", "official", "statement"],
) {}
