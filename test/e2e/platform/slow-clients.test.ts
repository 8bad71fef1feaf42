import { request } from "node:http";
import { type Socket, connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../../gateway/limits";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const READ = JSON.stringify({ query: '{ government(id: "gb") { name } }' });

interface SlowSender {
  socket: Socket;
  /** What the gateway answered, if anything. */
  answer(): string;
  closed: Promise<void>;
}

/** Declares a 100,000-byte body and sends one byte of it every 2 s, from `localAddress`. */
function slowSender(port: number, localAddress: string): SlowSender {
  const socket = connect({ host: "127.0.0.1", port, localAddress });
  let answer = "";
  socket.on("data", (chunk) => (answer += chunk));
  socket.on("error", () => undefined);
  socket.write(
    "POST / HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n" +
      "content-length: 100000\r\n\r\n{",
  );
  const drip = setInterval(() => socket.write(" "), 2_000);
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  void closed.then(() => clearInterval(drip));
  return { socket, answer: () => answer, closed };
}

/** POSTs a read from `localAddress` on a connection of its own; resolves with status and ms. */
function timedRead(port: number, localAddress: string) {
  const started = Date.now();
  return new Promise<{ status: number; ms: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        localAddress,
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json" },
      },
      (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, ms: Date.now() - started, body }),
        );
      },
    );
    req.on("error", reject);
    req.end(READ);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Slowloris against admission control: 32 connections, 8 from each of 127.0.0.2-5, each
// declaring `Content-Length: 100000` and sending a byte every 2 s. Once they held every slot
// (32 overall, 8 per address) until REQUEST_TIMEOUT_MS; now a request takes a slot only once
// its body has arrived, so a normal client, from elsewhere or from one of those addresses, is
// answered within 1 s the whole time, and the slow senders are cut off at BODY_TIMEOUT_SECONDS.
describe("gateway > admission > slow senders hold connections, never slots", () => {
  let federation: TestFederation;
  let port: number;
  const slow: SlowSender[] = [];

  let neverEndingHeaders: Promise<{ closedAfterMs: number; answer: string }>;

  beforeAll(async () => {
    federation = await startTestFederation();
    port = Number(new URL(federation.gatewayUrl).port);
    // Its own address, so it runs beside the slow senders: the suite waits for both timeouts once.
    neverEndingHeaders = sendHeadersForever(port, "127.0.0.6");
  });
  afterAll(async () => {
    for (const sender of slow) sender.socket.destroy();
    await federation?.stop();
  });

  it("answers normal clients within 1 s while 32 slow senders are connected", async () => {
    expect((await timedRead(port, "127.0.0.1")).status).toBe(200); // warm: plans, connections
    for (const address of ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"]) {
      for (let i = 0; i < 8; i++) slow.push(slowSender(port, address));
    }
    await sleep(500);
    // Five rounds over ~6 s: from a fresh address and from one that has 8 slow senders open.
    for (let round = 0; round < 5; round++) {
      for (const address of ["127.0.0.1", "127.0.0.2"]) {
        const read = await timedRead(port, address);
        expect(read.status, read.body).toBe(200);
        expect(read.ms).toBeLessThan(1_000);
      }
      await sleep(1_200);
    }
    expect(slow.every((sender) => sender.answer() === "")).toBe(true);
  }, 30_000);

  it("cuts the slow senders off with 408 at BODY_TIMEOUT_SECONDS and closes them", async () => {
    const deadline = (DEFAULT_LIMITS.bodyTimeoutSeconds + 3) * 1000;
    await Promise.race([Promise.all(slow.map((s) => s.closed)), sleep(deadline)]);
    for (const sender of slow) {
      expect(sender.socket.closed).toBe(true);
      expect(sender.answer()).toMatch(/^HTTP\/1\.1 408 /);
      expect(sender.answer()).toContain('"code":"TIMEOUT"');
    }
  }, 30_000);

  it("cuts off a client whose headers never end, at HEADER_TIMEOUT_SECONDS", async () => {
    const { closedAfterMs, answer } = await neverEndingHeaders;
    expect(closedAfterMs).toBeLessThan((DEFAULT_LIMITS.headerTimeoutSeconds + 3) * 1000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  }, 30_000);

  it("refuses a connection over MAX_CONNECTIONS_PER_CLIENT with 503, and only that address's", async () => {
    const max = DEFAULT_LIMITS.maxConnectionsPerClient;
    const held = await Promise.all(
      Array.from(
        { length: max },
        () =>
          new Promise<Socket>((resolve) => {
            const socket = connect({ host: "127.0.0.1", port, localAddress: "127.0.0.7" }, () =>
              resolve(socket),
            );
            socket.on("error", () => undefined);
          }),
      ),
    );
    try {
      const over = await timedRead(port, "127.0.0.7");
      expect(over.status).toBe(503);
      expect(JSON.parse(over.body).errors[0]).toMatchObject({
        message: expect.stringMatching(/too many open connections/),
        extensions: { code: "SERVICE_UNAVAILABLE" },
      });
      expect((await timedRead(port, "127.0.0.8")).status).toBe(200);
    } finally {
      for (const socket of held) socket.destroy();
    }
    await sleep(200);
    expect((await timedRead(port, "127.0.0.7")).status).toBe(200);
  });
});

/** A request whose headers never end (one more every 2 s): what the server answers, and when. */
function sendHeadersForever(port: number, localAddress: string) {
  const socket = connect({ host: "127.0.0.1", port, localAddress });
  socket.on("error", () => undefined);
  let answer = "";
  socket.on("data", (chunk) => (answer += chunk));
  socket.write("POST / HTTP/1.1\r\nhost: 127.0.0.1\r\n");
  const drip = setInterval(() => socket.write("x-slow: 1\r\n"), 2_000);
  const started = Date.now();
  return new Promise<{ closedAfterMs: number; answer: string }>((resolve) =>
    socket.once("close", () => {
      clearInterval(drip);
      resolve({ closedAfterMs: Date.now() - started, answer });
    }),
  );
}
