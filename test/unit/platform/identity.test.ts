import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  IDENTITY_TTL_SECONDS,
  type Identity,
  NonceStore,
  identityRefusal,
  signRequest,
  verifyRequest,
} from "../../../platform/identity";

const SECRET = "unit-test-identity-secret-of-32-characters";
const EDITOR: Identity = { keyId: "k1", role: "editor" };
const BODY = JSON.stringify({ query: '{ government(id: "us") { name } }' });

const verify = (header: string | undefined, body = BODY) =>
  verifyRequest(header, {
    audience: "governments",
    body,
    secret: SECRET,
    nonces: new NonceStore(),
  });

const sign = (overrides: { secret?: string; audience?: string; now?: number; ttl?: number } = {}) =>
  signRequest(EDITOR, {
    audience: overrides.audience ?? "governments",
    body: BODY,
    secret: overrides.secret ?? SECRET,
    now: overrides.now,
    ttlSeconds: overrides.ttl,
  });

// A subgraph trusts a request only with the gateway's signature for it: this subgraph, this
// exact body, unexpired, never seen before; each refusal names its reason.
describe("platform > identity > signRequest and verifyRequest", () => {
  it("accepts the gateway's signature once, with the caller it names", async () => {
    const header = sign();
    const nonces = new NonceStore();
    const options = { audience: "governments", body: BODY, secret: SECRET, nonces };
    expect(await verifyRequest(header, options)).toEqual({
      ok: true,
      identity: EDITOR,
      vetted: false,
      unresolved: new Set(),
      sourceConflicts: [],
      unchangedOnly: false,
    });
    expect(await verifyRequest(header, options)).toEqual({ ok: false, reason: "replayed" });
  });

  it("says when the gateway signed the request as part of an operation it admitted (vetted)", async () => {
    const nonces = new NonceStore();
    const options = { audience: "governments", body: BODY, secret: SECRET, nonces };
    const vetted = signRequest(EDITOR, {
      audience: "governments",
      body: BODY,
      secret: SECRET,
      vetted: true,
    });
    expect(await verifyRequest(vetted, options)).toEqual({
      ok: true,
      identity: EDITOR,
      vetted: true,
      unresolved: new Set(),
      sourceConflicts: [],
      unchangedOnly: false,
    });
  });

  it("carries the references the gateway found unresolved, signed: a changed list is forged", async () => {
    const nonces = new NonceStore();
    const options = { audience: "governments", body: BODY, secret: SECRET, nonces };
    const unresolved = ["Incident:gone", "ThreatActor:nobody"];
    const header = signRequest(EDITOR, {
      audience: "governments",
      body: BODY,
      secret: SECRET,
      unresolved,
    });
    expect(await verifyRequest(header, options)).toMatchObject({
      ok: true,
      unresolved: new Set(unresolved),
    });
    const [payload, signature] = signRequest(EDITOR, {
      audience: "governments",
      body: BODY,
      secret: SECRET,
      unresolved,
    }).split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    claims.unresolved = [];
    const tampered = `${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
    expect(await verifyRequest(tampered, options)).toEqual({ ok: false, reason: "forged" });
  });

  it.each([
    ["missing", () => undefined],
    ["malformed", () => "no-dot-here"],
    ["malformed", () => `${sign()}.extra`],
    ["forged", () => sign({ secret: "another-secret-of-at-least-32-characters" })],
    ["wrong-audience", () => sign({ audience: "incidents" })],
    ["expired", () => sign({ now: Date.now() - (IDENTITY_TTL_SECONDS + 1) * 1000 })],
    ["malformed", () => sign({ ttl: 3600 })],
  ])("refuses a %s signature", async (reason, header) => {
    expect(await verify(header())).toEqual({ ok: false, reason });
  });

  it("refuses a signature for another body, however small the change", async () => {
    expect(await verify(sign(), BODY.replace("us", "cn"))).toEqual({
      ok: false,
      reason: "body-mismatch",
    });
  });

  it("refuses claims that do not parse, even when signed with the secret", async () => {
    const payload = Buffer.from(JSON.stringify({ role: "root" })).toString("base64url");
    const mac = createHmac("sha256", SECRET).update(payload).digest("base64url");
    expect(await verify(`${payload}.${mac}`)).toEqual({ ok: false, reason: "malformed" });
  });

  it("answers each refusal as UNAUTHENTICATED 401 with its reason, a full nonce store as 503", () => {
    expect(identityRefusal("replayed").extensions).toEqual({
      code: "UNAUTHENTICATED",
      reason: "replayed",
      http: { status: 401 },
    });
    expect(identityRefusal("replayed").message).toBe(
      "the identity header was already used (replayed)",
    );
    expect(identityRefusal("busy").extensions).toEqual({
      code: "SERVICE_UNAVAILABLE",
      http: { status: 503 },
    });
  });
});

// Each process remembers the nonces it accepted until they expire, and no more than its capacity.
describe("platform > identity > nonce store", () => {
  it("accepts a nonce once, forgets it when it expires, and refuses when full", () => {
    const now = Date.now();
    const exp = Math.floor(now / 1000) + 10;
    const store = new NonceStore(2);
    expect(store.claim("a", exp, now)).toBe("fresh");
    expect(store.claim("a", exp, now)).toBe("seen");
    expect(store.claim("b", exp, now)).toBe("fresh");
    expect(store.claim("c", exp, now)).toBe("full");
    const later = (exp + 1) * 1000;
    expect(store.claim("c", exp + 10, later)).toBe("fresh");
    expect(store.claim("a", exp + 10, later)).toBe("fresh");
  });

  it("refuses a request as busy rather than forget a nonce early", async () => {
    const full = new NonceStore(0);
    const check = await verifyRequest(sign(), {
      audience: "governments",
      body: BODY,
      secret: SECRET,
      nonces: full,
    });
    expect(check).toEqual({ ok: false, reason: "busy" });
  });
});

describe("platform > identity > what a record write's signature carries", () => {
  it("carries the sources other subgraphs store otherwise, signed: a changed list is forged", async () => {
    const nonces = new NonceStore();
    const options = { audience: "governments", body: BODY, secret: SECRET, nonces };
    const sourceConflicts = [{ field: "upsertStatement", key: "k", message: "incidents: ..." }];
    const sign = () =>
      signRequest(EDITOR, { audience: "governments", body: BODY, secret: SECRET, sourceConflicts });
    expect(await verifyRequest(sign(), options)).toMatchObject({ ok: true, sourceConflicts });
    const [payload, signature] = sign().split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    claims.sourceConflicts = [];
    const tampered = `${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
    expect(await verifyRequest(tampered, options)).toEqual({ ok: false, reason: "forged" });
  });

  it("says when a write may only answer UNCHANGED, signed: a claim other than true is malformed", async () => {
    const nonces = new NonceStore();
    const options = { audience: "governments", body: BODY, secret: SECRET, nonces };
    const sign = () =>
      signRequest(EDITOR, {
        audience: "governments",
        body: BODY,
        secret: SECRET,
        unchangedOnly: true,
      });
    expect(await verifyRequest(sign(), options)).toMatchObject({ ok: true, unchangedOnly: true });
    const [payload] = sign().split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    claims.unchangedOnly = "yes";
    const resigned = Buffer.from(JSON.stringify(claims)).toString("base64url");
    const mac = createHmac("sha256", SECRET).update(resigned).digest("base64url");
    expect(await verifyRequest(`${resigned}.${mac}`, options)).toEqual({
      ok: false,
      reason: "malformed",
    });
  });
});
