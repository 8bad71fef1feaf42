import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { IsNull, type DataSource, type Repository } from "typeorm";
import { type DatabaseConfig, createDataSource, migrate } from "../../platform/database";
import { ROLES, type Role } from "../../platform/identity";
import { ApiKey } from "./api-key";
import { ApiKeys1764390000000 } from "./migrations/1764390000000-api-keys";

/** Tokens read `ag_<id>_<secret>`: the id finds the row, the secret is checked against its hash. */
const TOKEN = /^ag_([a-z0-9]{8,32})_([A-Za-z0-9_-]{43})$/;

const CACHE_MS = 5_000;

const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");
/** Compared against when a token's key id is unknown; no secret hashes to it. */
const UNKNOWN_KEY_HASH = "0".repeat(64);

export class KeyStore {
  constructor(readonly db: DataSource) {}

  static async open(database: DatabaseConfig, { migrateSchema = true } = {}): Promise<KeyStore> {
    const db = createDataSource(database, {
      schema: "access",
      entities: [ApiKey],
      migrations: [ApiKeys1764390000000],
    });
    await db.initialize();
    if (migrateSchema) await migrate(db, "access");
    return new KeyStore(db);
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  create(name: string, role: Role): Promise<{ key: ApiKey; token: string }> {
    return this.createWith(this.db.getRepository(ApiKey), name, role);
  }

  private async createWith(
    repository: Repository<ApiKey>,
    name: string,
    role: Role,
  ): Promise<{ key: ApiKey; token: string }> {
    if (!ROLES.includes(role))
      throw new Error(`role must be one of ${ROLES.join(", ")}, got "${role}"`);
    if (!name.trim()) throw new Error("name must not be empty");
    const id = randomBytes(6).toString("hex");
    const secret = randomBytes(32).toString("base64url");
    const key = await repository.save({
      id,
      name: name.trim(),
      role,
      secretHash: hash(secret),
      revokedAt: null,
    });
    return { key, token: `ag_${id}_${secret}` };
  }

  /**
   * Verified keys are remembered for a few seconds: every keyed read would otherwise cost a
   * query. A revocation here is immediate; on other gateway replicas a read may pass for CACHE_MS
   * at most, a write never (`isActive` is asked for each).
   */
  private readonly verified = new Map<string, { key: ApiKey | null; until: number }>();
  /** Counts revocations: a lookup that overlapped one is not remembered. */
  private revocations = 0;

  /** The active key behind a token, or null for an unknown, revoked or malformed token. */
  async verify(token: string): Promise<ApiKey | null> {
    const cached = this.verified.get(token);
    if (cached && cached.until > Date.now()) return cached.key;
    const revocations = this.revocations;
    const key = await this.lookup(token);
    if (this.verified.size > 10_000) this.verified.clear();
    // A refused token is remembered too (a flood of unknown tokens costs no queries), for as
    // long (a new key has a new token, which no refusal was remembered for).
    if (revocations === this.revocations) {
      this.verified.set(token, { key, until: Date.now() + CACHE_MS });
    } else this.verified.delete(token);
    return key;
  }

  private async lookup(token: string): Promise<ApiKey | null> {
    const match = TOKEN.exec(token);
    if (!match) return null;
    const key = await this.db
      .getRepository(ApiKey)
      .findOneBy({ id: match[1], revokedAt: IsNull() });
    // The same hash and comparison whether the id exists or not: the timing tells nothing.
    const expected = Buffer.from(key?.secretHash ?? UNKNOWN_KEY_HASH, "hex");
    const actual = Buffer.from(hash(match[2]), "hex");
    return timingSafeEqual(expected, actual) && key ? key : null;
  }

  list(): Promise<ApiKey[]> {
    return this.db.getRepository(ApiKey).find({ order: { createdAt: "ASC" } });
  }

  async revoke(id: string): Promise<boolean> {
    const result = await this.db
      .getRepository(ApiKey)
      .update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.forget(id);
    return (result.affected ?? 0) > 0;
  }

  /**
   * Whether key `id` is still active, asked of the database past the cache: a write checks it, so
   * a revocation by any process (`npm run keys -- revoke`, another replica) stops writes at once.
   */
  async isActive(id: string): Promise<boolean> {
    const active = await this.db.getRepository(ApiKey).existsBy({ id, revokedAt: IsNull() });
    if (!active) this.forget(id);
    return active;
  }

  /** Once the row says revoked: forget the key, and any lookup still reading the row before. */
  private forget(id: string) {
    this.revocations += 1;
    for (const [token, { key }] of this.verified) if (key?.id === id) this.verified.delete(token);
  }

  /** On first start there is no admin: create one and return its token, to print once. */
  async ensureAdmin(): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      // Serialises gateway replicas starting together: exactly one first admin.
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('attribution-graph:first-admin'))");
      const admins = await tx.getRepository(ApiKey).countBy({ role: "admin", revokedAt: IsNull() });
      if (admins > 0) return null;
      return (await this.createWith(tx.getRepository(ApiKey), "first admin", "admin")).token;
    });
  }
}
