import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { parser } from "stream-json";
import Assembler from "stream-json/Assembler";
import Verifier from "stream-json/utils/Verifier";
import { BUNDLE_KEYS, type Bundle, type BundleKey } from "../platform/bundle";

/**
 * A bundle as the importer reads it, one part at a time: a file is never held whole (a record, or
 * the `sources` map, is the most it assembles), and the same parts come from a bundle in memory.
 */
export type BundleEntry =
  | { type: "format"; value: unknown }
  | { type: "sources"; value: unknown }
  /** A list of records begins (`array`) or is `null`. */
  | { type: "list"; key: BundleKey; value: "array" | null }
  | { type: "record"; key: BundleKey; index: number; record: unknown }
  /** What no record's schema can say: an unknown or repeated top-level key, a list not a list. */
  | { type: "problem"; message: string };

/** Reads the same bundle again on every call: the importer reads its file twice. */
export type BundleEntries = () => AsyncIterable<BundleEntry>;

/**
 * The most text (keys and strings) the `sources` map may hold: the importer keeps it in memory
 * through the whole import (README, "Bundles").
 */
export const MAX_SOURCES_CHARS = 32 * 1024 * 1024;

const isBundleKey = (key: string): key is BundleKey =>
  (BUNDLE_KEYS as readonly string[]).includes(key);

type Token = { name: string; value?: string };

