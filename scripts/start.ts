import "../platform/compile-cache";
import { randomBytes } from "node:crypto";
import { modeFromEnv, workersFromEnv } from "../platform/config";
import { type Env, getEnvBool, getEnvInt, getEnvPort, getEnvSecret } from "../platform/env";
import { projectPath } from "../platform/paths";
import {
  limitsFromEnv,
  persistedQueriesFromEnv,
  publicUrlFromEnv,
  responseCacheFromEnv,
} from "../gateway/config";
import type { ServiceName } from "./database-roles";
import { type LocalDatabase, localDatabase } from "./local-database";
import { GALAXY_LOAD, type GalaxyLoad, loadCompleted } from "./misp/on-start";
import { ATTACK_LOAD, firstStartLoads } from "./stix-in/on-start";
import { StartFailed, SupervisedProcess } from "./supervisor";
import { gatewayListenFromEnv, localUrl, parseCommand, runCommand } from "./cli";
import { readableLogLine } from "./console-lines";

const USAGE = `usage: npm start
  PostgreSQL (embedded, data in .data/postgres, unless DATABASE_URL is set), the three subgraphs
  and the gateway, each in its own process, restarted when it dies; Ctrl-C stops them all and
  keeps the data. Settings are environment variables (README, Settings): GATEWAY_PORT, HOST,
  EMBEDDED_PG_PORT, DATABASE_URL, LOAD_MISP_ON_START, LOG_LEVEL and more.`;

/** The subgraphs of services/index.ts, without loading their schemas into this process. */
const SUBGRAPHS: { name: ServiceName; port: number; portVariable: string; urlVariable: string }[] =
  [
    {
      name: "governments",
      port: 4001,
      portVariable: "GOVERNMENTS_PORT",
      urlVariable: "GOVERNMENTS_URL",
    },
    { name: "incidents", port: 4002, portVariable: "INCIDENTS_PORT", urlVariable: "INCIDENTS_URL" },
    {
      name: "legal-actions",
      port: 4003,
      portVariable: "LEGAL_ACTIONS_PORT",
      urlVariable: "LEGAL_ACTIONS_URL",
    },
  ];

type Config = ReturnType<typeof configFromEnv>;

function configFromEnv(env: Env) {
  // Checked here for a message before anything starts; each service reads them again.
  persistedQueriesFromEnv(env, limitsFromEnv(env).maxQueryBytes);
  workersFromEnv(env);
  const responseCache = responseCacheFromEnv(env);
  const { host, port: gatewayPort } = gatewayListenFromEnv(env);
  return {
    host,
    gatewayPort,
    // Development: a service's JSON log lines are reformatted for the terminal.
    production: modeFromEnv(env).production,
    publicUrl: publicUrlFromEnv(env, host, gatewayPort) ?? localUrl(host, gatewayPort),
    subgraphs: SUBGRAPHS.map((s) => ({ ...s, port: getEnvPort(env, s.portVariable, s.port) })),
    introspection: getEnvBool(env, "INTROSPECTION", env.NODE_ENV !== "production"),
    migrate: getEnvBool(env, "MIGRATE_ON_START", true),
    seed: getEnvBool(env, "SEED_ON_START", true),
    loadMisp: getEnvBool(env, "LOAD_MISP_ON_START", true),
    loadAttack: getEnvBool(env, "LOAD_ATTACK_ON_START", true),
    // The subgraphs' Cache-Control would otherwise cap the gateway's setting.
    cacheMaxAge: responseCache ? String(responseCache.maxAgeSeconds) : env.CACHE_MAX_AGE,
    maxOldSpaceMb: getEnvInt(env, "SERVICE_MAX_OLD_SPACE_MB", 1024, { min: 128, max: 65_536 }),
    identitySecret: getEnvSecret(env, "IDENTITY_SECRET") ?? randomBytes(32).toString("base64url"),
  };
}

/**
 * `npm start`: an embedded PostgreSQL (or DATABASE_URL), then each subgraph and the gateway in
 * its own Node.js process with a heap limit, restarted when it dies.
 */
