import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";
import { freePort } from "../scripts/embedded-postgres";
import { until } from "./processes";

export interface RedisServer {
  url: string;
  process: ChildProcess;
  /** SIGKILL (also ends a server stopped with SIGSTOP). */
  stop(): Promise<void>;
}

/**
 * A `redis-server` of the caller's own on a free loopback port, with nothing saved to disk: the
 * machine's Redis (6379) is never touched.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const accepts = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      }).on("error", () => resolve(false));
    });
  if (!(await until(accepts, (up) => up || child.exitCode !== null, 20_000))) {
    child.kill("SIGKILL");
    throw new Error(`redis-server did not start on port ${port}`);
  }
  return {
    url: `redis://127.0.0.1:${port}/0`,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
