import type { GatewayClient } from "../bundle-io";
import { SHIPPED_GALAXY, readGalaxy } from "./galaxy";
import { BATCH_SIZE, readGraph, upsertAll } from "./gateway";
import { isCurated, MANAGER } from "./match";
import { type ActorWrite, planGalaxy } from "./plan";
import { type ConnectorReport, type Outcome, summaryLines } from "./report";

export interface ConnectorOptions {
  /** A galaxy directory or threat-actor.json; the shipped copy by default. */
  path?: string;
  /** The gateway, with an editor key unless `dryRun`. */
  client: GatewayClient;
  dryRun?: boolean;
  log?: (line: string) => void;
  /** Print one progress line in this many (every line by default); failures always. */
  progressEvery?: number;
}

/**
 * The MISP galaxy's threat actors into the graph through the gateway's typed mutations (the
 * validated, audited write path): governments it names first, then one ThreatActor per cluster.
 * Everything is decided before the first write (plan.ts); a second run writes nothing.
 */
export async function runMispConnector(options: ConnectorOptions): Promise<ConnectorReport> {
  const { client, dryRun = false, log = () => undefined, progressEvery = 1 } = options;
  const path = options.path ?? SHIPPED_GALAXY;
  const galaxy = readGalaxy(path);
  if (!dryRun && !client.token) {
    throw new Error("an editor API key is required: --token or ATTRIBUTION_GRAPH_TOKEN");
  }
  const file = galaxy.threatActors;
  log(
    `${path}: ${file.clusters.length} threat actors, ${galaxy.producers.length} producers, ${galaxy.countries.length} countries (MISP galaxy "${file.name ?? "?"}"${file.version === null ? "" : `, version ${file.version}`})`,
  );
  const state = await readGraph(client);
  const curated = state.actors.filter((a) => isCurated(a.record)).length;
  const managed = state.actors.filter((a) => a.record.managedBy === MANAGER).length;
  log(
    `the graph holds ${state.actors.length} threat actors (${curated} curated, ${managed} managed by ${MANAGER}) and ${state.governments.length} governments`,
  );
  const plan = planGalaxy(galaxy, state);
  const report = plan.report;
  await writeGovernments(plan, client, dryRun, log);
  const outcomes = await writeActors(
    plan,
    client,
    dryRun,
    orderedProgress(plan.actors.length, progressEvery, log),
  );
  for (const result of outcomes) {
    if (result === "CREATED") report.created += 1;
    else if (result === "UPDATED") report.updated += 1;
    else if (result === "ENRICHED") report.enriched += 1;
    else if (result === "UNCHANGED") report.unchanged += 1;
  }
  for (const line of summaryLines(report, dryRun)) log(line);
  return report;
}

type Plan = ReturnType<typeof planGalaxy>;
const IN_FLIGHT = 2;
type Say = (i: number, line: string, always?: boolean) => void;

/** The governments the galaxy names and the graph lacks, created first (actors refer to them). */
async function writeGovernments(
  plan: Plan,
  client: GatewayClient,
  dryRun: boolean,
  log: (line: string) => void,
) {
  const report = plan.report;
  if (dryRun) report.governmentsCreated = plan.governments.map((g) => g.record.id);
  else {
    const results = await inBatches(plan.governments, (batch) =>
      upsertAll(client, "Government", batch),
    );
    for (const [i, result] of results.entries()) {
      const id = plan.governments[i].record.id;
      if ("error" in result) report.failed.push({ actor: `government ${id}`, error: result.error });
      else if (result.action === "CREATED") report.governmentsCreated.push(id);
    }
  }
  if (plan.governments.length) {
    log(`governments: ${report.governmentsCreated.length} ${dryRun ? "to create" : "created"}`);
  }
}

/**
 * Progress lines in cluster order, each as soon as the ones before it are done; one in
 * `every` (and the last), failures always.
 */
function orderedProgress(total: number, every: number, log: (line: string) => void): Say {
  const lines = new Map<number, { line: string; always: boolean }>();
  let next = 0;
  return (i, line, always = false) => {
    lines.set(i, { line, always });
    for (; lines.has(next); next += 1) {
      const entry = lines.get(next)!;
      if (entry.always || (next + 1) % every === 0 || next + 1 === total) {
        log(`[${next + 1}/${total}] ${entry.line}`);
      }
      lines.delete(next);
    }
  };
}

/** One write per changed actor, in batches; the outcome of each actor, in cluster order. */
async function writeActors(
  plan: Plan,
  client: GatewayClient,
  dryRun: boolean,
  say: Say,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let pending: number[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    const results = dryRun
      ? batch.map(() => ({ action: "PLANNED" }))
      : await upsertAll(
          client,
          "ThreatActor",
          batch.map((i) => plan.actors[i]),
        );
    for (const [n, result] of results.entries()) {
      const i = batch[n];
      const write = plan.actors[i];
      const head = `${write.cluster.value} → ${write.record.id}`;
      if ("error" in result) {
        outcomes[i] = "FAILED";
        plan.report.failed.push({ actor: write.record.id, error: result.error });
        say(i, `${head}: FAILED ${result.error}`, true);
        continue;
      }
      outcomes[i] = outcome(write, result.action);
      const verb = dryRun ? `would ${write.mode}` : outcomes[i].toLowerCase();
      say(i, `${head}: ${verb}${write.by ? ` (matched by ${write.by})` : ""}`);
    }
  };
  // Two requests in flight: one request's writes run one after another in the subgraphs, each
  // waiting on PostgreSQL and the other subgraphs' source checks, which leaves a core idle.
  const inFlight = new Set<Promise<void>>();
  const send = async () => {
    const sent = flush().finally(() => inFlight.delete(sent));
    sent.catch(() => undefined); // handled by the race below or Promise.all at the end
    inFlight.add(sent);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  };
  for (const [i, write] of plan.actors.entries()) {
    if (write.unchanged) {
      outcomes[i] = "UNCHANGED";
      say(i, `${write.cluster.value} → ${write.record.id}: unchanged`);
      continue;
    }
    pending.push(i);
    if (pending.length === BATCH_SIZE) await send();
  }
  await send();
  await Promise.all(inFlight);
  return outcomes;
}

/** What the write did to the actor, in the connector's words. */
function outcome(write: ActorWrite, action: string): Outcome {
  if (action === "PLANNED") {
    return write.mode === "create" ? "CREATED" : write.mode === "update" ? "UPDATED" : "ENRICHED";
  }
  if (action === "UNCHANGED") return "UNCHANGED";
  if (write.mode === "enrich") return "ENRICHED";
  return action === "CREATED" ? "CREATED" : "UPDATED";
}

async function inBatches<T, R>(items: T[], run: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) {
    results.push(...(await run(items.slice(i, i + BATCH_SIZE))));
  }
  return results;
}