/** JSON.parse's meaning of `"__proto__"`: an own key (an unknown field), not the prototype. */
function ownKeysAssembler(): Assembler {
  type Saving = Assembler & { _saveValue(value: unknown): void; stringValue(value: unknown): void };
  const asm = new Assembler() as Saving;
  const save = asm._saveValue;
  asm._saveValue = asm.stringValue = function (this: Saving, value: unknown) {
    if (!this.done && this.key === "__proto__" && !Array.isArray(this.current)) {
      Object.defineProperty(this.current, "__proto__", {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.key = null;
    } else save.call(this, value);
  };
  return asm;
}

/** Turns the parser's tokens into bundle entries, holding at most one record (or `sources`). */
class EntryReader {
  private started = false;
  private field: string | null = null;
  /** The value of the key just read is not read: the key is unknown or repeated. */
  private unread = false;
  private readonly seen = new Set<string>();
  private list: { key: BundleKey; index: number } | null = null;
  private asm: Assembler | null = null;
  private assembling: "format" | "sources" | "record" = "record";
  private skipDepth = -1;
  private sourcesChars = 0;
  /** Set when the rest of the file cannot be a bundle: stop reading. */
  stopped = false;

  push(token: Token): BundleEntry[] {
    if (!this.started) {
      this.started = true;
      if (token.name === "startObject") return [];
      this.stopped = true;
      return [{ type: "problem", message: "$: must be object" }];
    }
    if (this.skipDepth >= 0) return (this.skip(token), []);
    if (this.asm) return this.assemble(token);
    if (this.list) {
      if (token.name === "endArray") return ((this.list = null), []);
      return this.start("record", token);
    }
    if (token.name === "keyValue") return this.key(token.value!);
    if (token.name === "endObject" || this.field === null) return [];
    return this.value(token);
  }

  private key(key: string): BundleEntry[] {
    this.field = key;
    this.unread = true;
    if (this.seen.has(key)) return [{ type: "problem", message: `$.${key}: is given twice` }];
    this.seen.add(key);
    if (key !== "format" && key !== "sources" && !isBundleKey(key)) {
      return [{ type: "problem", message: `$.${key}: is not a known field` }];
    }
    this.unread = false;
    return [];
  }

  /** The value of the top-level key just read. */
  private value(token: Token): BundleEntry[] {
    const key = this.field!;
    this.field = null;
    if (this.unread || !(key === "format" || key === "sources" || isBundleKey(key))) {
      return (this.skip(token, true), []);
    }
    if (key === "format" || key === "sources") return this.start(key, token);
    if (token.name === "nullValue") return [{ type: "list", key, value: null }];
    if (token.name === "startArray") {
      this.list = { key, index: 0 };
      return [{ type: "list", key, value: "array" }];
    }
    this.skip(token, true);
    return [{ type: "problem", message: `$.${key}: must be array` }];
  }

  private start(what: "format" | "sources" | "record", token: Token): BundleEntry[] {
    this.asm = ownKeysAssembler();
    this.assembling = what;
    this.sourcesChars = 0;
    return this.assemble(token);
  }

  private assemble(token: Token): BundleEntry[] {
    const asm = this.asm!;
    if (this.assembling === "sources" && typeof token.value === "string") {
      this.sourcesChars += token.value.length;
      if (this.sourcesChars > MAX_SOURCES_CHARS) {
        this.asm = null;
        this.skipDepth = asm.depth;
        this.skip(token);
        const message = `$.sources: holds more than ${MAX_SOURCES_CHARS} characters of keys and text (the most a bundle's sources may): split the bundle`;
        return [{ type: "problem", message }];
      }
    }
    asm.consume(token);
    if (!asm.done) return [];
    this.asm = null;
    if (this.assembling === "format") return [{ type: "format", value: asm.current }];
    if (this.assembling === "sources") return [{ type: "sources", value: asm.current }];
    const list = this.list!;
    return [{ type: "record", key: list.key, index: list.index++, record: asm.current }];
  }

  /** Skips a value unread; `first` when `token` opens it. */
  private skip(token: Token, first = false) {
    if (first) this.skipDepth = 0;
    if (token.name === "startObject" || token.name === "startArray") this.skipDepth += 1;
    else if (token.name === "endObject" || token.name === "endArray") this.skipDepth -= 1;
    if (this.skipDepth === 0) this.skipDepth = -1;
  }
}

/** The file cannot be read, or is not JSON: the importer names the file. */
export class FileError extends Error {}

/** Where a file stops being JSON, as the verifier finds it (the parser does not say). */
async function notJsonAt(file: string): Promise<string | undefined> {
  try {
    await pipeline(createReadStream(file), new Verifier());
    return undefined;
  } catch (error) {
    const { line, pos, offset } = error as { line?: number; pos?: number; offset?: number };
    if (line === undefined) return undefined;
    const reason = String((error as Error).message).replace(/^.*?: Verifier /, "");
    return `not JSON at line ${line}, column ${pos} (character ${offset}): ${reason}`;
  }
}

/** The entries of a bundle file, read as a stream; malformed JSON throws with its position. */
export async function* fileEntries(file: string): AsyncGenerator<BundleEntry> {
  const source = createReadStream(file);
  const tokens = source.pipe(parser({ streamValues: false }));
  source.on("error", (error) => tokens.destroy(error));
  const reader = new EntryReader();
  try {
    for await (const token of tokens as AsyncIterable<Token>) {
      for (const entry of reader.push(token)) yield entry;
      if (reader.stopped) break;
    }
  } catch (error) {
    const at = await notJsonAt(file);
    throw new FileError(at ?? (error instanceof Error ? error.message : String(error)));
  } finally {
    source.destroy();
    tokens.destroy();
  }
}

/** The entries of a bundle in memory, in the order its keys come. */
export async function* memoryEntries(bundle: Bundle): AsyncGenerator<BundleEntry> {
  for (const [key, value] of Object.entries(bundle)) {
    if (key === "format") yield { type: "format", value };
    else if (key === "sources") yield { type: "sources", value };
    else if (!isBundleKey(key))
      yield { type: "problem", message: `$.${key}: is not a known field` };
    else if (value === null) yield { type: "list", key, value: null };
    else if (!Array.isArray(value)) yield { type: "problem", message: `$.${key}: must be array` };
    else {
      yield { type: "list", key, value: "array" };
      for (const [index, record] of value.entries()) yield { type: "record", key, index, record };
    }
  }
}
