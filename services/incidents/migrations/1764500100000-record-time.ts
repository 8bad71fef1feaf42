import { recordTimeMigration } from "../../kit/migrations";

/**
 * System time: Threat actors and incidents get `created_at`, `updated_at` (the migration's time for existing rows)
 * and `revision` (1), indexed on (updated_at, id); deletes leave tombstones.
 */
export class RecordTime1764500100000 extends recordTimeMigration(
  "RecordTime1764500100000",
  "incidents",
  ["threat_actor", "incident"],
) {}
