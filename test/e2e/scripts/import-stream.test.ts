import { execFile } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectPath } from "../../../platform/paths";
import { MAX_SOURCES_CHARS } from "../../../scripts/bundle-file";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
import { buildServer } from "../../helpers/build";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const run = promisify(execFile);

/** `node dist/scripts/import.js ...args` with `NODE_OPTIONS` as given, as the CLI tests run it. */
async function importCli(args: string[], nodeOptions = "") {
  try {
    const { stdout, stderr } = await run(
      "node",
      [projectPath("dist", "scripts", "import.js"), ...args],
      {
        cwd: projectPath(),
        env: { ...process.env, LOG_LEVEL: "silent", NODE_OPTIONS: nodeOptions },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** Writes a bundle to `file` part by part, as a stream: never the whole text in memory. */
async function writeBundle(file: string, parts: Iterable<string>) {
  const out = createWriteStream(file);
  for (const part of parts) if (!out.write(part)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

const statement = (i: number, text: string, extra: Record<string, unknown> = {}) => ({
  id: `stream-${i}`,
  kind: "SPEECH",
  issuedAt: "2024-05",
  issuer: "stream-member",
  language: "en",
  text,
  sources: ["stream-source"],
  ...extra,
});

/** A text at the documented maximum (100,000 characters), different for each statement. */
const longText = (i: number) =>
  `Statement ${i} says "é" and \\ more.\n`.repeat(3000).slice(0, 100_000);

const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
const dir = mkdtempSync(join(tmpdir(), "attribution-graph-stream-"));
beforeAll(async () => {
  await buildServer();
  databaseUrl = await createDatabase(serverUrl, "stream");
  await prepareDatabase(databaseUrl, []);
  federation = await startTestFederation(databaseUrl);
}, 180_000);
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

// The importer reads its file as a stream: a bundle larger than its heap could parse whole
// is checked within that heap.
describe("scripts > import > a file read as a stream > memory", () => {
  it("checks a 70 MB bundle under a 64 MiB heap that JSON.parse of it exceeds", async () => {
    const file = join(dir, "big.json");
    const count = 700;
    await writeBundle(
      file,
      (function* () {
        yield `{"format":"attribution-graph.bundle/1","governments":[`;
        yield JSON.stringify({
          id: "stream-member",
          name: "M",
          kind: "STATE",
          sources: ["stream-source"],
        });
        yield `],"statements":[`;
        for (let i = 0; i < count; i++)
          yield (i ? "," : "") + JSON.stringify(statement(i, longText(i)));
        yield `],"sources":{"stream-source":{"title":"T"}}}\n`;
      })(),
    );
    const size = statSync(file).size;
    const heapMiB = 64;
    // Below the file's size, let alone the 2x a whole read and its parse need.
    expect(heapMiB * 1024 * 1024).toBeLessThan(size);
    // The old way (the whole file as one string, then JSON.parse) does not fit that heap.
    const whole = await run(
      "node",
      [
        `--max-old-space-size=${heapMiB}`,
        "-e",
        `JSON.parse(require("fs").readFileSync(${JSON.stringify(file)}, "utf8"))`,
      ],
      { env: { ...process.env, NODE_OPTIONS: "" } },
    ).then(
      () => "parsed",
      (error: { stderr?: string }) => error.stderr ?? "",
    );
    expect(whole).toMatch(/heap out of memory/);

    const checked = await importCli(
      [file, "--dry-run", "--url", federation.gatewayUrl],
      `--max-old-space-size=${heapMiB}`,
    );
    expect(checked.stderr).toBe("");
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(
      `valid (1 governments, ${count} statements); every reference resolves`,
    );
    expect(checked.stdout).toContain("dry run: nothing written");
  }, 60_000);
});

// A real import reads the file again and writes record by record, in kind order, each record
// after the records of its own list it names.
describe("scripts > import > a file read as a stream > writes", () => {
  it("writes a streamed bundle whose lists come out of kind order, record by record", async () => {
    const file = join(dir, "small.json");
    const count = 30;
    const texts = Array.from({ length: count }, (_, i) => longText(i).slice(0, 20_000 + i));
    // Statements first, a member before its union, an office before its ministry, sources last:
    // the importer writes governments, then agencies, then statements, each after what it names.
    await writeBundle(
      file,
      (function* () {
        yield `{"format":"attribution-graph.bundle/1","statements":[`;
        for (let i = 0; i < count; i++) {
          const extra = { cosigners: ["stream-union"], agency: "stream-office" };
          yield (i ? "," : "") + JSON.stringify(statement(i, texts[i], extra));
        }
        yield `],"agencies":${JSON.stringify([
          {
            id: "stream-office",
            name: "O",
            kind: "MINISTRY",
            government: "stream-member",
            parent: "stream-ministry",
            sources: ["stream-source"],
          },
          {
            id: "stream-ministry",
            name: "Mi",
            kind: "MINISTRY",
            government: "stream-member",
            sources: ["stream-source"],
          },
        ])}`;
        yield `,"governments":${JSON.stringify([
          {
            id: "stream-member",
            name: "M",
            kind: "STATE",
            memberOf: ["stream-union"],
            sources: ["stream-source"],
          },
          {
            id: "stream-union",
            name: "U",
            kind: "SUPRANATIONAL_UNION",
            sources: ["stream-source"],
          },
        ])}`;
        yield `,"sources":{"stream-source":{"title":"T","url":"https://example.org/stream"}}}\n`;
      })(),
    );
    const token = await federation.token("editor");
    const imported = await importCli([file, "--url", federation.gatewayUrl, "--token", token]);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    const total = count + 4;
    const lines = imported.stdout.split("\n").filter((line) => line.startsWith("["));
    expect(lines.slice(0, 4)).toEqual([
      `[1/${total}] Government stream-union: created`,
      `[2/${total}] Government stream-member: created`,
      `[3/${total}] Agency stream-ministry: created`,
      `[4/${total}] Agency stream-office: created`,
    ]);
    expect(lines).toHaveLength(total);
    expect(imported.stdout).toContain(`done: ${total} created, 0 updated, 0 unchanged, 0 failed`);

    const read = await federation.query<any>(
      `query ($ids: [ID!]) {
        statements(first: 100, filter: { ids: $ids }) {
          nodes { id text issuer { id } agency { id parent { id } } cosigners { nodes { id } } }
        }
      }`,
      { ids: texts.map((_, i) => `stream-${i}`) },
    );
    const byId = new Map(read.data.statements.nodes.map((s: { id: string }) => [s.id, s]));
    for (const [i, text] of texts.entries()) {
      expect(byId.get(`stream-${i}`)).toEqual({
        id: `stream-${i}`,
        text,
        issuer: { id: "stream-member" },
        agency: { id: "stream-office", parent: { id: "stream-ministry" } },
        cosigners: { nodes: [{ id: "stream-union" }] },
      });
    }
    const again = await importCli([file, "--url", federation.gatewayUrl, "--token", token]);
    expect(again.stdout).toContain(`done: 0 created, 0 updated, ${total} unchanged, 0 failed`);
  }, 60_000);
});

// What is not a bundle is named precisely, before anything is written.
describe("scripts > import > a file read as a stream > refusals", () => {
  it("names malformed input precisely and writes nothing", async () => {
    const cases: [string, string, RegExp][] = [
      [
        "broken",
        `{"format": "attribution-graph.bundle/1",\n "sources": {} "x": 1}`,
        /: not JSON at line 2, column \d+ \(character \d+\): cannot parse input: expected ','/,
      ],
      ["array", `[{"format": "attribution-graph.bundle/1"}]`, /^ {2}\$: must be object$/m],
      [
        "unknown",
        `{"format": "attribution-graph.bundle/1", "sources": {}, "extra": [1]}`,
        /\$\.extra: is not a known field/,
      ],
      [
        "record",
        `{"format": "attribution-graph.bundle/1", "sources": {}, "statements": ["x"]}`,
        /\$\.statements\[0\]: must be object/,
      ],
    ];
    for (const [name, text, message] of cases) {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, text);
      const result = await importCli([file, "--url", federation.gatewayUrl, "--token", "ag_none"]);
      expect({ name, code: result.code }).toEqual({ name, code: 1 });
      expect(result.stderr).toMatch(message);
      expect(result.stdout).not.toMatch(/writing/);
    }
  }, 60_000);

  it("refuses a sources map over its documented maximum", async () => {
    const file = join(dir, "sources.json");
    const excerpt = "x".repeat(5000);
    const entries = Math.ceil(MAX_SOURCES_CHARS / 5000) + 10;
    await writeBundle(
      file,
      (function* () {
        yield `{"format":"attribution-graph.bundle/1","sources":{`;
        for (let i = 0; i < entries; i++) yield `${i ? "," : ""}"s-${i}":{"excerpt":"${excerpt}"}`;
        yield `}}\n`;
      })(),
    );
    const result = await importCli([file, "--dry-run", "--url", federation.gatewayUrl]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `$.sources: holds more than ${MAX_SOURCES_CHARS} characters of keys and text`,
    );
  }, 60_000);
});
