import { IsOptional, MaxLength } from "class-validator";
import { type ClassType, ArgsType, Directive, Field, Int, ObjectType } from "type-graphql";

/** Cursors are short (an ordering name and its keys); a longer string is not one. */
export const MAX_CURSOR_LENGTH = 1000;

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Demand-control hints (IBM cost spec, `@listSize` of Apollo federation 2.9): the gateway's cost
 * analysis reads them from the supergraph, and so would Apollo Router's.
 */
export const CONNECTION_SIZE = `@listSize(assumedSize: ${DEFAULT_PAGE_SIZE}, slicingArguments: ["first", "last"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)`;

/** The documented maximum of a list bounded by its record; writes enforce it. */
export const listSize = (max: number) => `@listSize(assumedSize: ${max})`;

@Directive("@shareable")
@ObjectType({
  simpleResolvers: true,
  description: "Where a page of a connection sits in the whole list (Relay cursor connections).",
})
export class PageInfo {
  @Field(() => Boolean, {
    description:
      "Whether more items follow this page. When paging backwards (`last`), true if `before` was given.",
  })
  hasNextPage: boolean;

  @Field(() => Boolean, {
    description:
      "Whether items precede this page. When paging forwards (`first`), true if `after` was given.",
  })
  hasPreviousPage: boolean;

  /** The cursor of the page's first (0) or last (-1) item, encoded when asked; null when empty. */
  cursorAt: (end: 0 | -1) => string | null;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the first edge of the page; null when the page is empty.",
  })
  get startCursor(): string | null {
    return this.cursorAt(0);
  }

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last edge of the page, for `after`; null when the page is empty.",
  })
  get endCursor(): string | null {
    return this.cursorAt(-1);
  }
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Returns the first n items (after \`after\`), 0 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither \`first\` nor \`last\` is given. Not with \`last\`.`,
  })
  first?: number | null;

  @IsOptional()
  @MaxLength(MAX_CURSOR_LENGTH, { message: "is not a valid cursor (too long)" })
  @Field(() => String, {
    nullable: true,
    description:
      "Returns the items after this cursor (`pageInfo.endCursor` or an edge's `cursor`).",
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Returns the last n items (before \`before\`), 0 to ${MAX_PAGE_SIZE}. Not with \`first\`.`,
  })
  last?: number | null;

  @IsOptional()
  @MaxLength(MAX_CURSOR_LENGTH, { message: "is not a valid cursor (too long)" })
  @Field(() => String, {
    nullable: true,
    description:
      "Returns the items before this cursor (`pageInfo.startCursor` or an edge's `cursor`).",
  })
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  readonly edges: Edge<T>[];
  /** Makes `edges` when they are first asked for: most pages are asked for their nodes alone. */
  makeEdges: () => Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Items matching the filter, up to `countBound` + 1 when given. */
  count: () => Promise<number>;
  /** Where counting stopped (a text search's bound): past it, `totalCount` is a lower bound. */
  countBound?: number;
}

/**
 * The Relay connection of `nodeType`, named `<name>Connection` with `<name>Edge`. Shareable: a
 * subgraph returning another subgraph's entities (an incident's targeted countries) declares
 * the same type over its key-only stub.
 */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @Directive("@shareable")
  @ObjectType(`${name}Edge`, {
    simpleResolvers: true,
    description: `One ${name} of a page, with its cursor.`,
  })
  class EdgeType {
    @Field(() => String, { description: "Opaque position of this edge, for `after` or `before`." })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @Directive("@shareable")
  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${name} items: \`nodes\` (or \`edges\` with cursors), \`pageInfo\` to turn pages, \`totalCount\` over all pages.`,
  })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType], { description: "The items of the page with their cursors." })
    get edges(): Edge<T>[] {
      return (this.madeEdges ??= this.makeEdges());
    }

    makeEdges: () => Edge<T>[];
    private madeEdges?: Edge<T>[];

    @Field(() => [nodeType], { description: "The items of the page, for clients without cursors." })
    nodes: T[];

    @Field(() => PageInfo, { description: "Cursors and whether more pages exist." })
    pageInfo: PageInfo;

    count: () => Promise<number>;
    countBound?: number;

    @Field(() => Int, {
      description:
        "Number of items matching the filter, over all pages; a text search counts up to a bound (1,000 unless configured) and says so in `totalCountIsLowerBound`.",
    })
    get totalCount(): Promise<number> {
      return this.count().then((n) => Math.min(n, this.countBound ?? n));
    }

    @Field(() => Boolean, {
      description:
        "True when more items match than `totalCount` says: a text search stops counting at its bound, as search engines do, and in relevance order then ranks only the matches it counted (the most recent, or first by name), one more than the bound.",
    })
    get totalCountIsLowerBound(): Promise<boolean> {
      return this.count().then((n) => this.countBound !== undefined && n > this.countBound);
    }
  }
  return ConnectionType;
}

export type ConnectionClass<T> = new () => ConnectionShape<T>;
