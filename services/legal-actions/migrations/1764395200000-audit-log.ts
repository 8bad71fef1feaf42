import { auditLogMigration } from "../../kit/migrations";

export class AuditLog1764395200000 extends auditLogMigration("AuditLog1764395200000", "legal") {}
