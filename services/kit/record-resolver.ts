import type DataLoader from "dataloader";
import type { GraphQLResolveInfo } from "graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import {
  Arg,
  Args,
  Authorized,
  type ClassType,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Info,
  Mutation,
  Resolver,
  Root,
} from "type-graphql";
import { AuditEntryConnection } from "./audit";
import { EDITOR } from "./authorization";
import { CONNECTION_SIZE, ConnectionArgs } from "./connection";
import { type ConnectionFieldSpec, ConnectionFields } from "./connection-fields";
import { RecordTimeResolver } from "./record-time-resolver";
import { SourceInput } from "./source";
import { problemTypes } from "./problems";
import { type RecordQueryOptions, RecordQueries } from "./record-queries";
import { unresolvedWarnings } from "./unresolved";
import type { RecordSnapshot, RecordWrites } from "./records";
import type { SubgraphContext } from "./subgraph";
import type { ResolverClass } from "./record-time-resolver";
import { remove, upsert } from "./write-path";
import { DeletePayload, upsertPayload } from "./write-payloads";

/** The loaders every record kind's `history` and `bundleRecord` read through. */
export interface RecordLoaders {
  history(type: string, args: ConnectionArgs): DataLoader<string, unknown>;
  snapshots: Record<string, DataLoader<string, RecordSnapshot | null>>;
}

type RecordContext = SubgraphContext<RecordLoaders>;

export interface RecordResolverOptions<
  I extends { id: string },
  T extends { id: string },
  C extends { loaders: object },
  A extends object,
> extends RecordQueryOptions<C, A> {
  /** Its write input type (`upsert<Type>(input:)`). */
  input: ClassType<I>;
  /** How it is written; `writes.entity` is also its GraphQL type. */
  writes: RecordWrites<I, T>;
  /** PostgreSQL schema of the subgraph, where the audit log is. */
  dbSchema: string;
  /** Lists under it, after the kind's own fields (connection-fields.ts). */
  connections?: Record<string, ConnectionFieldSpec<NoInfer<C>["loaders"]>>;
  /** For `deleted<Plural>`: the bundle key's, capitalised ("ThreatActors"), by default. */
  plural?: string;
  description: {
    /** Of `upsert<Type>(input:)`: "The government." */
    input: string;
    /** Of `<type>(id:)`'s `id`: 'Its slug: "us".' */
    byId: string;
    /** Of `<plural>`, the list: "Governments, by name by default." */
    list: string;
    upsert: string;
    delete: string;
    /** Of `delete<Type>(id:)`: "Its slug." by default. */
    id?: string;
  };
}

/** What other subgraphs store otherwise of this write's sources (by its response key). */
const conflictsOfWrite = (ctx: RecordContext, info: GraphQLResolveInfo) => ({
  ...ctx,
  sourceConflicts: ctx.sourceConflicts.filter((c) => c.field === info.path.key),
});

/** `history` and `bundleRecord`, after the kind's fields and `recordTime`. */
function RecordHistoryResolver<F extends ResolverClass>(
  Fields: F,
  options: { type: ClassType; name: string; plural: string; dbSchema: string },
) {
  const { type, name } = options;

  @Resolver(() => type)
  class RecordHistoryResolverClass extends RecordTimeResolver(Fields, options) {
    @Authorized(EDITOR)
    @Directive(CONNECTION_SIZE)
    @FieldResolver(() => AuditEntryConnection, {
      description: "Every write to this record, oldest first (editor key).",
    })
    history(
      @Root() record: { id: string },
      @Args(() => ConnectionArgs) args: ConnectionArgs,
      @Ctx() ctx: RecordContext,
    ) {
      return ctx.loaders.history(name, args).load(record.id);
    }

    @FieldResolver(() => GraphQLJSONObject, {
      description:
        "This record in the bundle format, with the sources it cites (what export writes).",
    })
    bundleRecord(@Root() record: { id: string }, @Ctx() ctx: RecordContext) {
      return ctx.loaders.snapshots[name].load(record.id);
    }
  }
  return RecordHistoryResolverClass;
}

