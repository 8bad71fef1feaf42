import {
  Args,
  type ClassType,
  Ctx,
  Directive,
  FieldResolver,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { CONNECTION_SIZE } from "./connection";
import { RecordTime } from "./record-time";
import type { SubgraphContext } from "./subgraph";
import { TombstoneArgs, TombstoneConnection, tombstonePage } from "./tombstones";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ResolverClass = new (...args: any[]) => object;

export interface RecordTimeOptions {
  /** Its GraphQL type. */
  type: ClassType;
  /** GraphQL type name: "Attribution". */
  name: string;
  /** For `deleted<Plural>`: "Attributions". */
  plural: string;
  /** PostgreSQL schema of the subgraph, where its tombstones are. */
  dbSchema: string;
}

/**
 * System time on a record kind that is a `Node`: its `recordTime` and the root list of its
 * tombstones, `deleted<Plural>`. Every record kind has them through `RecordResolver`; a kind
 * written as part of another (Attribution) uses this alone.
 */
export function RecordTimeResolver<F extends ResolverClass>(Fields: F, options: RecordTimeOptions) {
  const { type, name, plural, dbSchema } = options;

  @Resolver(() => type)
  class RecordTimeResolverClass extends Fields {
    @FieldResolver(() => RecordTime, {
      description:
        "System time: when this graph stored and last changed this record (not when what it describes happened).",
    })
    recordTime(@Root() record: { recordTime: RecordTime }) {
      return record.recordTime;
    }

    @Directive(CONNECTION_SIZE)
    @Query(() => TombstoneConnection, {
      name: `deleted${plural}`,
      description: `${name} records deleted since a time (system time), oldest deletion first: what a sync client removes from its copy. A record created again leaves the list.`,
    })
    deleted(@Args(() => TombstoneArgs) args: TombstoneArgs, @Ctx() ctx: SubgraphContext<unknown>) {
      return tombstonePage(ctx, dbSchema, name, args);
    }
  }
  return RecordTimeResolverClass;
}
