import "../platform/compile-cache";
import { latestRuns } from "./report-tables";
import { parseCommand, runCommand } from "../scripts/cli";

const USAGE = `usage: npm run bench:scaling
  The scaling table from bench/results: the latest full run of each dataset size (one worker
  per service), and whether the largest answers within 1.5x of the smallest.`;

/** How much slower the largest size may answer than the smallest (issue 5: 1.5x). */
const ALLOWED_GROWTH = 1.5;

/**
 * `npm run bench:scaling`: the scaling curve from bench/results, the latest full run of each
 * dataset size with one worker per service: single-request and loaded p50 of our gateway per
 * query and size, and the largest size's p50 over the smallest's.
 */
async function main() {
  parseCommand(USAGE, { options: {} });
  // The same runs as the targets table: a variant or --only run is not a full run.
  const latest = await latestRuns();
  const sizes = [...latest.keys()].sort((a, b) => a - b);
  if (sizes.length < 2) {
    throw new Error(
      "bench:scaling needs full runs of two sizes or more in bench/results (npm run bench -- --statements N)",
    );
  }
  const smallest = latest.get(sizes[0])!;
  const largest = latest.get(sizes.at(-1)!)!;
  const header = [
    "query",
    ...sizes.map((n) => `1-req p50 at ${n.toLocaleString("en")}`),
    ...sizes.map((n) => `loaded p50 at ${n.toLocaleString("en")}`),
    ...sizes.map((n) => `bytes at ${n.toLocaleString("en")}`),
    `1-req ${sizes.at(-1)!.toLocaleString("en")} / ${sizes[0].toLocaleString("en")}`,
    "within 1.5x",
  ];
  const rows = smallest.results.map((first) => {
    const at = (n: number) => latest.get(n)!.results.find((r) => r.name === first.name);
    const last = largest.results.find((r) => r.name === first.name);
    const growth = last ? last.ours.single.p50Ms / Math.max(first.ours.single.p50Ms, 1) : NaN;
    return [
      first.name,
      ...sizes.map((n) => `${at(n)?.ours.single.p50Ms ?? "-"} ms`),
      ...sizes.map((n) => `${at(n)?.ours.load.p50Ms ?? "-"} ms`),
      ...sizes.map((n) => at(n)?.responseBytes.toLocaleString("en") ?? "-"),
      `${growth.toFixed(2)}x`,
      growth <= ALLOWED_GROWTH ? "yes" : "no",
    ];
  });
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map((_, i) => (i === 0 ? " --- " : " ---: ")).join("|")}|`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  console.log(`\nruns: ${sizes.map((n) => latest.get(n)!.timestamp).join(", ")}`);
}

runCommand(USAGE, main);
