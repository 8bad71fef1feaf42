import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";

export interface PeerProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * Spawns `command` with exactly `env` (a child sees only what it is given) and waits until
 * `readyUrl` answers 200, at most `timeoutMs`. `stop` ends that one process by its id.
 */
export async function spawnReady(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  readyUrl: string,
  options: { cwd?: string; timeoutMs?: number; ready?: (response: Response) => boolean } = {},
): Promise<ChildProcess> {
  const child = spawn(command, args, {
    env,
    cwd: options.cwd,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const ready = options.ready ?? ((response: Response) => response.ok);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${command} exited with ${child.exitCode ?? child.signalCode}: ${errors}`);
    }
    const ok = await fetch(readyUrl).then(
      async (response) => {
        await response.arrayBuffer();
        return ready(response);
      },
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopChild(child);
  throw new Error(`${command} was not ready at ${readyUrl} in time: ${errors}`);
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
