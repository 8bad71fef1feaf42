import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent, type Dispatcher, request } from "undici";
import { IDENTITY_HEADER } from "../platform/identity";
import { signForSubgraph } from "./identity";

/** Hop-by-hop headers (RFC 9110 § 7.6.1) and those the proxy sets itself. */
const NOT_FORWARDED = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "host",
  "content-length",
  IDENTITY_HEADER,
]);

export interface SigningProxyOptions {
  /** The subgraph's URL. */
  target: string;
  /** The subgraph's name, the audience of every signature. */
  audience: string;
  /** The subgraphs' IDENTITY_SECRET. */
  secret: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface SigningProxy {
  url: string;
  stop(): Promise<void>;
}

/**
 * For the Grafbase peer, which cannot sign our identity header (BENCHMARKS.md, "Peers"): an HTTP
 * proxy on loopback in front of one subgraph that signs each request as our gateway does
 * (platform/identity.ts: the same secret, the subgraph as audience, the body's digest, a fresh
 * nonce), for the anonymous reader, as the benchmark's clients send no API key.
 */
export async function startSigningProxy(options: SigningProxyOptions): Promise<SigningProxy> {
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 256 });
  const server = createServer((req, res) => {
    forward(req, res, options, agent).catch((error: unknown) => {
      if (!res.headersSent) res.statusCode = 502;
      res.end(`signing proxy: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await agent.close();
    },
  };
}

async function forward(
  req: IncomingMessage,
  res: ServerResponse,
  { target, audience, secret }: SigningProxyOptions,
  agent: Agent,
) {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !NOT_FORWARDED.has(name))
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  // Signed over the exact bytes forwarded: a GET's empty body included.
  headers[IDENTITY_HEADER] = signForSubgraph(audience, body, secret);
  const upstream = await request(new URL(req.url ?? "/", target), {
    method: (req.method ?? "GET") as Dispatcher.HttpMethod,
    headers,
    body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
    dispatcher: agent,
  });
  res.statusCode = upstream.statusCode;
  for (const [name, value] of Object.entries(upstream.headers)) {
    if (value !== undefined && !NOT_FORWARDED.has(name)) res.setHeader(name, value);
  }
  for await (const chunk of upstream.body) res.write(chunk);
  res.end();
}
