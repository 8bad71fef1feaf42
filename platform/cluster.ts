import type { ChildProcess } from "node:child_process";
import cluster, { type Worker } from "node:cluster";

export interface WorkerPlan {
  workers: number;
  /** Runs once, in the primary, before any worker starts (migrations, first admin key). */
  prepare(): Promise<void>;
  /** Runs in every worker (or in this process when `workers` is 1); resolves once listening. */
  serve(): Promise<void>;
  log?: (line: string) => void;
}

/**
 * One process per worker sharing the listening port: Node.js runs JavaScript on one core per
 * process, and a gateway or subgraph is CPU-bound under load. The primary only supervises:
 * it restarts a worker that dies and stops all of them on SIGTERM / SIGINT.
 */
export async function runWorkers(plan: WorkerPlan): Promise<void> {
  if (cluster.isWorker) return plan.serve();
  await plan.prepare();
  if (plan.workers === 1) {
    await plan.serve();
    return announceListening();
  }
  const log = plan.log ?? console.log;
  let stopping = false;
  const serving = new Set<number>();
  const fork = () => {
    const worker = cluster.fork();
    worker.once("listening", () => serving.add(worker.id));
    return worker;
  };
  cluster.on("exit", (worker, code, signal) => {
    // A worker that fails while starting (bad database URL...) would fail again: give up.
    if (stopping || !serving.delete(worker.id)) return;
    log(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  relayCacheInvalidations();
  const ready = Array.from({ length: plan.workers }, () => listening(fork()));
  await Promise.all(ready);
  log(`${plan.workers} workers`);
  announceListening();
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}) as Worker[];
    let alive = workers.length;
    if (alive === 0) process.exit(0);
    for (const worker of workers) {
      worker.once("exit", () => {
        alive -= 1;
        if (alive === 0) process.exit(0);
      });
      worker.process.kill("SIGTERM");
    }
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

/** What a service tells the process that started it (`npm start`) once its port is its own. */
export const LISTENING = { type: "service:listening" } as const;

export const isListening = (message: unknown): boolean =>
  typeof message === "object" &&
  message !== null &&
  (message as { type?: unknown }).type === LISTENING.type;

/**
 * Whether `child`, spawned with an IPC channel, has said it listens (LISTENING): read by
 * `npm start`'s supervisor and by the tests' and benchmarks' process harness alike.
 */
export function listensOn(child: ChildProcess): () => boolean {
  let listening = false;
  child.on("message", (message) => (listening ||= isListening(message)));
  return () => listening;
}

/**
 * Tells the supervisor (scripts/supervisor.ts), when there is one, that this service listens:
 * until then an answer on its port may come from another server holding it.
 */
function announceListening() {
  process.send?.(LISTENING);
}

function listening(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.once("listening", () => resolve());
    worker.once("exit", (code) => reject(new Error(`worker exited with ${code} while starting`)));
  });
}

interface InvalidationMessage {
  type: "cache:invalidate" | "cache:drop" | "cache:dropped" | "cache:invalidated";
  id: string;
}

const isInvalidation = (message: unknown): message is InvalidationMessage =>
  typeof message === "object" &&
  message !== null &&
  String((message as { type?: unknown }).type).startsWith("cache:");

/**
 * Primary side of cross-worker cache invalidation: a worker's write asks every worker to drop
 * its cached reads and hears back once all have, so the next read on any worker sees the write.
 */
function relayCacheInvalidations() {
  const pending = new Map<string, { origin: Worker; waiting: Set<number> }>();
  const acknowledged = (id: string, workerId: number) => {
    const entry = pending.get(id);
    if (!entry) return;
    entry.waiting.delete(workerId);
    if (entry.waiting.size > 0) return;
    pending.delete(id);
    if (entry.origin.isConnected()) entry.origin.send({ type: "cache:invalidated", id });
  };
  cluster.on("message", (worker, message: unknown) => {
    if (!isInvalidation(message)) return;
    if (message.type === "cache:invalidate") {
      const workers = Object.values(cluster.workers ?? {}) as Worker[];
      pending.set(message.id, { origin: worker, waiting: new Set(workers.map((w) => w.id)) });
      for (const target of workers) target.send({ type: "cache:drop", id: message.id });
    } else if (message.type === "cache:dropped") {
      acknowledged(message.id, worker.id);
    }
  });
  // A worker that dies mid-invalidation must not leave the writer waiting.
  cluster.on("exit", (dead) => {
    for (const id of [...pending.keys()]) acknowledged(id, dead.id);
  });
}

/**
 * Worker side: `publish` resolves once every worker has dropped its cache. Undefined outside a
 * cluster, where the gateway's in-process invalidation is all there is.
 */
export function clusterCacheInvalidation() {
  if (!cluster.isWorker) return undefined;
  const listeners: (() => void)[] = [];
  const waiting = new Map<string, () => void>();
  let next = 0;
  process.on("message", (message: unknown) => {
    if (!isInvalidation(message)) return;
    if (message.type === "cache:drop") {
      for (const listener of listeners) listener();
      process.send?.({ type: "cache:dropped", id: message.id });
    } else if (message.type === "cache:invalidated") {
      waiting.get(message.id)?.();
      waiting.delete(message.id);
    }
  });
  return {
    publish(): Promise<void> {
      const id = `${process.pid}:${(next += 1)}`;
      return new Promise<void>((resolve) => {
        waiting.set(id, resolve);
        process.send?.({ type: "cache:invalidate", id });
      });
    },
    subscribe(onInvalidate: () => void) {
      listeners.push(onInvalidate);
    },
  };
}
