import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startGrafbase } from "../peers/grafbase";
import { startHiveRustPeer } from "../peers/hive-rust";
import type { PeerProcess } from "../peers/process";
import { type ProcessFederation, startProcessFederation } from "../processes";
import {
  GATEWAYS,
  type GatewayKey,
  type GatewayStatus,
  type PeerKey,
  type Settings,
} from "../report";

/** A gateway process and the subgraph processes it calls, for CPU per request. */
export type GatewayPids = ProcessFederation["pids"];

/** What is running now: stopped between the measured rounds and the cached run, and at the end. */
export interface Running {
  processes?: ProcessFederation;
  variant?: ProcessFederation;
  peers: PeerProcess[];
}

/** The gateways measured: where each answers, its processes for CPU, and whether it ran. */
export interface Gateways {
  urls: Partial<Record<GatewayKey, string>>;
  pids: Partial<Record<GatewayKey, GatewayPids>>;
  status: Record<string, GatewayStatus>;
}

/** Starts our federation: as the peer, with a response cache (0: off), from another build. */
export type StartFederation = (
  peer: boolean,
  responseCacheMaxAge: number,
  build?: { dist?: string; nodeOptions?: string },
) => Promise<ProcessFederation>;

export async function stopGateways(running: Running) {
  await Promise.all(running.peers.splice(0).map((peer) => peer.stop()));
  await Promise.all([running.processes?.stop(), running.variant?.stop()]);
  running.processes = running.variant = undefined;
}

/** Our federation's processes for this run, with the environment files the run needs. */
export async function federationStarter(
  settings: Settings,
  databaseUrl: string,
  identitySecret: string,
  supergraphSdl: string,
): Promise<StartFederation> {
  // Like the rate limit, our gateway's per-client admission limit (8 at once per address) is
  // lifted: every benchmark connection comes from 127.0.0.1, and the peers have no such limit.
  const gatewayEnvFile = join(tmpdir(), `bench-gateway-env-${process.pid}`);
  const slots = Math.max(settings.connections, 32);
  await writeFile(
    gatewayEnvFile,
    `MAX_CONCURRENT_REQUESTS=${slots}\nMAX_CONCURRENT_PER_CLIENT=${slots}\n`,
  );
  return (peer, responseCacheMaxAge, build = {}) =>
    startProcessFederation({
      databaseUrl,
      workers: settings.workers,
      poolSize: settings.poolSize,
      identitySecret,
      responseCacheMaxAge,
      peer,
      supergraphSdl,
      dist: build.dist,
      nodeOptions: build.nodeOptions ?? settings.nodeOptions,
      nodeArgs: { gateway: [`--env-file=${gatewayEnvFile}`] },
    });
}

/** Ours (with Hive Gateway in the same processes when asked), then the variant if any. */
export async function startOurs(
  start: StartFederation,
  settings: Settings,
  running: Running,
): Promise<Gateways> {
  const processes = await start(settings.peers.includes("hive"), 0);
  running.processes = processes;
  const urls: Gateways["urls"] = { ours: processes.gatewayUrl };
  // CPU accounting per gateway: its own process, and the subgraphs it calls.
  const pids: Gateways["pids"] = {
    ours: processes.pids,
    oursPersisted: processes.pids, // the same process, asked by hash
  };
  if (processes.peerPid) pids.hive = sharingSubgraphs(processes, processes.peerPid);
  const status: Gateways["status"] = { ours: { ran: true } };
  if (settings.variant) {
    // Ours again from another build (its gateway and its subgraphs) and/or other Node.js
    // options, over the same database: a before/after of one change in the same rounds.
    running.variant = await start(false, 0, {
      dist: settings.variant.dir && join(settings.variant.dir, "dist"),
      nodeOptions: settings.variant.nodeOptions,
    });
    urls.oursVariant = running.variant.gatewayUrl;
    pids.oursVariant = running.variant.pids;
    status.oursVariant = { ran: true };
    console.log(`ours (variant): ${JSON.stringify(settings.variant)} at ${urls.oursVariant}`);
  }
  if (settings.peers.includes("hive")) {
    urls.hive = processes.peerUrl;
    status.hive = { ran: true };
  }
  return { urls, pids, status };
}

/** The peers in processes of their own, over our subgraphs; one that cannot start is noted. */
export async function startPeers(
  gateways: Gateways,
  settings: Settings,
  running: Running,
  peer: { supergraphSdl: string; identitySecret: string },
) {
  const processes = running.processes!;
  const starters: [PeerKey, () => Promise<PeerProcess>][] = [
    [
      "hiveRust",
      () =>
        startHiveRustPeer({
          supergraphSdl: peer.supergraphSdl,
          subgraphUrls: processes.subgraphUrls,
          identitySecret: peer.identitySecret,
          workers: settings.workers,
          nodeOptions: settings.nodeOptions,
        }),
    ],
    [
      "grafbase",
      () =>
        startGrafbase({
          subgraphUrls: processes.subgraphUrls,
          identitySecret: peer.identitySecret,
          workers: settings.workers,
        }),
    ],
  ];
  const { urls, pids, status } = gateways;
  for (const [key, startPeer] of starters) {
    if (!settings.peers.includes(key)) continue;
    try {
      const started = await startPeer();
      running.peers.push(started);
      urls[key] = started.url;
      pids[key] = sharingSubgraphs(processes, started.pid);
      status[key] = { ran: true };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      status[key] = { ran: false, reason: `could not start: ${reason.slice(0, 500)}` };
      console.log(`${GATEWAYS[key]}: NOT RUN (${status[key].reason})`);
    }
  }
}

const sharingSubgraphs = (processes: ProcessFederation, gateway: number | undefined) =>
  gateway ? { gateway, subgraphs: processes.pids.subgraphs } : undefined;
