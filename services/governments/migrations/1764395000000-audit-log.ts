import { auditLogMigration } from "../../kit/migrations";

export class AuditLog1764395000000 extends auditLogMigration(
  "AuditLog1764395000000",
  "governments",
) {}
