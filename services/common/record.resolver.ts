import DataLoader from "dataloader";
import { GraphQLJSONObject } from "graphql-scalars";
import {
  Arg,
  type ClassType,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Resolver,
  Root,
} from "type-graphql";
import type { SubgraphContext } from "./subgraph";
import {
  AuditEntry,
  type RecordSnapshot,
  type RecordStore,
  WriteResult,
  deleteRecord,
  history,
  requireEditor,
  upsertRecord,
} from "./writes";

type Context = SubgraphContext<unknown>;

// Snapshots are batched per request like every other read (export asks for 100 at a time).
const snapshotLoaders = new WeakMap<object, DataLoader<string, RecordSnapshot | null>>();

/**
 * The write side of one record kind, the same for every kind of every subgraph:
 * `upsert<Type>`, `delete<Type>`, and the `history` and `bundleRecord` fields.
 */
export function recordResolver<T extends { id: string }>(
  type: ClassType<T>,
  store: RecordStore,
  dbSchema: string,
) {
  const loaderFor = (ctx: Context) => {
    const key = ctx as object;
    let loader = snapshotLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const snapshots = await store.snapshotMany(ctx.db.manager, [...ids]);
        return ids.map((id) => snapshots.get(id) ?? null);
      });
      snapshotLoaders.set(key, loader);
    }
    return loader;
  };

  @Resolver(() => type)
  class RecordResolver {
    @Mutation(() => WriteResult, {
      name: `upsert${store.type}`,
      description: `Creates or updates a ${store.type} by id (editor key). \`input\` is a record in the bundle format of data/README.md; \`sources\` maps the source keys it cites to sources.`,
    })
    upsert(
      @Arg("input", () => GraphQLJSONObject) input: Record<string, unknown>,
      @Ctx() ctx: Context,
      @Arg("sources", () => GraphQLJSONObject, { nullable: true })
      sources?: Record<string, unknown>,
    ) {
      return upsertRecord(ctx.db, dbSchema, ctx.identity, store, input, sources);
    }

    @Mutation(() => WriteResult, {
      name: `delete${store.type}`,
      description: `Deletes a ${store.type} (editor key); UNCHANGED if it does not exist.`,
    })
    remove(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
      return deleteRecord(ctx.db, dbSchema, ctx.identity, store, id);
    }

    @FieldResolver(() => [AuditEntry], {
      description: "Every write to this record, oldest first (editor or admin key).",
    })
    history(@Root() entity: T, @Ctx() ctx: Context) {
      requireEditor(ctx.identity);
      return history(ctx.db, dbSchema, store.type, entity.id);
    }

    @FieldResolver(() => GraphQLJSONObject, {
      description: "This record in the bundle format, with the sources it cites (for export).",
    })
    bundleRecord(@Root() entity: T, @Ctx() ctx: Context) {
      return loaderFor(ctx).load(entity.id);
    }
  }
  Object.defineProperty(RecordResolver, "name", { value: `${store.type}RecordResolver` });
  return RecordResolver;
}
