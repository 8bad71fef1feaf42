import { BUNDLE_FORMAT, type Bundle, type SourceEntry } from "../services/common/bundle";
import { bundleErrors } from "../services/common/validation";

/** Import and export talk to the gateway's public GraphQL API like any other client. */
export interface GatewayClient {
  url: string;
  token?: string;
}

type Kind = {
  key: keyof Omit<Bundle, "format" | "sources">;
  type: string;
  list: string;
  order: string;
};

/** In write order: a record's references inside its subgraph exist before it is written. */
export const KINDS: Kind[] = [
  { key: "governments", type: "Government", list: "governments", order: "{ field: ID }" },
  { key: "agencies", type: "Agency", list: "agencies", order: "{ field: ID }" },
  { key: "officials", type: "Official", list: "officials", order: "{ field: ID }" },
  { key: "threatActors", type: "ThreatActor", list: "threatActors", order: "{ field: ID }" },
  { key: "incidents", type: "Incident", list: "incidents", order: "{ field: ID, direction: ASC }" },
  {
    key: "statements",
    type: "Statement",
    list: "statements",
    order: "{ field: ID, direction: ASC }",
  },
  {
    key: "legalActions",
    type: "LegalAction",
    list: "legalActions",
    order: "{ field: ID, direction: ASC }",
  },
];

export async function request<T>(
  client: GatewayClient,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(client.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors?.length) {
    const [error] = body.errors;
    throw new Error(`${error.extensions?.code ?? "ERROR"}: ${error.message}`);
  }
  return body.data as T;
}

/** Every problem of a bundle, by JSON path, before anything is written. */
export function checkBundle(value: unknown): string[] {
  const errors = bundleErrors(value);
  if (errors.length) return errors;
  const bundle = value as Bundle;
  const problems: string[] = [];
  const cite = (key: string, path: string) => {
    if (!bundle.sources?.[key]) problems.push(`${path}: source "${key}" is not in $.sources`);
  };
  for (const { key } of KINDS) {
    for (const [i, record] of ((bundle[key] ?? []) as { sources: string[] }[]).entries()) {
      for (const [path, keys] of citations(record, `$.${key}[${i}]`)) {
        keys.forEach((source, j) => cite(source, `${path}[${j}]`));
      }
    }
  }
  return problems;
}

/** Every `sources` list and translation `source` inside a record, with its JSON path. */
function citations(value: unknown, path: string): [string, string[]][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => citations(item, `${path}[${i}]`));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]): [string, string[]][] => {
    if (key === "sources" && Array.isArray(child)) return [[`${path}.sources`, child as string[]]];
    if (key === "source" && typeof child === "string") return [[`${path}`, [child]]];
    return citations(child, `${path}.${key}`);
  });
}

function sourcesOf(record: object, bundle: Bundle): Record<string, SourceEntry> {
  const keys = citations(record, "$").flatMap(([, list]) => list);
  return Object.fromEntries(keys.map((key) => [key, bundle.sources![key]]));
}

/** Parents before children, so an agency's parent exists when the agency is written. */
function inWriteOrder(records: { id: string; parent?: string | null }[]) {
  const byId = new Map(records.map((r) => [r.id, r]));
  const done = new Set<string>();
  const ordered: typeof records = [];
  const visit = (record: (typeof records)[number], depth = 0) => {
    if (done.has(record.id) || depth > records.length) return;
    const parent = record.parent ? byId.get(record.parent) : undefined;
    if (parent) visit(parent, depth + 1);
    done.add(record.id);
    ordered.push(record);
  };
  records.forEach((record) => visit(record));
  return ordered;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  failed: { path: string; error: string }[];
}

/** Writes each record with one mutation (one transaction each): never a half-imported record. */
export async function importBundle(
  client: GatewayClient,
  bundle: Bundle,
  progress: (line: string) => void = () => undefined,
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, failed: [] };
  const total = KINDS.reduce((sum, { key }) => sum + (bundle[key]?.length ?? 0), 0);
  let done = 0;
  for (const { key, type } of KINDS) {
    const records = inWriteOrder((bundle[key] ?? []) as { id: string; parent?: string | null }[]);
    for (const record of records) {
      done += 1;
      const path = `$.${key}[${(bundle[key] as object[]).indexOf(record)}]`;
      try {
        const data = await request<Record<string, { action: string }>>(
          client,
          `mutation Import($input: JSONObject!, $sources: JSONObject) {
            result: upsert${type}(input: $input, sources: $sources) { action }
          }`,
          { input: record, sources: sourcesOf(record, bundle) },
        );
        const action = data.result.action;
        if (action === "CREATED") report.created += 1;
        else if (action === "UPDATED") report.updated += 1;
        else report.unchanged += 1;
        progress(`[${done}/${total}] ${type} ${record.id}: ${action.toLowerCase()}`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        report.failed.push({ path, error: message });
        progress(`[${done}/${total}] ${type} ${record.id}: FAILED ${message}`);
      }
    }
  }
  return report;
}

/** Reads every record through the gateway, page by page, into one deterministic bundle. */
export async function exportBundle(
  client: GatewayClient,
  progress: (line: string) => void = () => undefined,
): Promise<Bundle> {
  const bundle: Bundle = { format: BUNDLE_FORMAT, sources: {} };
  const sources: Record<string, SourceEntry> = {};
  for (const { key, list, order } of KINDS) {
    const records: { id: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const data: Record<
        string,
        {
          nodes: {
            bundleRecord: { record: { id: string }; sources: Record<string, SourceEntry> };
          }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        }
      > = await request(
        client,
        `query Export($after: String) {
            page: ${list}(first: 100, after: $after, orderBy: ${order}) {
              nodes { bundleRecord }
              pageInfo { hasNextPage endCursor }
            }
          }`,
        { after },
      );
      for (const { bundleRecord } of data.page.nodes) {
        records.push(bundleRecord.record);
        Object.assign(sources, bundleRecord.sources);
      }
      if (!data.page.pageInfo.hasNextPage) break;
      after = data.page.pageInfo.endCursor;
    }
    (bundle as unknown as Record<string, unknown>)[key] = records;
    progress(`exported ${records.length} ${key}`);
  }
  bundle.sources = Object.fromEntries(
    Object.keys(sources)
      .sort()
      .map((k) => [k, sources[k]]),
  );
  return bundle;
}
