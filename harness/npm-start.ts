import { saysPortInUse } from "../platform/http";
import { freePort } from "../scripts/embedded-postgres";
import { projectPath } from "../platform/paths";
import { type GraphQLResponse, postGraphQL } from "../scripts/graphql-client";
import { type KeptProcess, spawnKept, until } from "./processes";

export const SERVICES = ["governments", "incidents", "legal-actions", "gateway"] as const;

export interface NpmStart extends KeptProcess {
  /** The gateway's URL and every service's port. */
  gatewayUrl: string;
  ports: Record<(typeof SERVICES)[number], number>;
  /** Pids of `service`'s processes, in the order the supervisor started them. */
  pids(service: string): number[];
  /** Resolves once the gateway is ready; rejects with the output if the supervisor exits first. */
  ready(): Promise<void>;
  // Untyped by default: tests explore the JSON answers (as test/**, where `any` is allowed).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
}

const READY = /^attribution-graph gateway ready at http:\/\/\S+$/m;

/**
 * Runs what `npm start` runs after its build, `node dist/scripts/start.js` (the supervisor of
 * every service), on free loopback ports with `env` added, without waiting for it.
 */
export async function spawnNpmStart(env: Record<string, string>): Promise<NpmStart> {
  const [governments, incidents, legalActions, gateway] = await Promise.all(
    SERVICES.map(() => freePort()),
  );
  const supervisor = spawnKept(projectPath("dist", "scripts", "start.js"), {
    HOST: "127.0.0.1",
    GOVERNMENTS_PORT: String(governments),
    INCIDENTS_PORT: String(incidents),
    LEGAL_ACTIONS_PORT: String(legalActions),
    GATEWAY_PORT: String(gateway),
    LOG_LEVEL: "warn",
    ...env,
  });
  const gatewayUrl = `http://127.0.0.1:${gateway}/`;
  return {
    ...supervisor,
    gatewayUrl,
    ports: { governments, incidents, "legal-actions": legalActions, gateway },
    pids: (service) =>
      [
        ...supervisor.output().matchAll(new RegExp(`^started ${service} \\(pid (\\d+)\\)$`, "gm")),
      ].map(([, pid]) => Number(pid)),
    async ready() {
      const { child, output } = supervisor;
      await until(output, (text) => READY.test(text) || child.exitCode !== null);
      if (!READY.test(output())) {
        throw new Error(
          `npm start is not ready (exit ${child.exitCode}):\n${output().slice(-3000)}`,
        );
      }
    },
    query: (query, variables, token) => postGraphQL(gatewayUrl, { query, variables }, { token }),
  };
}

/**
 * `npm start` over `databaseUrl`, once its gateway is ready. Started again on other ports when
 * one it was given got taken meanwhile (free when picked, by another test's server when used).
 */
export async function startNpmStart(
  databaseUrl: string,
  env: Record<string, string> = {},
  attempts = 3,
): Promise<NpmStart> {
  const npmStart = await spawnNpmStart({ DATABASE_URL: databaseUrl, ...env });
  try {
    await npmStart.ready();
  } catch (error) {
    await npmStart.stop();
    if (attempts > 1 && saysPortInUse(npmStart.output())) {
      return startNpmStart(databaseUrl, env, attempts - 1);
    }
    throw error;
  }
  return npmStart;
}
