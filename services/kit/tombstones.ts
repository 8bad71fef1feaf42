import { GraphQLDateTime } from "graphql-scalars";
import { ArgsType, Directive, Field, ID, ObjectType } from "type-graphql";
import type { DataSource, EntityManager } from "typeorm";
import type { ResponseBudget } from "./budget";
import { ConnectionArgs, connectionType } from "./connection";
import { type Ordering, paginate, pageWindow } from "./pagination";
import { NOW_MS } from "./record-time";

@Directive("@shareable")
@ObjectType({
  simpleResolvers: true,
  description:
    "What a deleted record leaves behind, so that a sync client can delete its copy: `deleted<Plural>(since:)` lists them.",
})
export class Tombstone {
  @Field(() => String, { description: 'Type of the deleted record: "Statement".' })
  type: string;

  @Field(() => ID, { description: "Its slug." })
  id: string;

  @Field(() => ID, { description: 'Its global id: "Statement:us-dos-2021-07-19".' })
  globalId: string;

  @Field(() => GraphQLDateTime, {
    description: "When this graph deleted it (system time, milliseconds).",
  })
  deletedAt: Date;
}

export const TombstoneConnection = connectionType(Tombstone, "Tombstone");

@ArgsType()
export class TombstoneArgs extends ConnectionArgs {
  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: "Only records deleted at or after this time (system time); all when absent.",
  })
  since?: Date | null;
}

/** The tombstone table every subgraph's migrations create in its own schema. */
export function tombstoneTableSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}".tombstone (
      type text NOT NULL,
      id text NOT NULL,
      global_id text NOT NULL,
      deleted_at timestamptz NOT NULL DEFAULT ${NOW_MS},
      PRIMARY KEY (type, id))`,
    `CREATE INDEX tombstone_deleted_idx ON "${schema}".tombstone (type, deleted_at, id)`,
  ];
}

/** Leaves a tombstone for each record (`type`, `id`), deleted `at` (or now), in its transaction. */
export async function buryRecords(
  tx: EntityManager,
  schema: string,
  records: { type: string; id: string }[],
  at: Date | null = null,
) {
  if (!records.length) return;
  await tx.query(
    `INSERT INTO "${schema}".tombstone (type, id, global_id, deleted_at)
     SELECT r.type, r.id, r.type || ':' || r.id, coalesce($3::timestamptz, ${NOW_MS})
       FROM unnest($1::text[], $2::text[]) AS r(type, id)
     ON CONFLICT (type, id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at`,
    [records.map((r) => r.type), records.map((r) => r.id), at],
  );
}

/** A record created again is no longer deleted. */
export async function unburyRecords(
  tx: EntityManager,
  schema: string,
  type: string,
  ids: string[],
) {
  if (!ids.length) return;
  await tx.query(`DELETE FROM "${schema}".tombstone WHERE type = $1 AND id = ANY($2::text[])`, [
    type,
    ids,
  ]);
}

const BY_DELETION: Ordering = {
  name: "DELETED_AT",
  keys: [
    { sql: "t.deleted_at", direction: "ASC" },
    { sql: "t.id", direction: "ASC" },
  ],
};

/** A page of the `type` tombstones since `args.since`, oldest deletion first: one statement. */
export function tombstonePage(
  ctx: { db: DataSource; budget: ResponseBudget },
  schema: string,
  type: string,
  args: TombstoneArgs,
) {
  const query = ctx.db
    .createQueryBuilder()
    .select(["t.type AS type", "t.id AS id", "t.global_id AS global_id"])
    .addSelect("t.deleted_at", "deleted_at")
    .from(`${schema}.tombstone`, "t")
    .where("t.type = :type", { type });
  if (args.since) query.andWhere("t.deleted_at >= :since", { since: args.since });
  return paginate(TombstoneConnection, query, pageWindow(args, BY_DELETION), ctx.budget, (raw) =>
    Object.assign(new Tombstone(), {
      type: raw.type,
      id: raw.id,
      globalId: raw.global_id,
      deletedAt: raw.deleted_at,
    }),
  );
}
