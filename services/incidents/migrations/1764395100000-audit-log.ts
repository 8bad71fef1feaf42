import { auditLogMigration } from "../../kit/migrations";

export class AuditLog1764395100000 extends auditLogMigration(
  "AuditLog1764395100000",
  "incidents",
) {}
