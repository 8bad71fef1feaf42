import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { listensOn } from "../platform/cluster";
import { projectPath } from "../platform/paths";

/** Polls `attempt` until `ok` holds (generous: the CI machine is slow), returning the last value. */
export async function until<T>(
  attempt: () => Promise<T> | T,
  ok: (value: T) => boolean,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await attempt();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await attempt();
  }
  return value;
}

/** Alive and not a zombie. */
export function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return false;
  }
}

export interface KeptProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  exit: Promise<number | null>;
  /** SIGTERM unless it already exited (SIGKILL 10 s later), then its exit code. */
  stop(): Promise<number | null>;
  /** With `ipc`: whether the service said it listens (platform/cluster.ts). */
  listening?(): boolean;
}

export interface SpawnOptions {
  /** Our environment under `env` (default), or exactly `env`. */
  inherit?: boolean;
  cwd?: string;
  /** An IPC channel, on which a service says once it listens (as `npm start`'s supervisor). */
  ipc?: boolean;
}

/** Runs `command`, keeping its output; `env` is added to ours unless `inherit` is false. */
export function spawnCommand(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  { inherit = true, cwd = projectPath(), ipc = false }: SpawnOptions = {},
): KeptProcess {
  const child = spawn(command, args, {
    cwd,
    env: inherit ? { ...process.env, ...env } : env,
    stdio: ["ignore", "pipe", "pipe", ...(ipc ? ["ipc" as const] : [])],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const listening = ipc ? listensOn(child) : undefined;
  // The channel alone keeps no test or benchmark waiting.
  child.channel?.unref();
  return {
    child,
    output: () => output,
    exit,
    ...(listening ? { listening } : {}),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Runs the compiled Node.js `script` (under dist/) with `nodeArgs`, as spawnCommand does. */
export function spawnKept(
  script: string,
  env: Record<string, string | undefined>,
  { nodeArgs = [], ...options }: SpawnOptions & { nodeArgs?: string[] } = {},
): KeptProcess {
  return spawnCommand(process.execPath, [...nodeArgs, script], env, options);
}

/**
 * Resolves once `url` answers as `ready` wants (200 by default); rejects with the output when
 * `kept` exits first or `timeoutMs` passes.
 */
export async function readyAt(
  kept: KeptProcess,
  url: string,
  {
    timeoutMs = 60_000,
    ready = (response: Response) => response.ok,
  }: { timeoutMs?: number; ready?: (response: Response) => boolean } = {},
): Promise<void> {
  const { child, output } = kept;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${child.spawnargs.slice(1).join(" ")} exited (${child.exitCode ?? child.signalCode}):\n${output().slice(-4000)}`,
      );
    }
    // Until a service says it listens, an answer may come from another server on its port.
    const ok =
      kept.listening?.() !== false &&
      (await fetch(url).then(
        async (response) => {
          await response.arrayBuffer();
          return ready(response);
        },
        () => false,
      ));
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await kept.stop();
  throw new Error(
    `${child.spawnargs.slice(1).join(" ")} was not ready at ${url} within ${timeoutMs / 1000} s:\n${output().slice(-4000)}`,
  );
}

/** Stops every process still running and waits for all of them to exit. */
export async function stopAll(processes: KeptProcess[]): Promise<void> {
  await Promise.all(processes.map((kept) => kept.stop()));
}
