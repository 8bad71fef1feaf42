import { createHmac, hash, randomUUID, timingSafeEqual } from "node:crypto";
import type { GraphQLError } from "graphql";
import { ErrorCode, apiError } from "./errors";

/** Who is calling, as established by the gateway from the caller's API key. */
export type Role = "reader" | "editor" | "admin";

export interface Identity {
  /** API key id, or null for an anonymous reader. */
  keyId: string | null;
  role: Role;
}

export const IDENTITY_HEADER = "x-attribution-identity";
export const ROLES: readonly Role[] = ["reader", "editor", "admin"];

/** How long a signature is valid: one fetch, not a session. */
export const IDENTITY_TTL_SECONDS = 10;

/** The longest validity a subgraph accepts, which bounds how long it remembers a nonce. */
const MAX_TTL_SECONDS = 60;

/**
 * What the gateway signs for one request to one subgraph (HMAC-SHA256 with IDENTITY_SECRET):
 * the caller, the subgraph it is for, the exact body, a one-time nonce and a short expiry. The
 * header reads `<base64url JSON claims>.<base64url HMAC of the first part>`.
 */
interface Claims {
  keyId: string | null;
  role: Role;
  /** The subgraph's name. */
  aud: string;
  /** SHA-256 of the body bytes, base64url. */
  sha256: string;
  nonce: string;
  /** Unix seconds. */
  exp: number;
  /** The gateway admitted the operation this request is part of (cost, depth, inputs). */
  vetted?: true;
  /** Records a write names that the gateway found nowhere in the graph: "Incident:x". */
  unresolved?: string[];
  /** Sources a write sends that another subgraph stores otherwise (gateway/record-sources.ts). */
  sourceConflicts?: SourceConflict[];
  /** The other subgraphs were not asked about the writes' sources: write only what is unchanged. */
  unchangedOnly?: true;
}

/** At most this many unresolved references travel with one request (a header is bounded). */
export const MAX_UNRESOLVED_CLAIMS = 200;

/**
 * The headers a subgraph accepts, for the signed claims at their maxima (200 references of 300
 * characters and 16 conflicts of 1,200, base64url: about 110 KB). Only the gateway calls a
 * subgraph, and an unsigned request is refused right after its headers.
 */
export const SUBGRAPH_MAX_HEADER_BYTES = 128 * 1024;

/**
 * A source a record write sends (`field`: the write's response key) that another subgraph
 * stores with another definition: the subgraph answers it as the write's SOURCE_CONFLICT.
 */
export interface SourceConflict {
  field: string;
  key: string;
  message: string;
}

/**
 * At most this many source conflicts travel with one request: a header is bounded (16 KB by
 * default in Node), and one conflict per write is enough to refuse it.
 */
export const MAX_SOURCE_CONFLICT_CLAIMS = 16;

/** At most this many sources in one `upsertSources` (the gateway's checks, sent in parts). */
export const MAX_SOURCE_CHECKS = 500;

export interface SignOptions {
  audience: string;
  body: string | Uint8Array;
  secret: string;
  ttlSeconds?: number;
  now?: number;
  /** Signed by the gateway for an operation it checked: the subgraph need not check it again. */
  vetted?: boolean;
  /** References of the operation's writes that no subgraph holds ("Incident:x"). */
  unresolved?: string[];
  /** The sources of the operation's writes that other subgraphs store otherwise. */
  sourceConflicts?: SourceConflict[];
  /** The operation's record writes may answer UNCHANGED and nothing else (record-sources.ts). */
  unchangedOnly?: boolean;
}

