import { GraphQLJSONObject } from "graphql-scalars";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { DataSource, EntityManager } from "typeorm";
import { type ResponseBudget, fetchWithin } from "./budget";
import { type ConnectionArgs, connectionType } from "./connection";
import type { Identity } from "../../platform/identity";
import { perArguments } from "./loaders";
import { nestedConnection } from "./nested";
import { type Ordering, pageWindow } from "./pagination";
import type { RecordSnapshot } from "./records";
import { type EnumValue, describedEnum } from "./enums";

export const WriteAction = describedEnum("WriteAction", "What a write did to the record.", {
  CREATED: "The record did not exist and now does.",
  UPDATED: "The record existed and changed.",
  UNCHANGED:
    "Nothing changed: the record already was exactly this (or, for a delete, did not exist).",
  DELETED: "The record existed and was deleted.",
});
export type WriteAction = EnumValue<typeof WriteAction>;

@Directive("@shareable")
@ObjectType({
  simpleResolvers: true,
  description: "One write to a record: who, when, and the record before and after (bundle form).",
})
export class AuditEntry {
  @Field(() => ID, { description: "Position of the write in its subgraph's audit log." })
  id: string;

  @Field(() => String, {
    description:
      "When it was written (ISO 8601 timestamp): the record's `recordTime.updatedAt` after the write, or the tombstone's `deletedAt`.",
  })
  at: string;

  @Field(() => String, { nullable: true, description: "Id of the API key that wrote it." })
  keyId: string | null;

  @Field(() => WriteAction, { description: "CREATED, UPDATED or DELETED." }) action: WriteAction;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "The record and the sources it cited before the write; null when created.",
  })
  before: object | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "The record and the sources it cited after the write; null when deleted.",
  })
  after: object | null;
}

export const AuditEntryConnection = connectionType(AuditEntry, "AuditEntry");

/** The audit table every subgraph's migrations create in its own schema. */
export function auditTableSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}".audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      key_id text,
      role text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      action text NOT NULL CHECK (action IN ('CREATED', 'UPDATED', 'DELETED')),
      before jsonb,
      after jsonb)`,
    `CREATE INDEX audit_log_entity_idx ON "${schema}".audit_log (entity_type, entity_id, id)`,
  ];
}

/** One write, as the audit log records it. */
export interface AuditedWrite {
  type: string;
  id: string;
  action: WriteAction;
  /** The record's system time of the write (its new updatedAt, or its deletedAt). */
  at: Date;
  before: RecordSnapshot | null;
  after: RecordSnapshot | null;
}

export function recordAudit(
  tx: EntityManager,
  schema: string,
  identity: Identity,
  entry: AuditedWrite,
) {
  return recordAudits(tx, schema, identity, [entry]);
}

/** `entries` in the audit log, in their order, in one statement (a batch of sources: many). */
export async function recordAudits(
  tx: EntityManager,
  schema: string,
  identity: Identity,
  entries: AuditedWrite[],
) {
  if (!entries.length) return;
  await tx.query(
    `INSERT INTO "${schema}".audit_log
       (key_id, role, entity_type, entity_id, action, at, before, after)
     SELECT $1, $2, e.type, e.id, e.action, e.at, e.before, e.after
       FROM ROWS FROM (jsonb_to_recordset($3::jsonb)
              AS (type text, id text, action text, at timestamptz, before jsonb, after jsonb))
            WITH ORDINALITY AS e(type, id, action, at, before, after, n)
      ORDER BY e.n`,
    [identity.keyId, identity.role, JSON.stringify(entries)],
  );
}

const OLDEST_FIRST: Ordering = { name: "AUDIT", keys: [{ sql: "l.id", direction: "ASC" }] };

interface AuditRow {
  id: string;
  at: Date;
  key_id: string | null;
  action: WriteAction;
  before: object | null;
  after: object | null;
}

/** `history` pages of records of `type`, oldest write first, batched per request. */
export function historyPages(db: DataSource, schema: string, budget: ResponseBudget) {
  return perArguments((type: string, args: ConnectionArgs) =>
    nestedConnection(
      db,
      AuditEntryConnection,
      {
        query: () =>
          db
            .createQueryBuilder()
            .from(`${schema}.audit_log`, "l")
            .where("l.entity_type = :entityType", { entityType: type }),
        parent: (key) => `l.entity_id = ${key}`,
        id: "l.id::text",
        fetch: async (ids) => {
          const rows = await fetchWithin(budget, ids, (part): Promise<AuditRow[]> =>
            db.query(
              `SELECT id::text, at, key_id, action, before, after FROM "${schema}".audit_log
                  WHERE id = ANY($1::bigint[])`,
              [part],
            ),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => {
            const row = byId.get(id);
            return row
              ? Object.assign(new AuditEntry(), {
                  id: row.id,
                  at: row.at.toISOString(),
                  keyId: row.key_id,
                  action: row.action,
                  before: row.before,
                  after: row.after,
                })
              : null;
          });
        },
      },
      pageWindow(args, OLDEST_FIRST),
      budget,
    ),
  );
}
