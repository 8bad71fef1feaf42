import type DataLoader from "dataloader";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { ResponseBudget } from "./budget";
import type { ConnectionArgs, ConnectionClass } from "./connection";
import { loadOrNotFound } from "./loaders";
import { Node, globalId } from "./node";
import { arrayConnection, arrayWindow } from "./pagination";
import type { ResolverMap } from "./subgraph";

/**
 * `__resolveReference` through a per-request loader. A key no row matches (a dangling reference
 * from another subgraph) is reported as NOT_FOUND at its path, never silently dropped.
 */
export function referenceResolver<C>(
  type: string,
  loader: (context: C) => DataLoader<string, unknown>,
) {
  return {
    __resolveReference: (reference: { id: string }, context: C) =>
      loadOrNotFound(loader(context), type, reference.id),
  };
}

/**
 * The `__resolveReference` of each entity type a subgraph owns, by type name, from the loader
 * of the request that reads it by id: the one declaration of a subgraph's references.
 */
export function referenceResolvers<C>(
  loaders: Record<string, (context: C) => DataLoader<string, unknown>>,
): ResolverMap {
  return Object.fromEntries(
    Object.entries(loaders).map(([type, loader]) => [type, referenceResolver(type, loader)]),
  );
}

interface StubOptions {
  resolvable?: boolean;
  fields?: (prototype: object) => void;
}

/**
 * The stub of an entity another subgraph owns: its type `name` with the key `id` alone.
 * `resolvable: false` where this subgraph only returns references and the gateway never asks it
 * for the entity; `node` where this subgraph answers `node(id:)` for it; `fields` declares
 * more fields (another subgraph's, `@external`) after the key.
 */
export function KeyStub(
  name: string,
  options: StubOptions & { node: true },
): new () => { id: string; globalId: string };
export function KeyStub(
  name: string,
  options?: StubOptions & { node?: false },
): new () => { id: string };
export function KeyStub(name: string, options: StubOptions & { node?: boolean } = {}) {
  const key = options.resolvable === false ? ", resolvable: false" : "";
  @Directive(`@key(fields: "id"${key})`)
  @ObjectType(name, { simpleResolvers: true, implements: options.node ? Node : undefined })
  class Stub {
    @Field(() => ID)
    id: string;
  }
  options.fields?.(Stub.prototype);
  if (options.node) {
    Object.defineProperty(Stub.prototype, "globalId", {
      get(this: Stub) {
        return globalId(name, this.id);
      },
    });
    Field(() => ID)(Stub.prototype, "globalId");
    Directive("@shareable")(Stub.prototype, "globalId");
  }
  return Stub;
}

/** A key-only reference to an entity another subgraph owns (or null for a missing id). */
export function ref<T extends { id: string }>(type: new () => T, id: string): T;
export function ref<T extends { id: string }>(type: new () => T, id: string | null): T | null;
export function ref<T extends { id: string }>(type: new () => T, id: string | null): T | null {
  return id === null ? null : Object.assign(new type(), { id });
}

/** A page of key-only references the record lists itself, in its order: paged in memory. */
export function referencePage<T extends { id: string }>(
  connection: ConnectionClass<T>,
  type: new () => T,
  ids: readonly string[],
  args: ConnectionArgs,
  budget: ResponseBudget,
) {
  const window = arrayWindow(args);
  return arrayConnection(
    connection,
    ids.map((id) => ref(type, id)),
    window,
    budget,
  );
}
