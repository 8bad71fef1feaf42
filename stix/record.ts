import { recordObjects, stixGraph } from "./bundle";
import { Loaded, readRecords, unread } from "./fetch";
import type { StixObject } from "./model";
import { type Execute, kindOfType } from "./read";

/** Rounds of references read for one record: deeper chains (agencies' parents) stop there. */
const MAX_ROUNDS = 8;

/**
 * The objects made from one record (`/stix/<globalId>`) and everything they refer to: that
 * record, then what it names, round by round (one GraphQL operation each), never a whole
 * export. Null when there is no such record.
 */
export async function oneRecordObjects(
  execute: Execute,
  globalId: string,
): Promise<StixObject[] | null> {
  const [type, id] = [
    globalId.slice(0, globalId.indexOf(":")),
    globalId.slice(globalId.indexOf(":") + 1),
  ];
  let root = globalId;
  if (type === "Attribution") {
    const data = await execute<{ page: { nodes: { statement: { id: string } }[] } }>(
      `query StixAttribution($id: ID!) {
        page: attributions(first: 1, filter: { ids: [$id] }) { nodes { statement { id } } }
      }`,
      { id },
    );
    const statement = data.page.nodes[0]?.statement.id;
    if (!statement) return null;
    root = `Statement:${statement}`;
  } else if (!kindOfType(type)) {
    return null;
  }
  const loaded = new Loaded();
  const [rootType, rootId] = [root.slice(0, root.indexOf(":")), root.slice(root.indexOf(":") + 1)];
  await readRecords(execute, new Map([[rootType, new Set([rootId])]]), loaded);
  if (!loaded.has(root)) return null;
  let frontier = [root];
  for (let round = 0; round < MAX_ROUNDS && frontier.length; round += 1) {
    const before = new Set(loaded.records.keys());
    await readRecords(execute, unread(loaded, frontier), loaded);
    frontier = [...loaded.records.keys()].filter((key) => !before.has(key));
  }
  const graph = stixGraph(loaded.bundle(), { stamps: loaded.stamps });
  return recordObjects(graph, globalId);
}
