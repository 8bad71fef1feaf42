import { readFile, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, totalmem } from "node:os";
import { projectPath } from "../../platform/paths";
import type { SoakResult } from "./runner";

/** The summary as printed by `npm run soak`. */
export function formatSoak(result: SoakResult): string[] {
  const m = result.memory;
  const errors = Object.entries(result.errorsByCode);
  return [
    `requests: ${result.requests} in ${(result.durationMs / 1000).toFixed(1)} s ` +
      `(${result.requestsPerSecond} req/s, concurrency ${result.concurrency}, ` +
      `${Math.round(result.writeRatio * 100)} % writes)`,
    `latency: p50 ${result.latencyMs.p50} ms, p90 ${result.latencyMs.p90} ms, ` +
      `p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`,
    ...Object.entries(result.operations).map(
      ([name, op]) =>
        `  ${name}: ${op.requests} requests, ${op.errors} errors, mean ${op.meanMs} ms`,
    ),
    `errors by code: ${
      errors.length
        ? errors
            .map(
              ([code, s]) =>
                `${code} ${s.count}${s.expected ? " (expected)" : " (UNEXPLAINED)"} e.g. ${s.examples[0]}`,
            )
            .join("; ")
        : "none"
    }`,
    `unexplained errors: ${result.unexplainedErrors}`,
    `acknowledged writes: ${result.acknowledgedWrites.total} (created ${result.acknowledgedWrites.created}, ` +
      `updated ${result.acknowledgedWrites.updated}, unchanged ${result.acknowledgedWrites.unchanged}) ` +
      `over ${result.statementsWritten} statements`,
    `verified present (last acknowledged version, read back through the gateway): ` +
      `${result.verifiedPresent}/${result.statementsWritten}` +
      (result.missing.length ? `; MISSING: ${result.missing.slice(0, 10).join("; ")}` : ""),
    `memory (${m.samples} samples, GC forced: ${m.gcForced ? "yes" : "no"}): heapUsed ` +
      `${m.heapUsed.secondQuarterMb} MB -> ${m.heapUsed.lastQuarterMb} MB ` +
      `(${signed(m.heapUsed.growthMb)} MB, ${signed(m.heapUsed.growthPct)} %), rss ` +
      `${m.rss.secondQuarterMb} MB -> ${m.rss.lastQuarterMb} MB ` +
      `(${signed(m.rss.growthMb)} MB, ${signed(m.rss.growthPct)} %), ` +
      `second quarter -> last quarter: ${m.flat ? "flat" : "GROWING"}`,
    `memory note: ${m.note}`,
    result.ok ? "soak: OK" : "soak: FAILED",
  ];
}

const signed = (n: number) => (n >= 0 ? `+${n}` : String(n));

const SOAK_HEADING = "## Soak";

const SOAK_INTRO = `${SOAK_HEADING}

\`npm run soak -- [--minutes N] [--concurrency C] [--write-ratio R]\` (3 minutes, 16 requests in
flight, 20 % writes by default; \`bench/soak/\`) starts an embedded PostgreSQL (or creates and
drops its own database on the server of \`DATABASE_URL\`), loads the shipped dataset, starts the
whole federation in one process (production mode; the per-key rate limit lifted) and, on loopback,
keeps a fixed number of requests in flight for the given time: the four cross-source queries with
ids from the dataset, lists, text searches, reads of its own writes, and \`upsertStatement\` writes
with an editor key (new statements each attributing an existing incident, half of them re-sent
unchanged or updated later). Afterwards it checks that no error occurred (every error is counted
by code and none is expected), that every acknowledged write (CREATED, UPDATED or UNCHANGED) reads
back through the gateway in the version acknowledged last (\`statements(filter: { ids })\`, 100 at
a time), and reports memory: \`heapUsed\` and \`rss\` after a forced GC every second, the mean of
the last quarter of the run against the mean of the second quarter. The gateway, the three
subgraphs and the load generator share one Node.js process, so that process's memory is the
memory of every service. It exits non-zero on any unexplained error or missing write.
\`test/e2e/bench/soak.test.ts\` runs the same checks for 10 seconds in the test suite.

Each run appends one entry below.
`;

export interface SoakSettings {
  minutes: number;
  concurrency: number;
  writeRatio: number;
}

/** Appends the run to BENCHMARKS.md's Soak section (written with its introduction if absent). */
export async function appendToBenchmarks(
  result: SoakResult,
  settings: SoakSettings,
  loadBefore: number,
) {
  const path = projectPath("BENCHMARKS.md");
  let text = "";
  try {
    text = await readFile(path, "utf8");
  } catch {
    text = "# Benchmarks\n";
  }
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const args = process.argv.slice(2).join(" ");
  const entry = [
    `### ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Command: \`npm run soak${args ? ` -- ${args}` : ""}\` (${settings.minutes} min, ` +
      `concurrency ${settings.concurrency}, ${Math.round(settings.writeRatio * 100)} % writes). ` +
      `Machine: ${availableParallelism()} CPUs (nproc; ${cpu}), ` +
      `${(totalmem() / 1024 ** 3).toFixed(1)} GiB memory, Node.js ${process.version}, ` +
      `PostgreSQL ${process.env.DATABASE_URL ? "of DATABASE_URL" : "embedded"}; 1-minute load ` +
      `average ${loadBefore.toFixed(1)} when the run started (above 0: other processes shared the CPUs).`,
    "",
    "```text",
    ...formatSoak(result),
    "```",
    "",
  ].join("\n");
  const start = text.indexOf(`\n${SOAK_HEADING}\n`);
  if (start < 0) {
    text = `${text.trimEnd()}\n\n${SOAK_INTRO}\n${entry}`;
  } else {
    // Insert at the end of the Soak section: before the next "## " heading, or at the end.
    const next = text.indexOf("\n## ", start + SOAK_HEADING.length + 1);
    const end = next < 0 ? text.length : next + 1;
    const before = text.slice(0, end).trimEnd();
    text = `${before}\n\n${entry}${next < 0 ? "" : `\n${text.slice(end)}`}`;
  }
  await writeFile(path, text.endsWith("\n") ? text : `${text}\n`);
}
