import { randomBytes } from "node:crypto";
import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import { IDENTITY_HEADER, type Identity, signRequest } from "../platform/identity";

type Fetcher = NonNullable<RemoteGraphQLDataSource["fetcher"]>;

/**
 * Who the peer gateways call the subgraphs as: the benchmark's clients send no API key, so our
 * gateway signs every one of their requests as this anonymous reader too.
 */
export const ANONYMOUS_READER: Identity = { keyId: null, role: "reader" };

/**
 * The IDENTITY_SECRET of one benchmark run, made once and given to every subgraph and every
 * gateway of it, ours and the peers alike (as IDENTITY_SECRET to processes).
 */
export function newIdentitySecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The identity header for one request to subgraph `audience` with exactly `body`. */
export function signForSubgraph(audience: string, body: string | Uint8Array, secret: string) {
  return signRequest(ANONYMOUS_READER, { audience, body, secret });
}

/**
 * `fetcher` (a RemoteGraphQLDataSource's own) with each request to subgraph `audience` signed
 * for its body, as our gateway's fetcher signs it; nothing else is added.
 */
export function signingFetcher(audience: string, secret: string, fetcher: Fetcher): Fetcher {
  return (url, init = {}) => {
    if (init.body === undefined) return fetcher(url, init);
    const identity = signForSubgraph(audience, init.body, secret);
    return fetcher(url, { ...init, headers: { ...init.headers, [IDENTITY_HEADER]: identity } });
  };
}
