import type { BundleKey, BundleRecord } from "../platform/bundle";
import { keyOf, recordReferences } from "../platform/references";
import { KINDS } from "../stix/read";
import type { BundleEntries } from "./bundle-file";
import type { BundleIndex } from "./bundle-index";

/** One record as the write reads it, with its place in the bundle. */
export interface Item {
  key: BundleKey;
  index: number;
  record: BundleRecord;
}

/**
 * Writes one kind's records as they come, except that a record waits for the records of its own
 * list it refers to (an agency's parent, a union a state joins) when they come later: only those
 * wait in memory, and until that record is written.
 */
export class KindWriter {
  private readonly written = new Set<string>();
  private readonly waiting = new Map<string, Item[]>();

  constructor(
    private readonly key: BundleKey,
    private readonly ids: Set<string>,
    private readonly write: (item: Item) => Promise<void>,
  ) {}

  async add(item: Item): Promise<void> {
    const wanted = recordReferences(this.key, item.record).find(
      ({ type, id }) =>
        keyOf(type) === this.key &&
        id !== item.record.id &&
        this.ids.has(id) &&
        !this.written.has(id),
    );
    if (!wanted) return this.writeAndRelease(item);
    this.waiting.set(wanted.id, [...(this.waiting.get(wanted.id) ?? []), item]);
  }

  /** The records still waiting (a cycle: a state member of a union member of it), in list order. */
  async finish(): Promise<void> {
    while (this.waiting.size) {
      const all = [...this.waiting.values()].flat().sort((a, b) => a.index - b.index);
      for (const [id, items] of this.waiting) {
        const rest = items.filter((item) => item !== all[0]);
        if (rest.length) this.waiting.set(id, rest);
        else this.waiting.delete(id);
      }
      await this.writeAndRelease(all[0]);
    }
  }

  private async writeAndRelease(item: Item): Promise<void> {
    await this.write(item);
    this.written.add(item.record.id);
    const released = this.waiting.get(item.record.id) ?? [];
    this.waiting.delete(item.record.id);
    for (const next of released) await this.add(next);
  }
}

/**
 * The reads that write every list in the order of KINDS: one read when the file lists them in
 * that order (as an export writes them), one more each time a list comes before an earlier kind.
 */
export function readsInKindOrder(index: BundleIndex): BundleKey[][] {
  const inFile = [...index.counts.keys()];
  const reads: BundleKey[][] = [];
  let last = Infinity;
  for (const { key } of KINDS) {
    const at = inFile.indexOf(key);
    if (at < 0) continue;
    if (at < last) reads.push([]);
    reads.at(-1)!.push(key);
    last = at;
  }
  return reads;
}

/** Every record of the bundle to `write`, list by list in the order of KINDS. */
export async function writeInKindOrder(
  entries: BundleEntries,
  index: BundleIndex,
  write: (item: Item) => Promise<void>,
): Promise<void> {
  for (const keys of readsInKindOrder(index)) {
    let writer: KindWriter | undefined;
    for await (const entry of entries()) {
      if (entry.type === "list" && keys.includes(entry.key)) {
        await writer?.finish();
        writer = new KindWriter(entry.key, index.ids.get(entry.key)!, write);
      } else if (entry.type === "record" && keys.includes(entry.key)) {
        await writer!.add({ ...entry, record: entry.record as BundleRecord });
      }
    }
    await writer?.finish();
  }
}
