import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deployedEnv } from "../../harness/process-federation";
import { freePort } from "../../scripts/embedded-postgres";
import { projectPath } from "../../platform/paths";
import { withSubgraphUrls } from "../peer";
import { type PeerProcess, startPeerProcess } from "./process";

export interface NodePeerOptions {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  identitySecret: string;
  workers: number;
  nodeOptions?: string;
}

/**
 * Hive Gateway with Hive Router's Rust query planner (`@graphql-hive/router-runtime`) as its own
 * process: `dist/bench/peer-main.js` with `PEER_PLANNER=rust`, otherwise exactly the environment
 * bench/processes.ts gives the JavaScript-planner peer (production, same WORKERS, no response
 * cache, in-flight deduplication off, signing every subgraph fetch).
 */
export async function startHiveRustPeer(options: NodePeerOptions): Promise<PeerProcess> {
  const port = await freePort();
  const supergraphPath = join(tmpdir(), `bench-supergraph-rust-${process.pid}.graphql`);
  await writeFile(supergraphPath, withSubgraphUrls(options.supergraphSdl, options.subgraphUrls));
  return startPeerProcess(
    process.execPath,
    [projectPath("dist", "bench", "peer-main.js")],
    {
      ...deployedEnv(options),
      IDENTITY_SECRET: options.identitySecret,
      PORT: String(port),
      SUPERGRAPH_PATH: supergraphPath,
      PEER_PLANNER: "rust",
    },
    `http://127.0.0.1:${port}/healthcheck`,
    `http://127.0.0.1:${port}/graphql`,
  );
}
