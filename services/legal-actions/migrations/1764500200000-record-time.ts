import { recordTimeMigration } from "../../kit/migrations";

/**
 * System time: legal actions and persons get `created_at`, `updated_at` (the migration's time for existing rows)
 * and `revision` (1), indexed on (updated_at, id); deletes leave tombstones.
 */
export class RecordTime1764500200000 extends recordTimeMigration(
  "RecordTime1764500200000",
  "legal",
  ["legal_action", "person"],
) {}
