import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatSoak } from "../../../bench/soak/report";
import { runSoak } from "../../../bench/soak/runner";
import { datasetDatabase, dropDatabase } from "../../../harness/database";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

/**
 * A full GC before each memory sample, so that the samples measure live memory and not how much
 * garbage happens to be waiting. `npm run soak` gets it from `node --expose-gc`; vitest's worker
 * does not have that flag, so turn it on here and take `gc` from a fresh context.
 */
function forceGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
}

// The short soak of `npm run soak` (bench/soak/): 10 seconds of reads and writes through the
// whole federation, then the same checks: no unexplained error, every acknowledged write present.
describe("bench > soak > a short run", () => {
  const serverUrl = inject("serverUrl");
  let databaseUrl: string;
  let federation: TestFederation;
  beforeAll(async () => {
    databaseUrl = await datasetDatabase(serverUrl, "soak");
    federation = await startTestFederation(databaseUrl, {
      production: true,
      introspection: false,
      // The soak measures the service, not the per-key rate limiter.
      limits: { rateLimitPerMinute: 1_000_000_000 },
    });
  });
  afterAll(async () => {
    await federation?.stop();
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });

  it("serves a read/write mix with no unexplained error and loses no acknowledged write", async () => {
    const result = await runSoak({
      gatewayUrl: federation.gatewayUrl,
      editorToken: await federation.token("editor"),
      durationMs: 10_000,
      concurrency: 4,
      writeRatio: 0.3,
      gc: forceGc(),
    });
    console.log(formatSoak(result).join("\n"));

    expect(result.requests).toBeGreaterThan(0);
    expect(result.errorsByCode).toEqual({});
    expect(result.unexplainedErrors).toBe(0);
    expect(result.acknowledgedWrites.created).toBeGreaterThan(0);
    // Half the writes re-send an acknowledged statement once there is one (coin flips: check only
    // when there were enough writes for a run of ten new statements to be near impossible).
    if (result.acknowledgedWrites.total >= 10) {
      const { updated, unchanged } = result.acknowledgedWrites;
      expect(updated + unchanged).toBeGreaterThan(0);
    }
    expect(result.missing).toEqual([]);
    expect(result.verifiedPresent).toBe(result.statementsWritten);
    expect(result.ok).toBe(true);

    // Memory is reported; the assertion is deliberately generous. Ten seconds are mostly warm-up,
    // and the vitest worker's heap (transformed modules, other suites' leftovers) shares the
    // process, so only a gross leak (heap up by half between the second and the last quarter)
    // fails here; the flatness verdict comes from `npm run soak` over minutes. No wall-clock
    // assertion: the figures depend on the machine.
    expect(result.memory.samples).toBeGreaterThanOrEqual(8);
    expect(result.memory.heapUsed.growthPct).toBeLessThan(50);
  });
});
