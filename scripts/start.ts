import { randomBytes } from "node:crypto";
import { workersFromEnv } from "../platform/config";
import {
  ConfigError,
  type Env,
  getEnvBool,
  getEnvInt,
  getEnvPort,
  getEnvSecret,
  getEnvStr,
} from "../platform/env";
import { projectPath } from "../platform/paths";
import {
  limitsFromEnv,
  persistedQueriesFromEnv,
  publicUrlFromEnv,
  responseCacheFromEnv,
} from "../gateway/config";
import type { ServiceName } from "./database-roles";
import { localDatabase } from "./local-database";
import { type GalaxyLoad, isFirstStart } from "./misp/on-start";
import { firstStartLoads } from "./stix-in/on-start";
import { StartFailed, SupervisedProcess } from "./supervisor";

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

/** Where this machine reaches a service listening on `host` (a wildcard is no address to dial). */
function localUrl(host: string, port: number): string {
  if (host === "0.0.0.0" || host === "::") return `http://127.0.0.1:${port}/`;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}/`;
}

function configFromEnv(env: Env) {
  // Checked here for a message before anything starts; each service reads them again.
  persistedQueriesFromEnv(env, limitsFromEnv(env).maxQueryBytes);
  workersFromEnv(env);
  const responseCache = responseCacheFromEnv(env);
  const host = getEnvStr(env, "HOST", "127.0.0.1") as string;
  const gatewayPort = getEnvPort(env, "GATEWAY_PORT", 4000);
  return {
    host,
    gatewayPort,
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
  const env = process.env;
  const config = configFromEnv(env);
  const nodeArgs = [`--max-old-space-size=${config.maxOldSpaceMb}`];
  if (!env.DATABASE_URL) console.log("starting embedded PostgreSQL (data in .data/postgres)");
  const database = await localDatabase(env);
  console.log(`database: ${database.description}`);
  // Decided before the services migrate it: the galaxy and ATT&CK load on the first start only.
  const loadPublic = config.loadMisp && (await isFirstStart(database.urls.incidents));
  let galaxy: GalaxyLoad | undefined;
  const common: Env = {
    ...env,
    HOST: config.host,
    IDENTITY_SECRET: config.identitySecret,
    MIGRATE_ON_START: String(config.migrate),
  };
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
  const all = [...subgraphs, gateway];

  let stopping: Promise<never> | undefined;
  const stop = (code: number) =>
    (stopping ??= (async () => {
      console.log("stopping...");
      galaxy?.kill();
      await galaxy?.done;
      // The gateway first, so that it can still finish requests in flight.
      await gateway.stop();
      await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
      await database.stop();
      process.exit(code);
    })());
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => void stop(0));
  }
  // Should this process fail, it takes no service with it; a SIGKILL closes the IPC channels.
  process.on("exit", () => all.forEach((service) => service.kill()));

  try {
    // One after another: migrations create shared extensions, which must not race.
    for (const service of all) {
      await service.start();
      if (stopping) return;
    }
  } catch (error) {
    if (stopping) return;
    console.error(error instanceof StartFailed ? error.message : error);
    await stop(error instanceof StartFailed && error.exitCode === 2 ? 2 : 1);
  }
  console.log(`\nattribution-graph gateway ready at ${config.publicUrl}`);
  if (config.introspection) console.log("open it in a browser for Apollo Sandbox\n");
  if (loadPublic && !stopping) {
    // A failed load leaves the services up: the graph is usable without the galaxy.
    galaxy = firstStartLoads(
      { ...common, DATABASE_URL: database.urls.gateway },
      localUrl(config.host, config.gatewayPort),
      console.log,
      // ATT&CK is matched to the galaxy's actors: it comes with the galaxy or not at all.
      { galaxy: true, attack: config.loadAttack },
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`configuration error: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
