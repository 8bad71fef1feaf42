import type { IncomingMessage } from "node:http";
import type { DataSource } from "typeorm";
import {
  IDENTITY_HEADER,
  NonceStore,
  identityRefusal,
  verifyRequest,
} from "../../platform/identity";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../../platform/limits";
import { RedisNonces } from "../../platform/redis";
import { DEFAULT_MAX_RESPONSE_NODES, ResponseBudget } from "./budget";
import { BytesInFlight, DEFAULT_MAX_BYTES_IN_FLIGHT } from "../../platform/bytes-in-flight";
import { DEFAULT_TEXT_COUNT_BOUND } from "./config";
import type { SubgraphConfig, SubgraphContext, SubgraphDefinition } from "./subgraph";

/** Before anything is parsed: a request the gateway did not sign for this body is refused. */
export function signedContext<L>(
  definition: SubgraphDefinition<L>,
  config: SubgraphConfig,
  dataSource: DataSource,
) {
  const nonces = config.redis ? new RedisNonces(config.redis, new NonceStore()) : new NonceStore();
  const inFlight = new BytesInFlight(config.maxBytesInFlight ?? DEFAULT_MAX_BYTES_IN_FLIGHT);
  return async (
    req: IncomingMessage,
    requestId: string,
    body: Buffer,
  ): Promise<SubgraphContext<L>> => {
    const identity = await verifyRequest(headerValue(req.headers[IDENTITY_HEADER]), {
      audience: definition.name,
      body,
      secret: config.identitySecret,
      nonces,
    });
    if (!identity.ok) throw identityRefusal(identity.reason);
    const budget = new ResponseBudget(
      config.maxResponseNodes ?? DEFAULT_MAX_RESPONSE_NODES,
      config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      inFlight,
    );
    return {
      requestId,
      db: dataSource,
      budget,
      loaders: definition.createLoaders(dataSource, budget),
      identity: identity.identity,
      textCountBound: config.textCountBound ?? DEFAULT_TEXT_COUNT_BOUND,
      vetted: identity.vetted,
      unresolved: identity.unresolved,
      sourceConflicts: identity.sourceConflicts,
      unchangedOnly: identity.unchangedOnly,
    };
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
