import type { ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, Kind, getVariableValues, visit } from "graphql";
import { type Cost, operationCost } from "./cost";
import { ErrorCode, apiError } from "./errors";
import type { FieldSizes } from "./field-sizes";
import type { ListSizes } from "./list-sizes";

/** Names of the variables a document passes straight to a slicing argument: the cost's inputs. */
function slicingVariables(document: DocumentNode, sizes: ListSizes): string[] {
  const slicing = new Set<string>();
  for (const size of sizes.values()) for (const name of size.slicingArguments) slicing.add(name);
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (slicing.has(node.name.value) && node.value.kind === Kind.VARIABLE)
        names.add(node.value.name.value);
    },
  });
  return [...names];
}

interface DocumentCosts {
  variables: string[];
  costs: Map<string, Cost>;
}

const MAX_CACHED_COSTS = 64;

/** The gateway's byte rule: an answer whose worst case passes `maxBytes` is refused. */
export interface ByteLimit {
  maxBytes: number;
  fieldSizes: FieldSizes;
}

/** Requests whose verdict another process already gave (a subgraph trusts the gateway's). */
export type Trusted = (context: unknown) => boolean;

/**
 * Refuses an operation whose estimated answer exceeds `maxCost` fields (fields x list sizes),
 * or, given `bytes`, `bytes.maxBytes` bytes (each leaf at its longest value x list sizes).
 * A `trusted` request is not costed again.
 */
export function costPlugin(
  maxCost: number,
  sizes: ListSizes,
  bytes?: ByteLimit,
  trusted: Trusted = () => false,
): ApolloServerPlugin {
  // Keyed by the DocumentNode Apollo caches per query text, then by the slicing inputs.
  const cache = new WeakMap<DocumentNode, DocumentCosts>();
  const byteLimit = bytes && { fieldSizes: bytes.fieldSizes, limit: bytes.maxBytes };
  return {
    async requestDidStart({ contextValue }) {
      if (trusted(contextValue)) return;
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          let entry = cache.get(document);
          if (!entry) {
            entry = { variables: slicingVariables(document, sizes), costs: new Map() };
            cache.set(document, entry);
          }
          // The cost depends on the slicing variables alone (they key the cache): only those are
          // coerced per request, not a subgraph's whole `representations` list; all of them only
          // when the cost must be computed.
          const definitions = operation.variableDefinitions ?? [];
          const slicing = new Set(entry.variables);
          const coerce = (only?: Set<string>) =>
            getVariableValues(
              schema,
              only ? definitions.filter((d) => only.has(d.variable.name.value)) : definitions,
              request.variables ?? {},
            );
          const coerced = coerce(slicing);
          // The gateway refuses bad variables with BAD_USER_INPUT before planning anything.
          if (coerced.errors) return;
          const inputs = entry.variables.map((name) => {
            const value = coerced.coerced[name];
            return Array.isArray(value) ? `[${value.length}]` : (value ?? String(value));
          });
          const key = JSON.stringify([operation.name?.value, inputs]);
          let cost = entry.costs.get(key);
          if (cost === undefined) {
            const all = coerce();
            if (all.errors) return;
            const estimate = operationCost(
              schema,
              document,
              operation,
              all.coerced,
              sizes,
              maxCost,
              byteLimit,
            );
            cost = { fields: estimate.cost, bytes: estimate.bytes };
            if (entry.costs.size >= MAX_CACHED_COSTS) entry.costs.clear();
            entry.costs.set(key, cost);
          }
          refuseOver(cost, maxCost, bytes?.maxBytes);
        },
      };
    },
  };
}

function refuseOver({ fields, bytes }: Cost, maxCost: number, maxBytes: number | undefined) {
  if (fields > maxCost) {
    throw apiError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `the query is too expensive: estimated cost at least ${fields}, over the limit of ${maxCost}; ask for smaller pages (first) or fewer nested lists`,
      { cost: fields, maxCost },
      400,
    );
  }
  if (maxBytes !== undefined && bytes > maxBytes) {
    throw apiError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `the answer's worst case is at least ${bytes} bytes (every text at its maximum length), over the limit of ${maxBytes} bytes (MAX_WORST_CASE_BYTES); ask for smaller pages (first), fewer nested lists or fewer long text fields`,
      { worstCaseBytes: bytes, maxWorstCaseBytes: maxBytes },
      400,
    );
  }
}
