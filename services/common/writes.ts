import { isDeepStrictEqual } from "node:util";
import { GraphQLError } from "graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { type DataSource, type EntityManager, QueryFailedError } from "typeorm";
import { BUNDLE_FORMAT, type Bundle, type SourceEntry, compact } from "./bundle";
import { badUserInput } from "./errors";
import type { Identity, IdentityCheck } from "./identity";
import { type RecordKind, validateRecord } from "./validation";

export enum WriteAction {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  UNCHANGED = "UNCHANGED",
  DELETED = "DELETED",
}
registerEnumType(WriteAction, { name: "WriteAction" });

@Directive("@shareable")
@ObjectType({
  simpleResolvers: true,
  description: "What a write did. Re-sending the same record reports UNCHANGED.",
})
export class WriteResult {
  @Field(() => String)
  type: string;

  @Field(() => ID)
  id: string;

  @Field(() => WriteAction)
  action: WriteAction;

  @Field(() => Boolean, { description: "False when the record already was exactly this." })
  changed: boolean;
}

@Directive("@shareable")
@ObjectType({
  simpleResolvers: true,
  description: "One write to a record: who, when, and the record before and after.",
})
export class AuditEntry {
  @Field(() => String, { description: "ISO 8601 timestamp." })
  at: string;

  @Field(() => String, { nullable: true, description: "Id of the API key that wrote." })
  keyId: string | null;

  @Field(() => WriteAction)
  action: WriteAction;

  @Field(() => GraphQLJSONObject, { nullable: true })
  before: object | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  after: object | null;
}

/** A record in bundle form with every source it cites. */
export interface RecordSnapshot {
  record: Record<string, unknown>;
  sources: Record<string, SourceEntry>;
}

/** How one kind of record is read and written in its subgraph's tables. */
export interface RecordStore {
  /** GraphQL type name: "Statement". */
  type: string;
  kind: RecordKind;
  /** Key of the kind's list in a bundle: "statements". */
  bundleKey: keyof Omit<Bundle, "format" | "sources">;
  /** The records in bundle form, by id; absent ids are missing from the map. */
  snapshotMany(tx: EntityManager, ids: string[]): Promise<Map<string, RecordSnapshot>>;
  write(tx: EntityManager, bundle: Bundle): Promise<unknown>;
  remove(tx: EntityManager, id: string): Promise<void>;
}

async function snapshot(store: RecordStore, tx: EntityManager, id: string) {
  return (await store.snapshotMany(tx, [id])).get(id) ?? null;
}

const unauthenticated = (message: string) =>
  new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED" } });

/** Subgraphs trust only the gateway's signed identity: a direct call cannot write. */
export function requireEditor(check: IdentityCheck): Identity {
  if (!check.ok) {
    throw unauthenticated(
      {
        missing: "writes go through the gateway with an API key (no signed identity)",
        malformed: "the identity header is malformed",
        forged: "the identity header's signature is invalid",
        expired: "the identity header has expired",
      }[check.reason],
    );
  }
  if (check.identity.role === "reader") {
    throw new GraphQLError(`role "reader" may not write`, { extensions: { code: "FORBIDDEN" } });
  }
  return check.identity;
}

class Unchanged extends Error {}

/** Validates, then creates or updates one record in one transaction, audited, idempotent. */
export async function upsertRecord(
  db: DataSource,
  schema: string,
  identityCheck: IdentityCheck,
  store: RecordStore,
  input: Record<string, unknown>,
  sources: Record<string, unknown> | null | undefined,
): Promise<WriteResult> {
  const identity = requireEditor(identityCheck);
  validateRecord(store.kind, input, "input");
  const sourceMap = (sources ?? {}) as Record<string, SourceEntry>;
  for (const [key, source] of Object.entries(sourceMap)) {
    validateRecord("source", source, `sources.${key}`);
  }
  for (const [i, key] of citedSources(input).entries()) {
    if (!(key in sourceMap))
      throw badUserInput(`input.sources[${i}]`, `"${key}" is not in \`sources\``);
  }
  const id = input.id as string;
  const bundle: Bundle = { format: BUNDLE_FORMAT, sources: sourceMap, [store.bundleKey]: [input] };
  return guarded(`${store.bundleKey}[0]`, async () => {
    try {
      return await db.transaction(async (tx) => {
        await lockRecord(tx, store.type, id);
        const before = await snapshot(store, tx, id);
        await store.write(tx, bundle);
        const after = await snapshot(store, tx, id);
        if (isDeepStrictEqual(before, after)) throw new Unchanged();
        const action = before ? WriteAction.UPDATED : WriteAction.CREATED;
        await audit(tx, schema, identity, store.type, id, action, before, after);
        return result(store.type, id, action);
      });
    } catch (error) {
      if (error instanceof Unchanged) return result(store.type, id, WriteAction.UNCHANGED);
      throw error;
    }
  });
}

