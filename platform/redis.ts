import type { KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import { Redis } from "ioredis";
import type { RedisConfig } from "./config";
import type { NonceClaim, NonceStore, Nonces } from "./identity";

/** `up`; `down`: not connected; `timeout`: connected, but a command missed its deadline. */
export type RedisState = "up" | "down" | "timeout";

/** While stalled, Redis is asked (PING) this often whether it answers again. */
const PROBE_INTERVAL_MS = 500;

/**
 * The Redis client of a process and what it knows of Redis's health. Callers use Redis only while
 * it is `up`, and fall back to their per-process behaviour otherwise: a stopped Redis refuses
 * commands at once (no offline queue), a stalled one (frozen, overloaded, a network black hole)
 * costs one command's deadline, after which every caller bypasses it until a probe answers.
 */
export class SharedRedis {
  private stalled = false;
  private probe: NodeJS.Timeout | undefined;
  private readonly recoveryListeners: (() => void)[] = [];

  constructor(readonly client: Redis) {
    client.on("ready", () => this.recovered());
    // A reconnection starts afresh, stalled or not.
    client.on("close", () => this.endStall());
  }

  get state(): RedisState {
    if (this.client.status !== "ready") return "down";
    return this.stalled ? "timeout" : "up";
  }

  get usable(): boolean {
    return this.state === "up";
  }

  /** Called on every (re)connection and when a stall ends: what was missed may be stale. */
  onRecovered(listener: () => void): void {
    this.recoveryListeners.push(listener);
  }

  /** Runs `command` if Redis is usable (else rejects at once), noting a missed deadline. */
  async run<T>(command: (client: Redis) => Promise<T>): Promise<T> {
    if (!this.usable) throw new Error(`Redis is ${this.state}`);
    try {
      return await command(this.client);
    } catch (error) {
      this.noteFailure(error);
      throw error;
    }
  }

  /** A command that missed its deadline marks Redis as stalled until a PING answers. */
  noteFailure(error: unknown): void {
    if (this.stalled || !(error instanceof Error) || error.message !== "Command timed out") return;
    this.stalled = true;
    this.probe = setInterval(() => {
      this.client.ping().then(
        () => this.stalled && this.recovered(),
        () => undefined,
      );
    }, PROBE_INTERVAL_MS);
    this.probe.unref();
  }

  quit(): Promise<unknown> {
    clearInterval(this.probe);
    return this.client.quit().catch(() => undefined);
  }

  private recovered() {
    this.endStall();
    for (const listener of this.recoveryListeners) listener();
  }

  private endStall() {
    clearInterval(this.probe);
    this.probe = undefined;
    this.stalled = false;
  }
}

/**
 * A client that never queues commands while Redis is down (they fail at once, and the callers
 * fall back to their per-process behaviour), gives every command `commandTimeoutMs`, and
 * reconnects by itself.
 */
export function connectRedis(config: RedisConfig, name: string): SharedRedis {
  const redis = new Redis(config.url, {
    connectionName: `attribution-graph:${name}`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: config.commandTimeoutMs,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Errors are answered by each caller's fallback; an unhandled 'error' event would crash.
  redis.on("error", () => undefined);
  return new SharedRedis(redis);
}

/**
 * Apollo's KeyValueCache over Redis, for the response cache shared by every gateway replica. A
 * failed command reads as a miss and writes nothing: the caller's answer is computed, never an
 * error. (A few lines over ioredis: Apollo's own Redis adapter needs Keyv and a second Redis
 * client library.)
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: SharedRedis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    if (!this.redis.usable) return undefined;
    return (await this.redis.run((c) => c.get(this.prefix + key)).catch(() => null)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (!this.redis.usable) return;
    const ttl = options?.ttl;
    await this.redis
      .run((c) =>
        ttl
          ? c.set(this.prefix + key, value, "EX", Math.ceil(ttl))
          : c.set(this.prefix + key, value),
      )
      .catch(() => undefined);
  }

  async delete(key: string): Promise<boolean | void> {
    if (!this.redis.usable) return;
    await this.redis.run((c) => c.del(this.prefix + key)).catch(() => undefined);
  }
}

/**
 * Used identity nonces remembered in Redis until their signature expires, so a header captured
 * on its way to one replica of a subgraph cannot be replayed to another. Also kept in this
 * process, which is all there is while Redis is down or stalled.
 */
export class RedisNonces implements Nonces {
  constructor(
    private readonly redis: SharedRedis,
    private readonly local: NonceStore,
  ) {}

  async claim(nonce: string, exp: number, now = Date.now()): Promise<NonceClaim> {
    const here = this.local.claim(nonce, exp, now);
    if (here !== "fresh" || !this.redis.usable) return here;
    try {
      const set = await this.redis.run((c) =>
        c.set(`attribution-graph:nonce:${nonce}`, "1", "EXAT", exp, "NX"),
      );
      return set ? "fresh" : "seen";
    } catch {
      return here;
    }
  }
}

/**
 * Redis down or stalled takes no replica out (each falls back to per-process state), so it
 * answers 200 and says so: `{ status: "degraded", redis: "timeout" }`. A PING within the command
 * deadline tells a stall even when no request has met one yet.
 */
export async function redisHealth(redis: SharedRedis) {
  await redis.run((client) => client.ping()).catch(() => undefined);
  const state = redis.state;
  return state === "up" ? { redis: "ok" } : { status: "degraded", redis: state };
}
