import { readyAt, spawnCommand } from "../../harness/processes";

export interface PeerProcess {
  url: string;
  /** The peer's process (its children are counted with it, see processCpuSeconds). */
  pid: number;
  stop(): Promise<unknown>;
}

/**
 * Spawns a peer gateway with exactly `env` (a child sees only what it is given) and waits until
 * `readyUrl` answers as `ready` wants; `stop` ends it (the harness's spawn, readiness and stop).
 */
export async function startPeerProcess(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  readyUrl: string,
  url: string,
  options: { cwd?: string; timeoutMs?: number; ready?: (response: Response) => boolean } = {},
): Promise<PeerProcess> {
  const peer = spawnCommand(command, args, env, { inherit: false, cwd: options.cwd });
  await readyAt(peer, readyUrl, options);
  return { url, pid: peer.child.pid!, stop: () => peer.stop() };
}
