import { createHmac, timingSafeEqual } from "node:crypto";

/** Who is calling, as established by the gateway from the caller's API key. */
export type Role = "reader" | "editor" | "admin";

export interface Identity {
  /** API key id, or null for an anonymous reader. */
  keyId: string | null;
  role: Role;
}

export const IDENTITY_HEADER = "x-attribution-identity";
export const ROLES: readonly Role[] = ["reader", "editor", "admin"];

/**
 * The gateway signs the caller's identity for the subgraphs (HMAC-SHA256 over the payload, with
 * an expiry), so a request sent straight to a subgraph port cannot claim to be an editor.
 */
export function signIdentity(
  identity: Identity,
  secret: string,
  ttlSeconds = 60,
  now = Date.now(),
) {
  const payload = Buffer.from(
    JSON.stringify({ k: identity.keyId, r: identity.role, e: Math.floor(now / 1000) + ttlSeconds }),
  ).toString("base64url");
  return `${payload}.${hmac(payload, secret)}`;
}

export type IdentityCheck =
  | { ok: true; identity: Identity }
  | { ok: false; reason: "missing" | "malformed" | "forged" | "expired" };

export function verifyIdentity(
  header: string | undefined,
  secret: string,
  now = Date.now(),
): IdentityCheck {
  if (!header) return { ok: false, reason: "missing" };
  const [payload, signature, extra] = header.split(".");
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(hmac(payload, secret));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, reason: "forged" };
  }
  let claims: { k?: unknown; r?: unknown; e?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof claims.e !== "number" || claims.e * 1000 < now)
    return { ok: false, reason: "expired" };
  if (!ROLES.includes(claims.r as Role) || (claims.k !== null && typeof claims.k !== "string")) {
    return { ok: false, reason: "malformed" };
  }
  return { ok: true, identity: { keyId: claims.k as string | null, role: claims.r as Role } };
}

function hmac(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}
