import "../platform/compile-cache";
import "reflect-metadata";
import { execFile } from "node:child_process";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { KeyStore } from "../gateway/access/keys";
import {
  databaseConfig,
  datasetDatabase,
  dropDatabase,
  openPostgresServer,
} from "../harness/database";
import { startServiceProcesses } from "../harness/process-federation";
import { projectPath } from "../platform/paths";
import { machineSeconds, processCpuSeconds, rotated, spread } from "./measure";
import { parseCommand, runCommand, UsageError } from "../scripts/cli";

const USAGE = `usage: npm run bench:galaxy -- [--rounds N] [--variant DIR]
  The MISP galaxy's first load (npm run import:misp on the shipped dataset, as npm start's first
  start runs it) on a new database each time: wall time and CPU seconds per service and for the
  machine. With --variant (another checkout, built), both trees load in each round, in turns.
  PostgreSQL: DATABASE_URL's server, else an embedded one.`;

const SERVICES = ["gateway", "governments", "incidents", "legal-actions"] as const;

interface Load {
  wall: number;
  /** CPU seconds of each service, then of the whole machine (PostgreSQL and the connector too). */
  cpu: Record<(typeof SERVICES)[number] | "machine", number>;
}

/** One first load of the galaxy by the tree built in `dist`, on a new database of `serverUrl`. */
async function loadOnce(serverUrl: string, dist: string): Promise<Load> {
  const url = await datasetDatabase(serverUrl, "galaxy_bench");
  try {
    const services = await startServiceProcesses({
      databaseUrl: url,
      workers: 1,
      poolSize: 10,
      responseCacheMaxAge: 0,
      dist,
    });
    try {
      const keys = await KeyStore.open(databaseConfig(url, { poolSize: 2 }), {
        migrateSchema: false,
      });
      const { token } = await keys.create("galaxy benchmark", "editor").finally(() => keys.close());
      const pids = [services.pids.gateway, ...services.pids.subgraphs].map((pid) => [pid]);
      const before = processCpuSeconds(...pids);
      const machine = machineSeconds();
      const started = performance.now();
      await promisify(execFile)(
        process.execPath,
        [join(dist, "scripts", "import-misp.js"), "--url", services.gatewayUrl, "--token", token],
        { maxBuffer: 64 * 1024 * 1024 },
      );
      const wall = (performance.now() - started) / 1000;
      const spent = processCpuSeconds(...pids).map((seconds, i) => seconds - before[i]);
      return {
        wall,
        cpu: {
          ...(Object.fromEntries(SERVICES.map((name, i) => [name, spent[i]])) as Load["cpu"]),
          machine: machineSeconds() - machine,
        },
      };
    } finally {
      await services.stop();
    }
  } finally {
    await dropDatabase(serverUrl, url);
  }
}

const median = (values: number[]) => spread(values).median;

async function main() {
  const { values } = parseCommand(USAGE, {
    options: { rounds: { type: "string", default: "3" }, variant: { type: "string" } },
  });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) {
    throw new UsageError(`--rounds: a whole number from 1 to 20, got "${values.rounds}"`);
  }
  const trees: Record<string, string> = { ours: projectPath("dist") };
  if (values.variant) trees.variant = join(resolve(values.variant), "dist");
  const server = await openPostgresServer("galaxy-bench");
  const loads: Record<string, Load[]> = Object.fromEntries(Object.keys(trees).map((t) => [t, []]));
  try {
    for (let round = 1; round <= rounds; round += 1) {
      // In turns, the other first every other round.
      for (const tree of rotated(Object.keys(trees), round - 1)) {
        const load = await loadOnce(server.serverUrl, trees[tree]);
        loads[tree].push(load);
        const cpu = SERVICES.map((name) => `${name} ${load.cpu[name].toFixed(1)}`).join(", ");
        console.log(
          `round ${round}: ${tree} ${load.wall.toFixed(1)} s; CPU s: ${cpu}; machine ${load.cpu.machine.toFixed(1)}`,
        );
      }
    }
  } finally {
    await server.stop();
  }
  console.log(`\n| tree | wall s | ${SERVICES.join(" | ")} | machine CPU s |`);
  console.log(`| --- | ---: | ${SERVICES.map(() => "---:").join(" | ")} | ---: |`);
  for (const [tree, done] of Object.entries(loads)) {
    const cells = [...SERVICES, "machine" as const].map((name) =>
      median(done.map((l) => l.cpu[name])).toFixed(1),
    );
    console.log(
      `| ${tree} | ${median(done.map((l) => l.wall)).toFixed(1)} | ${cells.join(" | ")} |`,
    );
  }
  if (loads.variant) {
    const ratio = median(loads.ours.map((l) => l.wall)) / median(loads.variant.map((l) => l.wall));
    console.log(`\nours/variant wall (medians): ${ratio.toFixed(2)}x`);
  }
}

runCommand(USAGE, main);
