import type { ServerResponse } from "node:http";
/** How much work a server takes on at once; beyond it requests wait, then are turned away. */
export interface AdmissionLimits {
  /** Requests run at once, all clients together. */
  maxConcurrent: number;
  /** Requests one client (address) runs at once: one client cannot take every slot. */
  maxPerClient: number;
  /** Requests waiting for a slot; more are refused at once. */
  maxQueued: number;
  /** How long a request may wait for a slot before it is refused. */
  queueTimeoutMs: number;
}

export const DEFAULT_ADMISSION: AdmissionLimits = {
  maxConcurrent: 32,
  maxPerClient: 8,
  maxQueued: 256,
  queueTimeoutMs: 10_000,
};

/** Thrown when a request gets no slot: answered 503 with `retry-after`. */
export class Overloaded extends Error {
  constructor(readonly reason: "queue full" | "waited too long") {
    super(reason);
  }
}

interface Waiter {
  client: string;
  admit(): void;
  timer: NodeJS.Timeout;
}

/**
 * Admission control, first come first served among the clients that are under their own limit.
 * Hand-written because the libraries on npm (p-limit, bottleneck) have no per-key fairness
 * and no bound on their queue.
 */
/**
 * Admits a request and frees its slot when its response closes. Callers ask once the request's
 * body has arrived (serveGraphQL; TAXII routes are GET-only): a slow sender never holds a slot. A client that leaves while the
 * request waits must not take the slot with it: its 'close' has fired by the time the slot is
 * granted, so a listener added then would never run. Answers false when the client has left.
 */
export async function admitUntilClosed(
  admission: AdmissionControl,
  client: string,
  res: ServerResponse,
): Promise<boolean> {
  let gone = false;
  const leave = () => (gone = true);
  res.once("close", leave);
  const release = await admission.admit(client);
  res.off("close", leave);
  if (gone) {
    release();
    return false;
  }
  res.once("close", release);
  return true;
}

export class AdmissionControl {
  private running = 0;
  private readonly perClient = new Map<string, number>();
  private readonly queue: Waiter[] = [];

  constructor(readonly limits: AdmissionLimits) {}

  /** Resolves with the function that frees the slot, once the request may run. */
  admit(client: string): Promise<() => void> {
    if (this.fits(client)) return Promise.resolve(this.take(client));
    if (this.queue.length >= this.limits.maxQueued)
      return Promise.reject(new Overloaded("queue full"));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        client,
        admit: () => resolve(this.take(client)),
        timer: setTimeout(() => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          reject(new Overloaded("waited too long"));
        }, this.limits.queueTimeoutMs),
      };
      this.queue.push(waiter);
    });
  }

  get load() {
    return { running: this.running, queued: this.queue.length };
  }

  private fits(client: string): boolean {
    return (
      this.running < this.limits.maxConcurrent &&
      (this.perClient.get(client) ?? 0) < this.limits.maxPerClient
    );
  }

  private take(client: string): () => void {
    this.running += 1;
    this.perClient.set(client, (this.perClient.get(client) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left) this.perClient.set(client, left);
      else this.perClient.delete(client);
      this.next();
    };
  }

  private next(): void {
    const index = this.queue.findIndex((waiter) => this.fits(waiter.client));
    if (index < 0) return;
    const [waiter] = this.queue.splice(index, 1);
    clearTimeout(waiter.timer);
    waiter.admit();
  }
}