export function signRequest(
  identity: Identity,
  {
    audience,
    body,
    secret,
    ttlSeconds = IDENTITY_TTL_SECONDS,
    now = Date.now(),
    vetted = false,
    unresolved = [],
    sourceConflicts = [],
    unchangedOnly = false,
  }: SignOptions,
): string {
  const claims: Claims = {
    keyId: identity.keyId,
    role: identity.role,
    aud: audience,
    sha256: sha256(body),
    // From Node's pool of random bytes: randomBytes(16) asked OpenSSL on every signature.
    nonce: randomUUID(),
    exp: Math.floor(now / 1000) + ttlSeconds,
    ...(vetted ? { vetted: true as const } : {}),
    ...(unresolved.length ? { unresolved: unresolved.slice(0, MAX_UNRESOLVED_CLAIMS) } : {}),
    ...(sourceConflicts.length
      ? { sourceConflicts: sourceConflicts.slice(0, MAX_SOURCE_CONFLICT_CLAIMS) }
      : {}),
    ...(unchangedOnly ? { unchangedOnly: true as const } : {}),
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${hmac(payload, secret)}`;
}

const FAILURES = {
  missing: "no signed identity (missing): a subgraph answers only requests the gateway signed",
  malformed: "the identity header is malformed",
  forged: "the identity header's signature is invalid (forged)",
  "wrong-audience": "the identity header was signed for another subgraph (wrong audience)",
  expired: "the identity header has expired",
  "body-mismatch": "the identity header was signed for another request body (body mismatch)",
  replayed: "the identity header was already used (replayed)",
} as const;

export type IdentityFailure = keyof typeof FAILURES | "busy";

export type IdentityCheck =
  | {
      ok: true;
      identity: Identity;
      vetted: boolean;
      unresolved: Set<string>;
      sourceConflicts: SourceConflict[];
      unchangedOnly: boolean;
    }
  | { ok: false; reason: IdentityFailure };

export interface VerifyOptions {
  /** This subgraph's name. */
  audience: string;
  /** The raw body as received. */
  body: string | Uint8Array;
  secret: string;
  nonces: Nonces;
  now?: number;
}

/** Checks, in order: present, well-formed, signed, for us, not expired, for this body, new. */
export async function verifyRequest(
  header: string | undefined,
  options: VerifyOptions,
): Promise<IdentityCheck> {
  const fail = (reason: IdentityFailure): IdentityCheck => ({ ok: false, reason });
  const now = options.now ?? Date.now();
  if (!header) return fail("missing");
  const [payload, signature, extra] = header.split(".");
  if (!payload || !signature || extra !== undefined) return fail("malformed");
  if (!sameText(hmac(payload, options.secret), signature)) return fail("forged");
  const claims = parseClaims(payload);
  if (!claims) return fail("malformed");
  if (claims.aud !== options.audience) return fail("wrong-audience");
  if (claims.exp * 1000 < now) return fail("expired");
  if (claims.exp * 1000 > now + MAX_TTL_SECONDS * 1000) return fail("malformed");
  if (!sameText(sha256(options.body), claims.sha256)) return fail("body-mismatch");
  const seen = await options.nonces.claim(claims.nonce, claims.exp, now);
  if (seen !== "fresh") return fail(seen === "seen" ? "replayed" : "busy");
  return {
    ok: true,
    identity: { keyId: claims.keyId, role: claims.role },
    vetted: claims.vetted === true,
    unresolved: new Set(claims.unresolved ?? []),
    sourceConflicts: claims.sourceConflicts ?? [],
    unchangedOnly: claims.unchangedOnly === true,
  };
}

/** The error a subgraph answers a request whose identity failed `reason` with. */
export function identityRefusal(reason: IdentityFailure): GraphQLError {
  if (reason === "busy") {
    return apiError(
      ErrorCode.SERVICE_UNAVAILABLE,
      "too many requests in the last seconds to guard against replays; retry",
      {},
      503,
    );
  }
  return apiError(ErrorCode.UNAUTHENTICATED, FAILURES[reason], { reason }, 401);
}

export type NonceClaim = "fresh" | "seen" | "full";

/** Where used nonces are remembered: this process (NonceStore) or every replica (Redis). */
export interface Nonces {
  claim(nonce: string, exp: number, now?: number): NonceClaim | Promise<NonceClaim>;
}

/**
 * The nonces of accepted signatures, each until its signature expires, grouped by expiry
 * second: a replay carries the same signed expiry, so one group is looked at, and whole groups
 * are dropped as they expire. At most `capacity` are held (10 MB or so); when that many
 * signatures are still valid, requests are refused (SERVICE_UNAVAILABLE) rather than a nonce
 * forgotten early. Per process: with several replicas or WORKERS > 1, a captured header could
 * be replayed once to each other process of the same subgraph within its expiry, with the
 * same body, so repeating the very request the gateway sent; a shared store would close that.
 */
export class NonceStore implements Nonces {
  private readonly byExpiry = new Map<number, Set<string>>();
  private size = 0;

  constructor(readonly capacity = 100_000) {}

  /** Remembers `nonce` until `exp` (unix seconds); "seen" if it already was. */
  claim(nonce: string, exp: number, now = Date.now()): "fresh" | "seen" | "full" {
    for (const [expiry, nonces] of this.byExpiry) {
      if (expiry * 1000 >= now) continue;
      this.byExpiry.delete(expiry);
      this.size -= nonces.size;
    }
    let nonces = this.byExpiry.get(exp);
    if (nonces?.has(nonce)) return "seen";
    if (this.size >= this.capacity) return "full";
    if (!nonces) this.byExpiry.set(exp, (nonces = new Set()));
    nonces.add(nonce);
    this.size += 1;
    return "fresh";
  }
}

function parseClaims(payload: string): Claims | null {
  let claims: Partial<Record<keyof Claims, unknown>>;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const text = (value: unknown, max: number) =>
    typeof value === "string" && value.length > 0 && value.length <= max;
  const valid =
    !!claims &&
    (claims.keyId === null || text(claims.keyId, 100)) &&
    ROLES.includes(claims.role as Role) &&
    text(claims.aud, 100) &&
    text(claims.sha256, 100) &&
    text(claims.nonce, 100) &&
    Number.isSafeInteger(claims.exp) &&
    (claims.vetted === undefined || claims.vetted === true) &&
    (claims.unchangedOnly === undefined || claims.unchangedOnly === true) &&
    (claims.unresolved === undefined ||
      (Array.isArray(claims.unresolved) &&
        claims.unresolved.length <= MAX_UNRESOLVED_CLAIMS &&
        claims.unresolved.every((reference) => text(reference, 300)))) &&
    (claims.sourceConflicts === undefined ||
      (Array.isArray(claims.sourceConflicts) &&
        claims.sourceConflicts.length <= MAX_SOURCE_CONFLICT_CLAIMS &&
        claims.sourceConflicts.every(
          (c: Partial<SourceConflict> | null) =>
            !!c && text(c.field, 300) && text(c.key, 300) && text(c.message, 600),
        )));
  return valid ? (claims as Claims) : null;
}

const sha256 = (body: string | Uint8Array) => hash("sha256", body, "base64url");

function hmac(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

function sameText(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}