async function main() {
  parseCommand(USAGE, { options: {} });
  const env = process.env;
  const config = configFromEnv(env);
  if (!env.DATABASE_URL) console.log("starting embedded PostgreSQL (data in .data/postgres)");
  const database = await localDatabase(env);
  console.log(`database: ${database.description}`);
  // Until each load ran to its end: an interrupted one resumes on the next start. ATT&CK is
  // matched to the galaxy's actors: it comes with the galaxy or not at all.
  const loads = {
    galaxy: config.loadMisp && !(await loadCompleted(database.urls.gateway, GALAXY_LOAD)),
    attack:
      config.loadMisp &&
      config.loadAttack &&
      !(await loadCompleted(database.urls.gateway, ATTACK_LOAD)),
  };
  let galaxy: GalaxyLoad | undefined;
  const common: Env = {
    ...env,
    HOST: config.host,
    IDENTITY_SECRET: config.identitySecret,
    MIGRATE_ON_START: String(config.migrate),
  };
  const { subgraphs, gateway } = services(config, database, common);
  const all = [...subgraphs, gateway];

  let stopping: Promise<never> | undefined;
  const stop = (code: number) =>
    (stopping ??= (async () => {
      console.log("stopping the gateway, then the subgraphs...");
      galaxy?.kill();
      await galaxy?.done;
      // The gateway first, so that it can still finish requests in flight.
      await gateway.stop();
      await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
      await database.stop();
      console.log(stoppedMessage(database));
      process.exit(code);
    })());
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => void stop(0));
  }
  // Should this process fail, it takes no service with it; a SIGKILL closes the IPC channels.
  process.on("exit", () => all.forEach((service) => service.kill()));

  try {
    // All together: their migrations take turns on an advisory lock (migrate() in
    // platform/database.ts), and the gateway is ready once every subgraph is.
    await Promise.all(all.map((service) => service.start()));
    if (stopping) return;
  } catch (error) {
    if (stopping) return;
    console.error(error instanceof StartFailed ? error.message : error);
    await stop(error instanceof StartFailed && error.exitCode === 2 ? 2 : 1);
  }
  console.log(`\nattribution-graph gateway ready at ${config.publicUrl}`);
  console.log(`ready in ${(performance.now() / 1000).toFixed(1)} s (since node started)`);
  if (config.introspection) console.log("open it in a browser for Apollo Sandbox\n");
  if ((loads.galaxy || loads.attack) && !stopping) {
    // A failed load leaves the services up: the graph is usable without the galaxy.
    galaxy = firstStartLoads(
      { ...common, DATABASE_URL: database.urls.gateway },
      localUrl(config.host, config.gatewayPort),
      console.log,
      loads,
    );
  }
}

/** One supervised process per subgraph and the gateway, not started yet. */
function services(config: Config, database: LocalDatabase, common: Env) {
  const nodeArgs = [`--max-old-space-size=${config.maxOldSpaceMb}`];
  // Schema and data are ready once the first start went through.
  const restartEnv = { MIGRATE_ON_START: "false", SEED_ON_START: "false" };
  const width = Math.max(...[...SUBGRAPHS.map((s) => s.name), "gateway"].map((n) => n.length));
  const supervise = (name: ServiceName, entry: string[], port: number, extra: Env) =>
    new SupervisedProcess(
      {
        name,
        script: projectPath("dist", ...entry),
        nodeArgs,
        // Each service as its own role: it owns its schema and cannot read the others'.
        env: { ...common, DATABASE_URL: database.urls[name], PORT: String(port), ...extra },
        restartEnv,
        readyUrl: `${localUrl(config.host, port)}health/ready`,
      },
      console.log,
      `${name.padEnd(width)} | `,
      config.production ? undefined : readableLogLine,
    );
  const subgraphs = config.subgraphs.map(({ name, port }) =>
    supervise(name, ["services", name, "main.js"], port, {
      SEED_ON_START: String(config.seed),
      CACHE_MAX_AGE: config.cacheMaxAge,
    }),
  );
  const gateway = supervise("gateway", ["gateway", "main.js"], config.gatewayPort, {
    INTROSPECTION: String(config.introspection),
    ...Object.fromEntries(
      config.subgraphs.map((s) => [s.urlVariable, localUrl(config.host, s.port)]),
    ),
  });
  return { subgraphs, gateway };
}

/** What Ctrl-C stopped, and where the data stays. */
function stoppedMessage(database: LocalDatabase): string {
  const services = [...SUBGRAPHS.map((s) => s.name), "gateway"].join(", ");
  const postgres = database.embeddedStarted ? " and the embedded PostgreSQL" : "";
  return `stopped ${services}${postgres}; the data is kept in ${database.dataLocation}`;
}

runCommand(USAGE, main);
