import { type ParseArgsConfig, type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { ConfigError, type Env, getEnvPort, getEnvStr, getEnvUrl } from "../platform/env";

/** A command line the program does not understand: its message is for the user, not a stack. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Where this machine reaches a service listening on `host` (a wildcard is no address to dial). */
export function localUrl(host: string, port: number): string {
  if (host === "0.0.0.0" || host === "::") return `http://127.0.0.1:${port}/`;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}/`;
}

/** Where `npm start`'s gateway listens: HOST and GATEWAY_PORT. */
export function gatewayListenFromEnv(env: Env): { host: string; port: number } {
  return {
    host: getEnvStr(env, "HOST", "127.0.0.1") as string,
    port: getEnvPort(env, "GATEWAY_PORT", 4000),
  };
}

/**
 * The graph every command talks to, from the settings `npm start` listens by:
 * ATTRIBUTION_GRAPH_URL, else HOST and GATEWAY_PORT (scripts/start.ts listens there).
 */
export function gatewayUrlFromEnv(env: Env): string {
  const url = getEnvUrl(env, "ATTRIBUTION_GRAPH_URL", ["http:", "https:"]);
  if (url) return url;
  const { host, port } = gatewayListenFromEnv(env);
  return localUrl(host, port);
}

/** `--url`'s value, checked here so that a typo is a usage error, not a failed request. */
export function graphUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--url must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`--url must be an http(s) URL, got "${value}"`);
  }
  return url.toString();
}

/** `--help` (or `-h`) anywhere before `--`: the usage on stdout, exit 0. */
export function exitOnHelp(argv: readonly string[], usage: string): void {
  const end = argv.indexOf("--");
  const options = end < 0 ? argv : argv.slice(0, end);
  if (options.includes("--help") || options.includes("-h")) {
    console.log(usage);
    process.exit(0);
  }
}

/** node:util's parseArgs (strict) with `--help`; what it refuses becomes a UsageError. */
export function parseCommand<T extends ParseArgsConfig>(usage: string, config: T) {
  exitOnHelp(config.args ?? process.argv.slice(2), usage);
  try {
    return parseArgs(config);
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    // Its advice on positionals that start with "-" is for programmers, not users.
    const message = (error as Error).message.split(". To specify a positional")[0];
    if (code.startsWith("ERR_PARSE_ARGS")) throw new UsageError(message);
    throw error;
  }
}

/** How every command that talks to the graph finds it: the last lines of its usage. */
export const GRAPH_USAGE = `  The graph: --url, else ATTRIBUTION_GRAPH_URL, else HOST and GATEWAY_PORT as
  \`npm start\` listens (http://127.0.0.1:4000/ by default).`;

/**
 * parseCommand for a command that talks to the graph: its own `options` and positionals, with
 * `--url` and `--token` defaulting to the settings in `env`; the URL checked (a usage error).
 */
export function parseGraphCommand<O extends ParseArgsOptionsConfig>(
  usage: string,
  env: Env,
  options: O,
) {
  const parsed = parseCommand(usage, {
    allowPositionals: true,
    options: {
      ...options,
      url: { type: "string", default: gatewayUrlFromEnv(env) },
      token: { type: "string", default: env.ATTRIBUTION_GRAPH_TOKEN },
    },
  } as const);
  const { url, token } = parsed.values as { url: string; token?: string };
  return { ...parsed, client: { url: graphUrl(url), token } };
}

/** The usage lines of a connector's own options, before GRAPH_USAGE; `what` it writes one by one. */
export const connectorUsage = (what: string) =>
  `  --dry-run reads the graph and prints what it would write, writing nothing.
  --progress N prints one progress line in N (1, every ${what}, by default); failures always.`;

/**
 * parseGraphCommand for a connector (`import:misp`, `import:stix`): `--dry-run` and
 * `--progress N` besides its own `options`.
 */
export function parseConnectorCommand<O extends ParseArgsOptionsConfig>(
  usage: string,
  env: Env,
  options: O,
) {
  const parsed = parseGraphCommand(usage, env, {
    ...options,
    "dry-run": { type: "boolean", default: false },
    progress: { type: "string", default: "1" },
  } as const);
  const values = parsed.values as { "dry-run": boolean; progress: string };
  const dryRun = values["dry-run"];
  /** Its first line, once its arguments are checked: "reading the graph at URL" or "writing to ...". */
  const announce = () => sayGraph(dryRun ? "reading" : "writing to", parsed.client);
  return { ...parsed, dryRun, progressEvery: progressEvery(values.progress), announce };
}

/** The line a command starts with: "reading the graph at URL", "writing to ...". */
export function sayGraph(doing: string, client: { url: string }): void {
  console.log(`${doing} the graph at ${client.url}`);
}

/** `--progress N`: one progress line in N, a whole number of at least 1. */
export function progressEvery(value: string): number {
  const every = Number(value);
  if (!Number.isInteger(every) || every < 1) {
    throw new UsageError(`--progress must be a whole number of at least 1, got "${value}"`);
  }
  return every;
}

/**
 * Runs a command's `main`: a usage error prints its message and the usage and exits 2, a bad
 * setting exits 2 naming it, any other failure prints one line (no stack) and exits 1.
 */
export function runCommand(usage: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${usage}`);
      process.exit(2);
    }
    if (error instanceof ConfigError) {
      console.error(`configuration error: ${error.message}`);
      process.exit(2);
    }
    console.error(oneLine(error));
    process.exit(1);
  });
}

/** An error's message with its causes' ("fetch failed: connect ECONNREFUSED 127.0.0.1:9"). */
function oneLine(error: unknown): string {
  const parts: string[] = [];
  for (let at = error; at !== undefined && parts.length < 4; at = (at as Error).cause) {
    const message = at instanceof Error ? at.message : String(at);
    if (message && !parts.includes(message)) parts.push(message);
    if (!(at instanceof Error)) break;
  }
  return parts.join(": ");
}
