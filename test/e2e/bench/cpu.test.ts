import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { processCpuSeconds } from "../../../bench/measure";

// A parent that starts a child which burns `ms` of its own CPU, then both wait to be killed.
const SPINNING_CHILD = `
  const { spawn } = require("node:child_process");
  const child = spawn(process.execPath, ["-e", \`
    const until = Number(process.argv[1]) * 1000;
    while (process.cpuUsage().user + process.cpuUsage().system < until) {}
    console.log("spun");
    setInterval(() => {}, 1000);
  \`, process.argv[1]], { stdio: ["ignore", "inherit", "inherit"] });
  setInterval(() => {}, 1000);
`;

// The benchmark's CPU figures count a gateway's worker processes too, and no other process.
describe("bench > CPU per request accounting", () => {
  let parent: ChildProcess | undefined;
  afterEach(() => {
    if (parent?.pid) process.kill(-parent.pid, "SIGKILL");
  });

  it("counts the CPU of a process's descendants (cluster workers), and nothing of others", async () => {
    parent = spawn(process.execPath, ["-e", SPINNING_CHILD, "400"], {
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    });
    const [before] = processCpuSeconds([parent.pid!]);
    await once(parent.stdout!, "data");
    const spent = processCpuSeconds([parent.pid!])[0] - before;
    // The child alone burnt 400 ms (USER_HZ ticks of 10 ms round down).
    expect(spent).toBeGreaterThanOrEqual(0.38);
    expect(processCpuSeconds([2 ** 22 + 1])[0]).toBe(0);
  });
});
