import { type IncomingHttpHeaders, type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  NotJsonError,
  graphQLData,
  httpRequest,
  postGraphQL,
  sendGraphQL,
} from "../../../scripts/graphql-client";

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  socket: number;
}

/** A loopback server that answers each path its own way and remembers what it was sent. */
async function echoServer() {
  const seen: Seen[] = [];
  const sockets = new WeakMap<object, number>();
  let connections = 0;
  const server: Server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (!sockets.has(req.socket)) sockets.set(req.socket, ++connections);
    seen.push({
      method: req.method!,
      url: req.url!,
      headers: req.headers,
      body,
      socket: sockets.get(req.socket)!,
    });
    if (req.url === "/html")
      return void res.writeHead(502, { "content-type": "text/html" }).end("<h1>502</h1>");
    if (req.url === "/moved") return void res.writeHead(302, { location: "/elsewhere" }).end();
    if (req.url === "/slow") return void setTimeout(() => res.end("{}"), 2_000);
    if (req.url === "/error") {
      res.writeHead(400, { "content-type": "application/json" });
      return void res.end(
        JSON.stringify({ errors: [{ message: "bad", extensions: { code: "BAD_USER_INPUT" } }] }),
      );
    }
    res.writeHead(200, { "content-type": "application/json", "x-echo": "yes" });
    res.end(JSON.stringify({ data: { method: req.method } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, seen, server };
}

// The one client every test and CLI uses: GraphQL over POST or GET, any body and headers, the
// whole answer (status, headers, text, JSON) or just its data; a connection of its own on demand.
describe("scripts > graphql-client", () => {
  let echo: Awaited<ReturnType<typeof echoServer>>;
  beforeAll(async () => {
    echo = await echoServer();
  });
  afterAll(async () => {
    echo.server.closeAllConnections();
    await new Promise((resolve) => echo.server.close(resolve));
  });
  const last = () => echo.seen.at(-1)!;

  it("POSTs a request as JSON with the token and headers given, and answers status and headers", async () => {
    const answer = await postGraphQL(
      echo.url,
      { query: "{ a }", variables: { n: 1 } },
      { token: "ag_x", headers: { "x-request-id": "r1" } },
    );
    expect(answer).toMatchObject({ status: 200, data: { method: "POST" } });
    expect(answer.headers.get("x-echo")).toBe("yes");
    expect(last()).toMatchObject({
      method: "POST",
      body: '{"query":"{ a }","variables":{"n":1}}',
      headers: {
        authorization: "Bearer ag_x",
        "content-type": "application/json",
        "x-request-id": "r1",
      },
    });
  });

  it("sends a body of the caller's own as it is, a batch as a JSON list, any content type", async () => {
    const raw = await sendGraphQL(echo.url, '{"query": "{ a } ', {
      headers: { "content-type": "text/plain" },
    });
    expect(last()).toMatchObject({
      body: '{"query": "{ a } ',
      headers: { "content-type": "text/plain" },
    });
    expect(raw).toMatchObject({
      status: 200,
      text: '{"data":{"method":"POST"}}',
      json: { data: { method: "POST" } },
    });
    await sendGraphQL(echo.url, [{ query: "{ a }" }, { query: "{ b }" }]);
    expect(JSON.parse(last().body)).toEqual([{ query: "{ a }" }, { query: "{ b }" }]);
  });

  it("GETs a request in the query string", async () => {
    const request = {
      query: "{ a }",
      variables: { id: "us" },
      extensions: { persistedQuery: { version: 1 } },
    };
    const answer = await sendGraphQL(echo.url, request, {
      method: "GET",
      headers: { "apollo-require-preflight": "1" },
    });
    expect(answer.json).toEqual({ data: { method: "GET" } });
    const search = new URL(last().url, echo.url).searchParams;
    expect(Object.fromEntries(search)).toEqual({
      query: "{ a }",
      variables: '{"id":"us"}',
      extensions: '{"persistedQuery":{"version":1}}',
    });
    expect(last().body).toBe("");
  });

  it("answers any body as text, JSON only when it is JSON; postGraphQL rejects the rest", async () => {
    const page = await httpRequest(new URL("html", echo.url));
    expect(page).toMatchObject({ status: 502, text: "<h1>502</h1>", json: undefined });
    expect(page.headers.get("content-type")).toBe("text/html");
    const notJson = await postGraphQL(new URL("html", echo.url).href, { query: "{ a }" }).catch(
      (e) => e,
    );
    expect(notJson).toBeInstanceOf(NotJsonError);
    expect(notJson.status).toBe(502);
    const moved = await httpRequest(new URL("moved", echo.url), { redirect: "manual" });
    expect([moved.status, moved.headers.get("location")]).toEqual([302, "/elsewhere"]);
  });

  it("gives the data alone, or rejects with the first error's code", async () => {
    expect(await graphQLData(echo.url, { query: "{ a }" })).toEqual({ method: "POST" });
    await expect(graphQLData(new URL("error", echo.url).href, { query: "{ a }" })).rejects.toThrow(
      "BAD_USER_INPUT: bad",
    );
  });

  it("opens a connection per request on demand, and reuses them otherwise", async () => {
    const sockets = async (newConnection: boolean) => {
      const before = echo.seen.length;
      for (let i = 0; i < 3; i++)
        await sendGraphQL(echo.url, { query: "{ a }" }, { newConnection });
      return new Set(echo.seen.slice(before).map((seen) => seen.socket)).size;
    };
    expect(await sockets(true)).toBe(3);
    expect(await sockets(false)).toBeLessThan(3);
  });

  it("gives up after timeoutMs, or when the caller aborts", async () => {
    const slow = new URL("slow", echo.url).href;
    await expect(postGraphQL(slow, { query: "{ a }" }, { timeoutMs: 100 })).rejects.toMatchObject({
      name: "TimeoutError",
    });
    const aborted = sendGraphQL(
      slow,
      { query: "{ a }" },
      { signal: AbortSignal.timeout(100), newConnection: true },
    );
    await expect(aborted).rejects.toThrow();
  });
});
