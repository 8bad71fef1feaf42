import type DataLoader from "dataloader";
import { Args, type ClassType, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { CONNECTION_SIZE, type ConnectionArgs } from "./connection";
import type { ResolverClass } from "./record-time-resolver";
import { CountAsked, type WithCount } from "./selection";

/** A loader of pages under each parent, one per distinct arguments (`perArguments`). */
type PagesLoader = (args: never, withCount: WithCount) => DataLoader<string, unknown>;

/** The names of the request's loaders of pages under each parent. */
type PagesLoaderName<L> = { [K in keyof L]: L[K] extends PagesLoader ? K : never }[keyof L];

export interface ConnectionFieldSpec<L> {
  /** The connection it answers. */
  type: ClassType;
  /** Its arguments: the listed kind's `ListArgs`, or `ConnectionArgs`. */
  args: ClassType<ConnectionArgs>;
  /** The request's loader of its pages by the parent's id. */
  loader: PagesLoaderName<L>;
  description: string;
  nullable?: boolean;
}

class NoFields {}

/**
 * Lists under a record, each field a page of its `loader` batched by the parent's id, declared
 * as their methods would be, after the fields of `Fields` (the order of the schema's fields).
 */
export function ConnectionFields<C extends { loaders: object }>(
  parent: ClassType,
  fields: Record<string, ConnectionFieldSpec<C["loaders"]>>,
  Fields: ResolverClass = NoFields,
) {
  @Resolver(() => parent)
  class ConnectionFieldsClass extends Fields {}

  const prototype = ConnectionFieldsClass.prototype;
  for (const [name, spec] of Object.entries(fields)) {
    const loaders = (ctx: C) => ctx.loaders as Record<typeof spec.loader, PagesLoader>;
    const page = (root: { id: string }, args: never, ctx: C, withCount: WithCount) =>
      loaders(ctx)[spec.loader](args, withCount).load(root.id);
    const descriptor = { value: page, writable: true, configurable: true };
    Object.defineProperty(prototype, name, descriptor);
    // In the order TypeScript applies them to a method: parameters last first, then upwards.
    CountAsked()(prototype, name, 3);
    Ctx()(prototype, name, 2);
    Args(() => spec.args)(prototype, name, 1);
    Root()(prototype, name, 0);
    const { type, description, nullable } = spec;
    FieldResolver(() => type, { description, nullable })(prototype, name, descriptor);
    Directive(CONNECTION_SIZE)(prototype, name, descriptor);
  }
  return ConnectionFieldsClass;
}
