import type DataLoader from "dataloader";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, type ClassType, Ctx, Directive, ID, Info, Query, Resolver } from "type-graphql";
import { CONNECTION_SIZE } from "./connection";
import { loadOrNotFound } from "./loaders";
import type { PageJoin } from "./pagination";
import type { ResolverClass } from "./record-time-resolver";
import { CountAsked, type WithCount } from "./selection";

/** How a record kind's root queries read: by id, and a page of its list (lists.ts). */
export interface RecordQueryOptions<C, A extends object> {
  /** Its list arguments (`ListArgs`). */
  args: ClassType<A>;
  byId(ctx: C): DataLoader<string, unknown>;
  list: {
    connection: ClassType;
    page(ctx: NoInfer<C>, args: A, withCount: WithCount, join?: PageJoin): unknown;
  };
  /** Tables the page also reads for what the query asks of its items. */
  join?(info: GraphQLResolveInfo): PageJoin | undefined;
}

interface RecordQueriesOptions<C, A extends object> extends RecordQueryOptions<C, A> {
  type: ClassType;
  /** GraphQL type name: "ThreatActor", and the query by id, "threatActor". */
  name: string;
  /** The list query: "threatActors". */
  plural: string;
  description: {
    /** Of the by-id query's `id`: 'Its slug: "us".' */
    byId: string;
    list: string;
  };
}

/** "ThreatActor" -> "A threat actor". */
function aRecord(name: string): string {
  const words = name.replace(/[A-Z]/g, (c, at: number) => (at ? " " : "") + c.toLowerCase());
  return `${/^[aeiou]/.test(words) ? "An" : "A"} ${words}`;
}

/**
 * The two root queries of a record kind, `<type>(id:)` and `<plural>`, after the kind's own
 * fields (`Fields`).
 */
export function RecordQueries<F extends ResolverClass, C, A extends object>(
  Fields: F,
  options: RecordQueriesOptions<C, A>,
) {
  const { type, name, args, list, description } = options;

  @Resolver(() => type)
  class RecordQueriesClass extends Fields {
    @Query(() => type, {
      name: name[0].toLowerCase() + name.slice(1),
      nullable: true,
      description: `${aRecord(name)} by id; NOT_FOUND if none.`,
    })
    recordById(@Arg("id", () => ID, { description: description.byId }) id: string, @Ctx() ctx: C) {
      return loadOrNotFound(options.byId(ctx), name, id);
    }

    @Directive(CONNECTION_SIZE)
    @Query(() => list.connection, { name: options.plural, description: description.list })
    recordList(
      @Args(() => args) listArgs: A,
      @Ctx() ctx: C,
      @CountAsked() withCount: WithCount,
      @Info() info: GraphQLResolveInfo,
    ) {
      return list.page(ctx, listArgs, withCount, options.join?.(info));
    }
  }
  return RecordQueriesClass;
}