export async function deleteRecord(
  db: DataSource,
  schema: string,
  identityCheck: IdentityCheck,
  store: RecordStore,
  id: string,
): Promise<WriteResult> {
  const identity = requireEditor(identityCheck);
  return guarded("", () =>
    db.transaction(async (tx) => {
      await lockRecord(tx, store.type, id);
      const before = await snapshot(store, tx, id);
      if (!before) return result(store.type, id, WriteAction.UNCHANGED);
      await store.remove(tx, id);
      await audit(tx, schema, identity, store.type, id, WriteAction.DELETED, before, null);
      return result(store.type, id, WriteAction.DELETED);
    }),
  );
}

export async function history(db: DataSource, schema: string, type: string, id: string) {
  const rows: {
    at: Date;
    key_id: string | null;
    action: WriteAction;
    before: object;
    after: object;
  }[] = await db.query(
    `SELECT at, key_id, action, before, after FROM "${schema}".audit_log
       WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
    [type, id],
  );
  return rows.map((row) =>
    Object.assign(new AuditEntry(), {
      at: row.at.toISOString(),
      keyId: row.key_id,
      action: row.action,
      before: row.before,
      after: row.after,
    }),
  );
}

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

function citedSources(input: Record<string, unknown>): string[] {
  return Array.isArray(input.sources) ? (input.sources as string[]) : [];
}

function result(type: string, id: string, action: WriteAction): WriteResult {
  return Object.assign(new WriteResult(), {
    type,
    id,
    action,
    changed: action !== WriteAction.UNCHANGED,
  });
}

/** Concurrent writes of one record queue behind each other: one record, never a mix. */
async function lockRecord(tx: EntityManager, type: string, id: string) {
  await tx.query("SET CONSTRAINTS ALL IMMEDIATE");
  await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`${type}:${id}`]);
}

async function audit(
  tx: EntityManager,
  schema: string,
  identity: Identity,
  type: string,
  id: string,
  action: WriteAction,
  before: RecordSnapshot | null,
  after: RecordSnapshot | null,
) {
  await tx.query(
    `INSERT INTO "${schema}".audit_log (key_id, role, entity_type, entity_id, action, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [identity.keyId, identity.role, type, id, action, before, after],
  );
}

/** Constraint violations become BAD_USER_INPUT naming the field; nothing was written. */
async function guarded<T>(bundlePath: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    // The bundle loader names fields by their place in a bundle; the caller sent `input`.
    if (error instanceof GraphQLError && bundlePath && error.message.startsWith(bundlePath)) {
      const field = `input${String(error.extensions.field ?? "").slice(bundlePath.length)}`;
      throw badUserInput(field, error.message.slice(error.message.indexOf(": ") + 2));
    }
    if (!(error instanceof QueryFailedError)) throw error;
    const { code, detail, column, constraint } = error.driverError as {
      code?: string;
      detail?: string;
      column?: string;
      constraint?: string;
    };
    const field = `input.${camel(detailColumn(detail) ?? column ?? constraint ?? "record")}`;
    if (code === "23503") {
      const referenced = /is still referenced from table "(\w+)"/.exec(detail ?? "");
      throw badUserInput(
        referenced ? "id" : field,
        referenced
          ? `the record is still referenced by ${referenced[1]} rows; change or delete those first`
          : `refers to a record that does not exist (${detail ?? constraint})`,
      );
    }
    if (code === "23514" || code === "23502" || code === "23505" || code === "22P02") {
      throw badUserInput(field, `is invalid (${detail ?? error.message})`);
    }
    throw error;
  }
}

function detailColumn(detail: string | undefined): string | undefined {
  return /^Key \((\w+)\)/.exec(detail ?? "")?.[1];
}

function camel(column: string): string {
  return column.replace(/_id$/, "").replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * A store whose writes go through the subgraph's bundle loader (the code that loads data/) and
 * whose deletes remove the row by id (children cascade; referenced rows are refused).
 */
export function recordStore(options: {
  type: string;
  kind: RecordKind;
  bundleKey: RecordStore["bundleKey"];
  entity: new () => { id: string };
  loadBundle: (tx: EntityManager, bundle: Bundle) => Promise<unknown>;
  snapshotMany: RecordStore["snapshotMany"];
}): RecordStore {
  return {
    type: options.type,
    kind: options.kind,
    bundleKey: options.bundleKey,
    snapshotMany: options.snapshotMany,
    write: (tx, bundle) => options.loadBundle(tx, bundle),
    remove: async (tx, id) => {
      await tx.getRepository(options.entity).delete({ id });
    },
  };
}

/** Bundle-form snapshots of rows, each with the sources its `build` cites. */
export function snapshots<T extends { id: string }>(
  rows: T[],
  build: (row: T, sources: Record<string, SourceEntry>) => Record<string, unknown>,
): Map<string, RecordSnapshot> {
  return new Map(
    rows.map((row) => {
      const sources: Record<string, SourceEntry> = {};
      return [row.id, { record: compact(build(row, sources)), sources }];
    }),
  );
}
