import { GraphQLDateTime } from "graphql-scalars";
import { Directive, Field, InputType, Int, ObjectType } from "type-graphql";
import { Column } from "typeorm";
import type { Ordering } from "./pagination";

/**
 * System time, as PostgreSQL stamps it: milliseconds, so that a JavaScript Date and a cursor
 * carry it exactly; the clock rather than the transaction's start, so that the records of one
 * transaction (a first-start load) still get increasing times.
 */
export const NOW_MS = "date_trunc('milliseconds', clock_timestamp())";

/** When this graph learned of a record and last changed it: the columns and the GraphQL type. */
@Directive("@shareable")
@ObjectType({
  simpleResolvers: true,
  description:
    "System time: when this graph stored the record and last changed it, and how often it changed. Not when what the record describes happened: that is its valid time (issuedAt, firstObserved, filed, ...), from its sources.",
})
export class RecordTime {
  @Field(() => GraphQLDateTime, {
    description: "When this graph first stored the record (system time, milliseconds).",
  })
  @Column({ type: "timestamptz", insert: false, update: false })
  createdAt: Date;

  @Field(() => GraphQLDateTime, {
    description:
      "When this graph last changed the record or one of its parts (a quote, a charge, ...): system time, later with every change; what `filter: { updatedSince }` and `orderBy: { field: UPDATED_AT }` read.",
  })
  @Column({ type: "timestamptz", insert: false, update: false })
  updatedAt: Date;

  @Field(() => Int, {
    description: "1 when created, one more with each change; re-sending it unchanged keeps it.",
  })
  @Column({ type: "int", insert: false, update: false })
  revision: number;
}

/**
 * What every record's entity extends: its system-time columns (`created_at`, `updated_at`,
 * `revision`), which only the write path sets (record-stamps.ts); GraphQL reads them as
 * `recordTime` (record-resolver.ts).
 */
export abstract class RecordEntity {
  @Column(() => RecordTime, { prefix: false })
  recordTime: RecordTime;
}

/**
 * What every record list's filter extends: `updatedSince`, applied by lists.ts. Never in a
 * schema itself: type-graphql copies its fields into each filter that extends it.
 */
@InputType("RecordFilter")
export abstract class RecordFilter {
  @Field(() => GraphQLDateTime, {
    nullable: true,
    description:
      "Records this graph created or changed at or after this time (`recordTime.updatedAt`, system time), for incremental sync.",
  })
  updatedSince?: Date | null;
}

/** The value every `<Kind>OrderField` enum has (spread into its values). */
export const UPDATED_AT_ORDER = {
  UPDATED_AT:
    "By system time of the last change (`recordTime.updatedAt`), then id: with `direction: ASC` and `filter.updatedSince`, the order a sync client pages through.",
} as const;

/** Keyset order on (updated_at, id), each record table's index. */
export function updatedAtOrdering(alias: string, direction: "ASC" | "DESC"): Ordering {
  return {
    name: `UPDATED_AT_${direction}`,
    keys: [
      { sql: `${alias}.updated_at`, direction },
      { sql: `${alias}.id`, direction },
    ],
  };
}

/**
 * Migration SQL giving record tables their system time: existing rows get the migration's time
 * and revision 1; new rows are stamped by the write path. Also for a record table added later.
 */
export function recordTimeSql(schema: string, tables: string[]): string[] {
  const migrated = "date_trunc('milliseconds', now())";
  return tables.flatMap((table) => [
    `ALTER TABLE "${schema}".${table}
       ADD COLUMN created_at timestamptz NOT NULL DEFAULT ${migrated},
       ADD COLUMN updated_at timestamptz NOT NULL DEFAULT ${migrated},
       ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision > 0)`,
    `ALTER TABLE "${schema}".${table}
       ALTER COLUMN created_at SET DEFAULT ${NOW_MS},
       ALTER COLUMN updated_at SET DEFAULT ${NOW_MS}`,
    `CREATE INDEX ${table}_updated_idx ON "${schema}".${table} (updated_at, id)`,
  ]);
}
