import { Agent, request as undiciRequest } from "undici";
import { API_ROOT } from "../stix/taxii/endpoints";
import { TAXII_MEDIA_TYPE } from "../stix/taxii/media";
import { round } from "./measure";

export type PageEndpoint = "objects" | "manifest";

export interface PageFigures {
  p50Ms: number;
  p99Ms: number;
  pages: number;
  /** Objects (or manifest entries) per page, on average: a page of 100 should hold 100. */
  perPage: number;
}

interface Envelope {
  more?: boolean;
  next?: string;
  objects?: unknown[];
}

/**
 * One TAXII client paging a collection: `limit` per page, following `next`, back to the first
 * page after the last. Each GET must answer 200 with an envelope, or the run stops.
 */
export class TaxiiPager {
  private next: string | undefined;
  private readonly agent = new Agent({ connections: 1, pipelining: 1 });

  constructor(
    private readonly gatewayUrl: string,
    private readonly collection: string,
    private readonly endpoint: PageEndpoint,
    private readonly limit = 100,
  ) {}

  /** GETs the next page; its object count. */
  async page(): Promise<number> {
    const url = new URL(
      `taxii2/${API_ROOT}/collections/${this.collection}/${this.endpoint}/`,
      this.gatewayUrl,
    );
    url.searchParams.set("limit", String(this.limit));
    if (this.next) url.searchParams.set("next", this.next);
    const response = await undiciRequest(url, {
      headers: { accept: TAXII_MEDIA_TYPE },
      dispatcher: this.agent,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) {
      throw new Error(`GET ${url.pathname}: HTTP ${response.statusCode} ${text.slice(0, 300)}`);
    }
    const body = JSON.parse(text) as Envelope;
    this.next = body.more ? body.next : undefined;
    return body.objects?.length ?? 0;
  }

  close() {
    return this.agent.close();
  }
}

/** `pages` pages one at a time after 3 unmeasured ones: latency percentiles per page. */
export async function pageLatency(
  gatewayUrl: string,
  collection: string,
  endpoint: PageEndpoint,
  pages: number,
): Promise<PageFigures> {
  const pager = new TaxiiPager(gatewayUrl, collection, endpoint);
  try {
    for (let i = 0; i < 3; i += 1) await pager.page();
    const times: number[] = [];
    let objects = 0;
    for (let i = 0; i < pages; i += 1) {
      const started = performance.now();
      objects += await pager.page();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) =>
      round(times[Math.min(times.length - 1, Math.floor(times.length * p))]);
    return { p50Ms: at(0.5), p99Ms: at(0.99), pages, perPage: round(objects / pages, 1) };
  } finally {
    await pager.close();
  }
}

/** A TAXII reader paging objects at `perMinute` requests a minute until stopped. */
export interface Reader {
  /** Stops it; how many pages it read and over how many seconds. */
  stop(): Promise<{ pages: number; seconds: number }>;
}

/**
 * Paced from the start time, as a client at its limit would: a request is due every
 * 60,000 / `perMinute` ms, on the first of `connections` pagers (each its own `next` chain) that
 * is free; when none is, the next page starts as soon as one is (no burst to catch up).
 */
export function startReader(
  gatewayUrl: string,
  collection: string,
  perMinute: number,
  connections = 1,
): Reader {
  const idle = Array.from(
    { length: connections },
    () => new TaxiiPager(gatewayUrl, collection, "objects"),
  );
  const all = [...idle];
  const inFlight = new Set<Promise<void>>();
  const interval = 60_000 / perMinute;
  const started = performance.now();
  let stopped = false;
  let failure: unknown;
  let pages = 0;
  const loop = (async () => {
    for (let due = started; !stopped && failure === undefined; due += interval) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (stopped) break;
      if (!idle.length) {
        await Promise.race(inFlight);
        due = performance.now();
      }
      const pager = idle.pop()!;
      const request: Promise<void> = pager
        .page()
        .then(
          () => void (pages += 1),
          (error: unknown) => void (failure ??= error),
        )
        .finally(() => {
          idle.push(pager);
          inFlight.delete(request);
        });
      inFlight.add(request);
    }
    await Promise.all(inFlight);
    if (failure !== undefined) throw failure;
  })();
  // A failed page surfaces in stop(), not as an unhandled rejection meanwhile.
  loop.catch(() => undefined);
  return {
    async stop() {
      stopped = true;
      try {
        await loop;
      } finally {
        await Promise.all(all.map((pager) => pager.close()));
      }
      return { pages, seconds: (performance.now() - started) / 1000 };
    },
  };
}