/** `Fields`, then the kind's lists and its root queries, in the order of the committed schema. */
function KindFields<
  I extends { id: string },
  T extends { id: string },
  C extends { loaders: object },
  A extends object,
>(Fields: ResolverClass, options: RecordResolverOptions<I, T, C, A>) {
  const { writes, connections } = options;
  const type = writes.entity;
  const Lists = connections ? ConnectionFields<C>(type, connections, Fields) : Fields;
  return RecordQueries(Lists, { ...options, type, name: writes.type, plural: writes.bundleKey });
}

/**
 * A kind's resolver (`Fields`: its fields) with what every record kind answers the same way:
 * its lists (`connections`, connection-fields.ts), `<type>(id:)` and `<plural>`
 * (record-queries.ts), `recordTime`, `deleted<Plural>` (record-time-resolver.ts), `history`,
 * `bundleRecord`, `upsert<Type>` and `delete<Type>`. Resolvers inheritance as in type-graphql's
 * example, with the shared class deriving from the kind's rather than the other way round:
 * type-graphql lists a base class's fields first, and these come last in the committed schema.
 */
export function RecordResolver<
  F extends ResolverClass,
  I extends { id: string },
  T extends { id: string },
  C extends { loaders: object },
  A extends object,
>(Fields: F, options: RecordResolverOptions<I, T, C, A>) {
  const { input, writes, dbSchema, description } = options;
  const type = writes.entity;
  const name = writes.type;
  const UpsertPayload = upsertPayload(type, name, name[0].toLowerCase() + name.slice(1));
  const plural = options.plural ?? writes.bundleKey[0].toUpperCase() + writes.bundleKey.slice(1);

  const Kind = KindFields(Fields, options);
  @Resolver(() => type)
  class RecordResolverClass extends RecordHistoryResolver(Kind, { type, name, plural, dbSchema }) {
    @Authorized(EDITOR)
    @Mutation(() => UpsertPayload, {
      name: `upsert${name}`,
      description: description.upsert,
      // Nullable: a failure of one mutation of a document leaves the others' answers.
      nullable: true,
    })
    async upsert(
      @Arg("input", () => input, { validate: false, description: description.input }) record: I,
      @Arg("sources", () => [SourceInput], {
        nullable: true,
        validate: false,
        description:
          "The sources it cites that are not stored yet, or to change (see `updateSources`); a stored source may be cited by key alone.",
      })
      sources: SourceInput[] | null,
      @Arg("updateSources", () => Boolean, {
        defaultValue: false,
        description:
          "Change a stored source to the definition sent here, for every record citing it in every subgraph; without it a different definition (in any subgraph) is a SOURCE_CONFLICT problem.",
      })
      updateSources: boolean,
      @Ctx() ctx: RecordContext,
      @Info() info: GraphQLResolveInfo,
    ) {
      const { problems, ...outcome } = await upsert(
        conflictsOfWrite(ctx, info),
        dbSchema,
        writes,
        record,
        sources,
        updateSources,
      );
      // Answered from the snapshot the write read; read again only for a kind whose snapshots
      // are not built by `snapshots` (records.ts).
      const stored =
        outcome.record ??
        (outcome.action && (await ctx.db.manager.findOneBy(type, { id: record.id } as never)));
      const warnings = unresolvedWarnings(writes.bundleKey, record, ctx.unresolved, problems);
      return Object.assign(new UpsertPayload(), outcome, {
        record: stored || null,
        problems: problemTypes(problems),
        warnings: problemTypes(problems.length ? [] : warnings),
      });
    }

    @Authorized(EDITOR)
    @Mutation(() => DeletePayload, {
      name: `delete${name}`,
      description: description.delete,
      nullable: true,
    })
    delete(
      @Arg("id", () => ID, { description: description.id ?? "Its slug." }) id: string,
      @Ctx() ctx: RecordContext,
    ) {
      return remove(ctx, dbSchema, writes, id);
    }
  }
  return RecordResolverClass;
}
