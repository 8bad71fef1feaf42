import type { SourceEntry } from "../../platform/bundle";
import type { GatewayClient } from "../bundle-io";
import { read } from "../misp/gateway";

/** A record in bundle form with the sources it cites, as `bundleRecord` reads it. */
export interface Snapshot {
  record: { id: string; name: string; sources: string[]; [field: string]: unknown };
  sources: Record<string, SourceEntry>;
}

/** What the graph holds of the kinds the connector writes. */
export interface GraphState {
  governments: Snapshot[];
  agencies: Snapshot[];
  officials: Snapshot[];
  actors: Snapshot[];
  incidents: Snapshot[];
  legalActions: Snapshot[];
  persons: Snapshot[];
  statements: Snapshot[];
}

type Page = {
  page: {
    nodes: { bundleRecord: Snapshot }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
};

async function everyRecord(client: GatewayClient, list: string): Promise<Snapshot[]> {
  const records: Snapshot[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Page = await read(
      client,
      `query StixConnectorRead($after: String) {
        page: ${list}(first: 100, after: $after) {
          nodes { bundleRecord }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { after },
    );
    records.push(...data.page.nodes.map((node) => node.bundleRecord));
    if (!data.page.pageInfo.hasNextPage) return records;
    after = data.page.pageInfo.endCursor;
  }
}

export async function readGraph(client: GatewayClient): Promise<GraphState> {
  return {
    governments: await everyRecord(client, "governments"),
    agencies: await everyRecord(client, "agencies"),
    officials: await everyRecord(client, "officials"),
    actors: await everyRecord(client, "threatActors"),
    incidents: await everyRecord(client, "incidents"),
    legalActions: await everyRecord(client, "legalActions"),
    persons: await everyRecord(client, "persons"),
    statements: await everyRecord(client, "statements"),
  };
}
