import { recordTimeMigration } from "../../kit/migrations";

/**
 * System time: Governments, agencies, officials, statements and attributions get `created_at`, `updated_at` (the migration's time for existing rows)
 * and `revision` (1), indexed on (updated_at, id); deletes leave tombstones.
 */
export class RecordTime1764500000000 extends recordTimeMigration(
  "RecordTime1764500000000",
  "governments",
  ["government", "agency", "official", "statement", "attribution"],
) {}
