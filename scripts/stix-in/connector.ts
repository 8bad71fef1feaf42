import type { GatewayClient } from "../bundle-io";
import { BATCH_SIZE, upsertAll } from "../misp/gateway";
import { readGraph } from "./graph";
import { Objects } from "./objects";
import { type Plan, type Write, planImport } from "./plan";
import { type StixIn, readBundleFile } from "./read";
import { type StixReport, summaryLines } from "./report";
import { STATE_FILE, readCollection, readState, rememberCollection } from "./taxii";

export interface StixConnectorOptions {
  /** A STIX 2.1 bundle file, or a TAXII 2.1 collection URL. */
  source: string;
  /** The gateway, with an editor key unless `dryRun`. */
  client: GatewayClient;
  /** The TAXII server's key, when it wants one. */
  taxiiToken?: string;
  dryRun?: boolean;
  log?: (line: string) => void;
  /** Print one progress line in this many (every one by default); failures always. */
  progressEvery?: number;
  stateFile?: string;
  /** A larger bundle file is refused. */
  maxBytes?: number;
}

export const isCollectionUrl = (source: string) => /^https?:\/\//i.test(source);

/**
 * STIX 2.1 into the graph through the gateway's typed mutations: every object read and checked,
 * everything decided before the first write (plan.ts); a second run writes nothing.
 */
export async function runStixConnector(options: StixConnectorOptions): Promise<StixReport> {
  const { client, dryRun = false, log = () => undefined, progressEvery = 1 } = options;
  const stateFile = options.stateFile ?? STATE_FILE;
  let objects: StixIn[];
  let lastAdded: string | null = null;
  if (isCollectionUrl(options.source)) {
    const after = readState(stateFile)[options.source]?.lastAdded ?? null;
    log(`${options.source}: TAXII 2.1 collection${after ? `, objects added after ${after}` : ""}`);
    const read = await readCollection(options.source, {
      token: options.taxiiToken,
      addedAfter: after,
      log,
    });
    objects = read.objects;
    lastAdded = read.lastAdded;
  } else objects = readBundleFile(options.source, options.maxBytes);
  if (!dryRun && !client.token) {
    throw new Error("an editor API key is required: --token or ATTRIBUTION_GRAPH_TOKEN");
  }
  const index = new Objects(objects);
  const state = await readGraph(client);
  log(
    `the graph holds ${state.governments.length} governments, ${state.actors.length} threat actors and ${state.incidents.length} incidents`,
  );
  const plan = planImport(index, state);
  const types = [...plan.read].sort(([, a], [, b]) => b - a).map(([t, n]) => `${n} ${t}`);
  log(
    `${options.source}: ${objects.length} objects (${types.slice(0, 8).join(", ")}${types.length > 8 ? ", ..." : ""})`,
  );
  const report = await write(plan, client, dryRun, (i, line, always) => {
    if (always || (i + 1) % progressEvery === 0 || i + 1 === plan.writes.length) {
      log(`[${i + 1}/${plan.writes.length}] ${line}`);
    }
  });
  for (const line of summaryLines(report, dryRun)) log(line);
  if (!dryRun && lastAdded && !report.failed.length) {
    rememberCollection(options.source, lastAdded, stateFile);
    log(`next run asks for objects added after ${lastAdded} (${stateFile})`);
  }
  return report;
}

async function write(
  plan: Plan,
  client: GatewayClient,
  dryRun: boolean,
  say: (i: number, line: string, always: boolean) => void,
): Promise<StixReport> {
  const report: StixReport = { plan, outcomes: [], failed: [] };
  const head = (w: Write) => `${w.type} ${w.label} → ${w.record.id}`;
  let pending: number[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (!batch.length) return;
    const writes = batch.map((i) => plan.writes[i]);
    const results = dryRun
      ? writes.map(() => ({ action: "PLANNED" }))
      : await upsertAll(client, writes[0].type, writes, "StixConnectorWrite");
    for (const [n, result] of results.entries()) {
      const [i, w] = [batch[n], writes[n]];
      if ("error" in result) {
        report.outcomes[i] = "FAILED";
        report.failed.push({ record: `${w.type} ${w.record.id}`, error: result.error });
        say(i, `${head(w)}: FAILED ${result.error}`, true);
        continue;
      }
      const outcome =
        result.action === "UNCHANGED"
          ? "UNCHANGED"
          : w.mode === "create"
            ? "CREATED"
            : w.mode === "update"
              ? "UPDATED"
              : "ENRICHED";
      report.outcomes[i] = outcome;
      const verb = dryRun ? `would ${w.mode}` : outcome.toLowerCase();
      const what = w.changed.length ? `: ${w.changed.join(", ")}` : "";
      say(i, `${head(w)}: ${verb}${what}${w.by ? ` (matched by ${w.by})` : ""}`, false);
    }
  };
  for (const [i, w] of plan.writes.entries()) {
    if (w.unchanged) {
      report.outcomes[i] = "UNCHANGED";
      say(i, `${head(w)}: unchanged`, false);
      continue;
    }
    const type = pending.length ? plan.writes[pending[0]].type : w.type;
    if (type !== w.type || pending.length === BATCH_SIZE) await flush();
    pending.push(i);
  }
  await flush();
  return report;
}
