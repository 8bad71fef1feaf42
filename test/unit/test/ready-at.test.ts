import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LISTENING } from "../../../platform/cluster";
import { announcesListening } from "../../../harness/process-federation";
import { type KeptProcess, readyAt, spawnCommand } from "../../../harness/processes";

// The harness's federations wait for a service to say it listens before they trust its port:
// a port picked free may be taken by another test's server first, which answers too.
describe("harness > readyAt with a service's IPC channel", () => {
  const squatter = createServer((_req, res) => res.end("{}"));
  let url: string;
  const kept: KeptProcess[] = [];
  beforeAll(async () => {
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(squatter.address() as AddressInfo).port}/health/ready`;
  });
  afterAll(async () => {
    await Promise.all(kept.map((process) => process.stop()));
    await new Promise((resolve) => squatter.close(resolve));
  });
  const service = (script: string) => {
    const process = spawnCommand(globalThis.process.execPath, ["-e", script], {}, { ipc: true });
    kept.push(process);
    return process;
  };

  it("is not ready on another server's answer while the service has not said it listens", async () => {
    const silent = service("setInterval(() => {}, 1000)");
    await expect(readyAt(silent, url, { timeoutMs: 1500 })).rejects.toThrow(/was not ready/);
  });

  it("is ready once the service said it listens and the URL answers", async () => {
    const announcing = service(
      `process.send(${JSON.stringify(LISTENING)}); setInterval(() => {}, 1000)`,
    );
    await expect(readyAt(announcing, url, { timeoutMs: 10_000 })).resolves.toBeUndefined();
    expect(announcing.listening?.()).toBe(true);
  });
});

// `npm run bench -- --variant DIR` runs an older build beside ours: one from before services said
// they listen would never be ready if it were waited for as ours are.
describe("harness > announcesListening of a build", () => {
  const root = mkdtempSync(join(tmpdir(), "builds-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const build = (name: string, cluster?: string) => {
    const dist = join(root, name);
    mkdirSync(join(dist, "platform"), { recursive: true });
    if (cluster !== undefined) writeFileSync(join(dist, "platform", "cluster.js"), cluster);
    return dist;
  };

  it("is true for a build whose services say they listen", () => {
    const cluster = `exports.LISTENING = ${JSON.stringify(LISTENING)};`;
    expect(announcesListening(build("announcing", cluster))).toBe(true);
  });

  it("is false for a build from before, or no build", () => {
    expect(announcesListening(build("older", "exports.runWorkers = () => {};"))).toBe(false);
    expect(announcesListening(build("empty"))).toBe(false);
  });
});
