import { resolve } from "node:path";
import { UsageError, parseOptions, positiveInt } from "../../harness/options";
import type { PeerKey, Settings } from "../report";

export const PEERS: PeerKey[] = ["hive", "hiveRust", "grafbase"];

const OPTIONS = [
  "statements",
  "rounds",
  "duration",
  "connections",
  "single",
  "warmup",
  "pool-size",
  "workers",
  "peers",
  "cached",
  "persisted",
  "node-options",
  "only",
  "database-url",
  "variant",
  "variant-node-options",
];

/** The run's settings from its command line (see `bench/run.ts`), and `--database-url`. */
export function readSettings(argv: string[]): { settings: Settings; databaseUrl?: string } {
  const options = parseOptions(argv, OPTIONS);
  const peersOption = options.get("peers");
  const variantRun = options.has("variant") || options.has("variant-node-options");
  // A variant has subgraphs of its own: peers sharing ours would warm and load ours more than
  // the variant's (an A/A measured variant/ours 0.71x-0.92x that way; 0.92x-1.24x without).
  if (variantRun && peersOption !== undefined && peersOption !== "none")
    throw new UsageError(
      "--variant: measured without peers (leave --peers out or say --peers none)",
    );
  const peers = (
    peersOption === "none" || variantRun ? [] : (peersOption?.split(",") ?? PEERS)
  ) as PeerKey[];
  for (const peer of peers) {
    if (!PEERS.includes(peer))
      throw new UsageError(`--peers: ${peer} is not one of ${PEERS.join(",")}`);
  }
  const settings: Settings = {
    statements: positiveInt(options, "statements", 10_000),
    rounds: positiveInt(options, "rounds", 5),
    duration: positiveInt(options, "duration", 5),
    connections: positiveInt(options, "connections", 10),
    singleRequests: positiveInt(options, "single", 200),
    warmup: positiveInt(options, "warmup", 200),
    poolSize: positiveInt(options, "pool-size", 10),
    workers: positiveInt(options, "workers", 1),
    peers,
    cached: options.get("cached") === "true",
    persisted: options.get("persisted") === "true",
    nodeOptions: options.get("node-options"),
    only: options.get("only")?.split(","),
    variant: variantRun
      ? {
          dir: options.get("variant") && resolve(options.get("variant")!),
          nodeOptions: options.get("variant-node-options"),
        }
      : undefined,
  };
  return { settings, databaseUrl: options.get("database-url") };
}
