import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { type DocumentNode, Kind, parse, print, visit } from "graphql";
import { readyAt, spawnKept } from "../../harness/processes";
import { freePort } from "../../scripts/embedded-postgres";
import { projectPath } from "../../platform/paths";
import { type PeerProcess, startPeerProcess } from "./process";

/** The Grafbase CLI whose dev server is the native-code reference (../shared/STACK.md). */
export const GRAFBASE_PACKAGE = "@grafbase/cli-x86_64-unknown-linux-musl";
export const GRAFBASE_VERSION = "0.103.0";

const GRAFBASE_DIR = projectPath(".data", "grafbase");
const GRAFBASE_BIN = projectPath(
  ".data",
  "grafbase",
  "node_modules",
  ...GRAFBASE_PACKAGE.split("/"),
  "grafbase",
);

/**
 * The grafbase binary, installed on first use into .data/grafbase (a ~104 MB static binary: not a
 * dependency everyone installs). Throws when it cannot be installed (no registry, other CPU).
 */
export async function ensureGrafbase(): Promise<string> {
  if (existsSync(GRAFBASE_BIN)) return GRAFBASE_BIN;
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `${GRAFBASE_PACKAGE} runs on linux x64 only, not ${process.platform} ${process.arch}`,
    );
  }
  console.log(`installing ${GRAFBASE_PACKAGE}@${GRAFBASE_VERSION} into .data/grafbase (once)`);
  await mkdir(GRAFBASE_DIR, { recursive: true });
  await promisify(execFile)(
    "npm",
    [
      "install",
      "--prefix",
      GRAFBASE_DIR,
      "--no-save",
      "--no-audit",
      "--no-fund",
      `${GRAFBASE_PACKAGE}@${GRAFBASE_VERSION}`,
    ],
    { timeout: 300_000 },
  );
  if (!existsSync(GRAFBASE_BIN)) throw new Error(`${GRAFBASE_BIN} missing after npm install`);
  return GRAFBASE_BIN;
}

/**
 * Our subgraph SDL files (schema/<name>.graphql) as Grafbase composes them. Grafbase's
 * composition is stricter than Apollo's in one way that concerns this schema: a field whose
 * type is @inaccessible must be @inaccessible in every subgraph that declares it, the
 * `@external` copies included. Those copies gain the directive (the served schema is the same:
 * the fields are inaccessible in the supergraph either way); nothing else changes.
 */
export function grafbaseSubgraphSdl(sdls: Record<string, string>): Record<string, string> {
  const documents = Object.fromEntries(
    Object.entries(sdls).map(([name, sdl]) => [name, parse(sdl)]),
  );
  const inaccessible = new Set<string>();
  for (const document of Object.values(documents)) {
    visitFields(document, (type, field) => {
      if (field.directives?.some((d) => d.name.value === "inaccessible")) {
        inaccessible.add(`${type}.${field.name.value}`);
      }
    });
  }
  return Object.fromEntries(
    Object.entries(documents).map(([name, document]) => [
      name,
      print(
        visit(document, {
          FieldDefinition: {
            enter(field, _key, _parent, _path, ancestors) {
              const type = ancestors.at(-1) as { name?: { value: string } } | undefined;
              if (!type?.name || !inaccessible.has(`${type.name.value}.${field.name.value}`))
                return;
              if (field.directives?.some((d) => d.name.value === "inaccessible")) return;
              return {
                ...field,
                directives: [
                  ...(field.directives ?? []),
                  { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: "inaccessible" } },
                ],
              };
            },
          },
        }),
      ),
    ]),
  );
}

function visitFields(
  document: DocumentNode,
  each: (
    type: string,
    field: { name: { value: string }; directives?: readonly { name: { value: string } }[] },
  ) => void,
) {
  for (const definition of document.definitions) {
    if (
      (definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
        definition.kind === Kind.OBJECT_TYPE_EXTENSION ||
        definition.kind === Kind.INTERFACE_TYPE_DEFINITION ||
        definition.kind === Kind.INTERFACE_TYPE_EXTENSION) &&
      definition.fields
    ) {
      for (const field of definition.fields) each(definition.name.value, field);
    }
  }
}

/**
 * grafbase.toml over the running subgraphs, like the other gateways: no entity cache (off by
 * default, said explicitly) and no merging of identical in-flight subgraph requests, which
 * Grafbase does by default (`inflight_deduplication`; on a benchmark that repeats one query it
 * answers most requests from another request's fetch). Query plans stay cached, as everywhere.
 */
