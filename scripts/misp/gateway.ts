import { type SourceEntry, citedEntries } from "../../platform/bundle";
import type { GatewayClient } from "../bundle-io";
import type { KnownGovernment } from "./countries";
import type { ActorSnapshot } from "./match";
import type { GraphState } from "./plan";

interface Answer<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** The gateway's default MAX_ROOT_FIELDS: mutations sent in one request. */
export const BATCH_SIZE = 10;
const RATE_LIMIT_RETRIES = 5;

/** One POST; a rate-limited answer is waited out (its `retry-after`) and sent again. */
async function post<T>(
  client: GatewayClient,
  query: string,
  variables: Record<string, unknown>,
): Promise<Answer<T>> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(client.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: Omit<Answer<T>, "status">;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${client.url} answered HTTP ${response.status}: ${text.slice(0, 200)}`);
    }
    const limited = body.errors?.some((e) => e.extensions?.code === "RATE_LIMITED");
    if (limited && attempt < RATE_LIMIT_RETRIES) {
      const seconds = Number(response.headers.get("retry-after")) || 2 ** attempt;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    return { status: response.status, ...body };
  }
}

/** Data, or an Error naming the first problem (its code, as the import CLI prints it). */
export async function read<T>(client: GatewayClient, query: string, variables = {}): Promise<T> {
  const answer = await post<T>(client, query, variables);
  if (answer.errors?.length || !answer.data) {
    const [error] = answer.errors ?? [{ message: `HTTP ${answer.status}` }];
    throw new Error(`${error.extensions?.code ?? "ERROR"}: ${error.message}`);
  }
  return answer.data;
}

type Page<N> = { page: { nodes: N[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };

async function everyNode<N>(client: GatewayClient, list: string, fields: string): Promise<N[]> {
  const nodes: N[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Page<N> = await read(
      client,
      `query MispConnectorRead($after: String) {
        page: ${list}(first: 100, after: $after, orderBy: { field: ID }) {
          nodes { ${fields} }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { after },
    );
    nodes.push(...data.page.nodes);
    if (!data.page.pageInfo.hasNextPage) return nodes;
    after = data.page.pageInfo.endCursor;
  }
}

/** Every threat actor (bundle form) and government the graph holds. */
export async function readGraph(client: GatewayClient): Promise<GraphState> {
  const actors = await everyNode<{ bundleRecord: ActorSnapshot }>(
    client,
    "threatActors",
    "bundleRecord",
  );
  const governments = await everyNode<KnownGovernment>(
    client,
    "governments",
    "id name kind isoAlpha2",
  );
  return { actors: actors.map((a) => a.bundleRecord), governments };
}

/** How many actors carry a MISP galaxy id: 0 until the galaxy was first loaded. */
export async function galaxyActorCount(client: GatewayClient): Promise<number> {
  const data = await read<{ threatActors: { totalCount: number } }>(
    client,
    `query MispConnectorLoaded {
      threatActors(first: 1, filter: { externalIdSystems: ["misp-galaxy"] }) { totalCount }
    }`,
  );
  return data.threatActors.totalCount;
}

export interface Write {
  record: { id: string };
  sources: Record<string, SourceEntry>;
}

/** A write's answer: its action, or null with the input's problems. */
type WriteAnswer = { action: string | null; problems: { path: string[]; message: string }[] };

/**
 * `upsert<type>` for each record, up to BATCH_SIZE root fields per request (each its own
 * transaction, as one request each would be): the action of each, or the error it failed with.
 */
export async function upsertAll(
  client: GatewayClient,
  type: string,
  writes: Write[],
  operation = "MispConnectorWrite",
): Promise<({ action: string } | { error: string })[]> {
  if (!writes.length) return [];
  const variables: Record<string, unknown> = {};
  const fields = writes.map(({ record, sources }, i) => {
    variables[`i${i}`] = record;
    // Exactly what the record cites: a key sent for nothing would be refused (UNCITED_SOURCE).
    variables[`s${i}`] = citedEntries(record, sources);
    return `r${i}: upsert${type}(input: $i${i}, sources: $s${i}, updateSources: true) { action problems { path message } }`;
  });
  const params = writes.map((_, i) => `$i${i}: ${type}Input!, $s${i}: [SourceInput!]`).join(", ");
  const answer = await post<Record<string, WriteAnswer | null>>(
    client,
    `mutation ${operation}(${params}) { ${fields.join("\n")} }`,
    variables,
  );
  if (!answer.data) {
    // Refused whole (a variable the schema rejects, an unknown key): each alone names its own.
    if (writes.length > 1) {
      const each = [];
      for (const write of writes) {
        each.push(...(await upsertAll(client, type, [write], operation)));
      }
      return each;
    }
    const [error] = answer.errors ?? [{ message: `HTTP ${answer.status}` }];
    return [{ error: `${error.extensions?.code ?? "ERROR"}: ${error.message}` }];
  }
  return writes.map((_, i) => {
    const result = answer.data![`r${i}`];
    if (result?.action) return { action: result.action };
    if (result?.problems.length) {
      const listed = result.problems.map((p) => `${p.path.join(".")}: ${p.message}`);
      return { error: `BAD_USER_INPUT: ${listed.join("; ")}` };
    }
    const error = answer.errors?.find((e) => e.path?.[0] === `r${i}`) ?? answer.errors?.[0];
    return { error: `${error?.extensions?.code ?? "ERROR"}: ${error?.message ?? "no answer"}` };
  });
}
