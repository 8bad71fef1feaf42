import { type IncomingHttpHeaders, createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface Captured {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Passes requests between the gateway and one subgraph on, keeping a copy of each POST; with
 * `delayMs`, after waiting that long (a slow subgraph).
 */
export async function startProxy({ delayMs = 0 }: { delayMs?: number } = {}) {
  let target = "";
  const captured: Captured[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString("utf8");
    if (req.method === "POST") captured.push({ headers: req.headers, body });
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!["host", "connection", "content-length", "keep-alive"].includes(name))
        headers[name] = String(value);
    }
    const upstream = await fetch(new URL(req.url ?? "/", target), {
      method: req.method,
      headers,
      body: req.method === "POST" ? body : undefined,
    }).catch(() => null);
    // The subgraph went away (a test stopped it while a delayed request was in flight).
    if (!upstream) return void res.writeHead(502).end();
    res.writeHead(upstream.status, {
      "content-type": upstream.headers.get("content-type") ?? "application/json",
      "cache-control": upstream.headers.get("cache-control") ?? "no-store",
    });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    captured,
    forwardTo: (url: string) => void (target = url),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
