import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { listensOn } from "../platform/cluster";
import type { Env } from "../platform/env";

export interface ServiceSpec {
  name: string;
  /** Compiled entry point, run as `node ...nodeArgs script`. */
  script: string;
  nodeArgs: string[];
  env: Env;
  /** Replaces variables of `env` when the service is restarted (no seeding the second time). */
  restartEnv?: Env;
  /** Answers 200 once the service serves. */
  readyUrl: string;
}

/** Restarts wait 0.5 s, doubling up to 30 s; a process that stayed up 30 s starts over. */
const BACKOFF = { initialMs: 500, maxMs: 30_000, stableMs: 30_000 };

/** SIGTERM lets a service drain for 10 s; past this it is killed. */
const STOP_GRACE_MS = 20_000;

const describeExit = (code: number | null, signal: NodeJS.Signals | null) =>
  signal ? `signal ${signal}` : `code ${code}`;

/** A service that exited before it was ready, while `npm start` was starting. */
export class StartFailed extends Error {
  constructor(
    readonly service: string,
    readonly exitCode: number | null,
    signal: NodeJS.Signals | null,
  ) {
    super(`${service} exited (${describeExit(exitCode, signal)}) before it was ready`);
  }
}

/**
 * One service in its own Node.js process. Once it has been ready, an exit nobody asked for is
 * logged and followed by a restart after a doubling delay; `stop()` ends that for good.
 */
export class SupervisedProcess {
  private child: ChildProcess | undefined;
  private closed: Promise<unknown> = Promise.resolve();
  private supervising = false;
  private stopping = false;
  private delayMs = BACKOFF.initialMs;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly spec: ServiceSpec,
    private readonly log: (line: string) => void,
    /** Put before each line the service prints. */
    private readonly prefix: string,
    /** Rewrites each line the service prints (a JSON log line for a terminal, say). */
    private readonly format: (line: string) => string = (line) => line,
  ) {}

  /**
   * Spawns the service and resolves once it listens (its message, platform/cluster.ts) and its
   * `readyUrl` answers 200. Asked before, the URL could be answered by another server holding
   * the port while the service fails to listen: `npm start` said ready, then restarted it forever.
   */
  async start(): Promise<void> {
    const child = this.spawn(this.spec.env);
    let exited: StartFailed | undefined;
    child.once("exit", (code, signal) => (exited = new StartFailed(this.spec.name, code, signal)));
    const listening = listensOn(child);
    while (!(listening() && (await answers200(this.spec.readyUrl)))) {
      if (exited) throw exited;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    this.supervising = true;
  }

  /** SIGTERM, then SIGKILL if it has not exited within the grace period; no restart after. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await this.closed;
      clearTimeout(killer);
    }
    await this.closed;
  }

  /** Synchronous last resort, for the supervisor's own exit. */
  kill(): void {
    this.stopping = true;
    if (this.child?.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
  }

  private spawn(env: Env): ChildProcess {
    const { name, script, nodeArgs } = this.spec;
    // Its own process group: a terminal's Ctrl-C reaches the supervisor only, which then stops
    // each service once. The IPC channel closes when the supervisor dies, however it dies, and
    // the service then stops itself (gateway/main.ts, services/kit/main.ts).
    const child = spawn(process.execPath, [...nodeArgs, script], {
      env,
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      detached: true,
    });
    const startedAt = Date.now();
    this.child = child;
    this.closed = new Promise((resolve) => child.once("close", resolve));
    this.log(`started ${name} (pid ${child.pid})`);
    this.forward(child);
    child.on("error", (error) => this.log(`${name}: ${error.message}`));
    child.once("exit", (code, signal) => {
      if (this.stopping || !this.supervising) return;
      if (Date.now() - startedAt >= BACKOFF.stableMs) this.delayMs = BACKOFF.initialMs;
      const delay = this.delayMs;
      this.delayMs = Math.min(delay * 2, BACKOFF.maxMs);
      this.log(
        `${name} exited unexpectedly (${describeExit(code, signal)}); restarting in ${delay / 1000} s`,
      );
      this.restartTimer = setTimeout(
        () => this.spawn({ ...this.spec.env, ...this.spec.restartEnv }),
        delay,
      );
    });
    return child;
  }

  private forward(child: ChildProcess) {
    for (const [input, output] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      if (!input) continue;
      createInterface({ input, crlfDelay: Infinity }).on("line", (line) => {
        for (const part of this.format(line).split("\n")) output.write(`${this.prefix}${part}\n`);
      });
    }
  }
}

async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}
