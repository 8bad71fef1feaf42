import { type Bundle, type BundleKey, citedEntries, citedSources } from "../platform/bundle";
import { type Execute, KINDS, exportRecords } from "../stix/read";
import { bundleErrors } from "./validation";
import {
  type FindIds,
  bundleProblem,
  danglingReferences,
  graphProblem,
  missingIds,
} from "../platform/references";
import { graphQLData } from "./graphql-client";
import { type BundleEntries, memoryEntries } from "./bundle-file";
import { type BundleIndex, indexBundle, referenceProblems } from "./bundle-index";
import { writeInKindOrder } from "./bundle-write";

/** Import and export talk to the gateway's public GraphQL API like any other client. */
export interface GatewayClient {
  url: string;
  token?: string;
}

export { type Execute, KINDS } from "../stix/read";

export function request<T>(
  client: GatewayClient,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  return graphQLData<T>(client.url, { query, variables }, { token: client.token });
}

/** Every problem of a bundle, by JSON path, before anything is written. */
export function checkBundle(value: unknown): string[] {
  const errors = bundleErrors(value);
  if (errors.length) return errors;
  const bundle = value as Bundle;
  const problems: string[] = [];
  for (const { key } of KINDS) {
    for (const [i, record] of (bundle[key] ?? []).entries()) {
      for (const { path, key: source } of citedSources(record)) {
        // Own keys only: "constructor" must not be found on Object.prototype.
        if (!Object.hasOwn(bundle.sources ?? {}, source)) {
          problems.push(`${jsonPath([key, i, ...path])}: source "${source}" is not in $.sources`);
        }
      }
    }
  }
  return problems;
}

function jsonPath(path: (string | number)[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === "number" ? `${text}[${part}]` : `${text}.${part}`),
    "$",
  );
}

/** Asks the graph at `client` which of `ids` it has in `list`. */
const findIdsIn =
  (client: GatewayClient): FindIds =>
  async (list, ids) => {
    const data = await request<{ page: { nodes: { id: string }[] } }>(
      client,
      `query ImportReferences($ids: [ID!]) {
        page: ${list}(first: 100, filter: { ids: $ids }) { nodes { id } }
      }`,
      { ids },
    );
    return new Set(data.page.nodes.map((node) => node.id));
  };

/**
 * References of the bundle that name a record neither in the bundle nor in the graph at
 * `client` (whose subgraphs keep cross-subgraph references order-free, unchecked).
 */
export async function checkReferences(client: GatewayClient, bundle: Bundle): Promise<string[]> {
  const dangling = await danglingReferences(bundle, findIdsIn(client));
  return dangling.map(bundleProblem);
}

/** checkReferences for a bundle read as a stream, from its index (a second read finds paths). */
export async function checkEntryReferences(
  client: GatewayClient,
  entries: BundleEntries,
  index: BundleIndex,
): Promise<string[]> {
  const inBundle = (key: BundleKey) => index.ids.get(key) ?? new Set<string>();
  const missing = await missingIds(index.referenced, inBundle, findIdsIn(client));
  return referenceProblems(entries, missing);
}

/**
 * Every reference in the graph at `client` naming a record it does not have (references across
 * subgraphs are stored unchecked, order-free): read page by page as an export reads it.
 */
export async function graphIntegrity(
  client: GatewayClient,
  progress: (line: string) => void = () => undefined,
): Promise<string[]> {
  const graph = await exportBundle(client, progress);
  // The whole graph is the bundle: there is nothing else to ask.
  const dangling = await danglingReferences(graph, async () => new Set());
  return dangling.map((r) => graphProblem(graph, r));
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  failed: { path: string; error: string }[];
  /** Why nothing was written: the bundle's dangling references. */
  refused: string[];
}

type WriteAnswer = { action: string | null; problems: { path: string[]; message: string }[] };

/**
 * Checks every reference of the bundle against the bundle and the graph first, and writes
 * nothing when one dangles; then writes each record with one mutation (one transaction each).
 */
export async function importBundle(
  client: GatewayClient,
  bundle: Bundle,
  progress: (line: string) => void = () => undefined,
): Promise<ImportReport> {
  const entries = () => memoryEntries(bundle);
  return importEntries(client, entries, await indexBundle(entries()), progress);
}

/** importBundle for a bundle read as a stream: the records are read again as they are written. */
export async function importEntries(
  client: GatewayClient,
  entries: BundleEntries,
  index: BundleIndex,
  progress: (line: string) => void = () => undefined,
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, failed: [], refused: [] };
  report.refused = await checkEntryReferences(client, entries, index);
  if (report.refused.length) return report;
  const total = [...index.counts.values()].reduce((sum, count) => sum + count, 0);
  let done = 0;
  await writeInKindOrder(entries, index, async ({ key, index: at, record }) => {
    const { type } = KINDS.find((kind) => kind.key === key)!;
    done += 1;
    try {
      const data = await request<{ result: WriteAnswer }>(
        client,
        `mutation Import($input: ${type}Input!, $sources: [SourceInput!]) {
          result: upsert${type}(input: $input, sources: $sources) { action problems { path message } }
        }`,
        { input: record, sources: citedEntries(record, index.sources) },
      );
      const { action, problems } = data.result;
      if (!action) {
        throw new Error(problems.map((p) => `${p.path.join(".")}: ${p.message}`).join("; "));
      }
      if (action === "CREATED") report.created += 1;
      else if (action === "UPDATED") report.updated += 1;
      else report.unchanged += 1;
      progress(`[${done}/${total}] ${type} ${record.id}: ${action.toLowerCase()}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      report.failed.push({ path: `$.${key}[${at}]`, error: message });
      progress(`[${done}/${total}] ${type} ${record.id}: FAILED ${message}`);
    }
  });
  return report;
}

/** Runs operations through the gateway over HTTP, as `client`. */
export const overHttp =
  (client: GatewayClient): Execute =>
  (query, variables) =>
    request(client, query, variables);

/** Reads every record through the gateway, page by page, into one deterministic bundle. */
export async function exportBundle(
  client: GatewayClient | Execute,
  progress: (line: string) => void = () => undefined,
): Promise<Bundle> {
  const execute = typeof client === "function" ? client : overHttp(client);
  return (await exportRecords(execute, progress)).bundle;
}