export function grafbaseConfig(subgraphs: Record<string, { url: string; schemaPath: string }>) {
  return [
    "[traffic_shaping]",
    "inflight_deduplication = false",
    "",
    "[entity_caching]",
    "enabled = false",
    "",
    ...Object.entries(subgraphs).flatMap(([name, { url, schemaPath }]) => [
      `[subgraphs.${name}]`,
      `url = ${JSON.stringify(url)}`,
      `schema_path = ${JSON.stringify(schemaPath)}`,
      "",
    ]),
  ].join("\n");
}

export interface GrafbaseOptions {
  subgraphUrls: Record<string, string>;
  /** The subgraphs' IDENTITY_SECRET, with which its signing proxies sign. */
  identitySecret: string;
  /** Threads of its runtime (TOKIO_WORKER_THREADS): the workers each Node service gets. */
  workers: number;
}

/**
 * `grafbase dev -c grafbase.toml -p PORT` in .data/grafbase/run over the running subgraphs and
 * schema/<name>.graphql: the CLI's development server, not the release gateway (figures are
 * labelled so). It cannot sign requests as our gateway does: it calls each subgraph through a
 * signing proxy (bench/signing-proxy.ts, its own process; BENCHMARKS.md, "Peers").
 */
export async function startGrafbase(options: GrafbaseOptions): Promise<PeerProcess> {
  const bin = await ensureGrafbase();
  const proxies = await startSigningProxies(options);
  const runDir = projectPath(".data", "grafbase", "run");
  await mkdir(runDir, { recursive: true });
  const names = Object.keys(options.subgraphUrls);
  const sdls = grafbaseSubgraphSdl(
    Object.fromEntries(
      await Promise.all(
        names.map(async (name) => [
          name,
          await readFile(projectPath("schema", `${name}.graphql`), "utf8"),
        ]),
      ),
    ),
  );
  const subgraphs: Record<string, { url: string; schemaPath: string }> = {};
  for (const name of names) {
    const schemaPath = projectPath(".data", "grafbase", "run", `${name}.graphql`);
    await writeFile(schemaPath, sdls[name]);
    subgraphs[name] = { url: proxies.urls[name], schemaPath };
  }
  await writeFile(
    projectPath(".data", "grafbase", "run", "grafbase.toml"),
    grafbaseConfig(subgraphs),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const grafbase = await startPeerProcess(
    bin,
    ["dev", "-c", "grafbase.toml", "-p", String(port)],
    {
      PATH: process.env.PATH,
      HOME: runDir,
      TOKIO_WORKER_THREADS: String(options.workers),
      GRAFBASE_DISABLE_TELEMETRY: "1",
      DO_NOT_TRACK: "1",
    },
    `${url}?query=${encodeURIComponent("{__typename}")}`,
    url,
    { cwd: runDir, timeoutMs: 120_000 },
  ).catch(async (error: unknown) => {
    await proxies.stop();
    throw error;
  });
  return { ...grafbase, stop: () => grafbase.stop().then(proxies.stop) };
}

/**
 * One signing proxy per subgraph, in one process (dist/bench/signing-proxy-main.js) with the
 * services' WORKERS; its CPU is not counted as Grafbase's (BENCHMARKS.md, "Peers").
 */
async function startSigningProxies(options: GrafbaseOptions) {
  const proxies = await Promise.all(
    Object.entries(options.subgraphUrls).map(async ([audience, target]) => ({
      audience,
      target,
      port: await freePort(),
    })),
  );
  const kept = spawnKept(
    projectPath("dist", "bench", "signing-proxy-main.js"),
    {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      WORKERS: String(options.workers),
      IDENTITY_SECRET: options.identitySecret,
      PROXIES: JSON.stringify(proxies),
    },
    // It says once it listens (platform/cluster.ts): no answer of another server is taken.
    { inherit: false, ipc: true },
  );
  const urls: Record<string, string> = {};
  for (const { audience, port } of proxies) urls[audience] = `http://127.0.0.1:${port}/`;
  try {
    await Promise.all(Object.values(urls).map((url) => readyAt(kept, `${url}health/ready`)));
  } catch (error) {
    await kept.stop();
    throw error;
  }
  return { urls, stop: () => kept.stop().then(() => undefined) };
}
