import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ServiceProcessOptions,
  type ServiceProcesses,
  startServiceProcesses,
} from "../harness/process-federation";
import { readyAt, spawnKept } from "../harness/processes";
import { freePort } from "../scripts/embedded-postgres";
import { projectPath } from "../platform/paths";
import { newIdentitySecret } from "./identity";
import { withSubgraphUrls } from "./peer";

export interface ProcessOptions extends ServiceProcessOptions {
  /**
   * IDENTITY_SECRET of every process: the subgraphs check our gateway's and the peer's
   * signatures with it. The benchmarks pass theirs (one per run); made here when omitted.
   */
  identitySecret?: string;
  /** Also start Hive Gateway over the same subgraphs. */
  peer: boolean;
  supergraphSdl: string;
}

export interface ProcessFederation extends Omit<ServiceProcesses, "env" | "processes"> {
  peerUrl?: string;
  peerPid?: number;
}

/**
 * The harness's deployed federation (harness/process-federation.ts), each service its own
 * process, and with `peer` Hive Gateway beside our gateway, in dist/bench/peer-main.js, over the
 * same subgraphs with the same workers and environment.
 */
export async function startProcessFederation(options: ProcessOptions): Promise<ProcessFederation> {
  const federation = await startServiceProcesses({
    ...options,
    identitySecret: options.identitySecret ?? newIdentitySecret(),
  });
  if (!options.peer) return federation;
  try {
    const port = await freePort();
    const supergraphPath = join(tmpdir(), `bench-supergraph-${process.pid}.graphql`);
    await writeFile(
      supergraphPath,
      withSubgraphUrls(options.supergraphSdl, federation.subgraphUrls),
    );
    const peer = spawnKept(
      projectPath("dist", "bench", "peer-main.js"),
      { ...federation.env, PORT: String(port), SUPERGRAPH_PATH: supergraphPath },
      // It says once it listens (platform/cluster.ts): no answer of another server is taken.
      { inherit: false, ipc: true },
    );
    federation.processes.push(peer);
    await readyAt(peer, `http://127.0.0.1:${port}/healthcheck`);
    return { ...federation, peerUrl: `http://127.0.0.1:${port}/graphql`, peerPid: peer.child.pid };
  } catch (error) {
    await federation.stop();
    throw error;
  }
}
