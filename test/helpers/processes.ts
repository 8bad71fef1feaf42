import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { freePort } from "../../services/common/embedded-postgres";
import { projectPath } from "../../services/common/paths";

export const SERVICES = ["governments", "incidents", "legal-actions", "gateway"];

/** Polls `attempt` until `ok` holds (generous: the CI machine is slow), returning the last value. */
export async function until<T>(
  attempt: () => Promise<T> | T,
  ok: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + 120_000;
  let value = await attempt();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await attempt();
  }
  return value;
}

/** Alive and not a zombie. */
export function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return false;
  }
}

export interface Supervisor {
  child: ChildProcess;
  output(): string;
  /** Pids of `service`'s processes, in the order the supervisor started them. */
  pids(service: string): number[];
  exit: Promise<number | null>;
  /** The gateway's URL and its subgraphs' ports. */
  gatewayUrl: string;
  ports: Record<string, number>;
  query(query: string, variables?: Record<string, unknown>, token?: string): Promise<any>;
}

export async function startSupervisor(env: Record<string, string>): Promise<Supervisor> {
  const ports = await Promise.all(SERVICES.map(() => freePort()));
  // As `npm start` runs it after its build.
  const child = spawn(process.execPath, [projectPath("dist", "scripts", "start.js")], {
    cwd: projectPath(),
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      GOVERNMENTS_PORT: String(ports[0]),
      INCIDENTS_PORT: String(ports[1]),
      LEGAL_ACTIONS_PORT: String(ports[2]),
      GATEWAY_PORT: String(ports[3]),
      LOG_LEVEL: "warn",
      // Every answer comes from the subgraphs, never from a copy cached before the crash.
      RESPONSE_CACHE_MAX_AGE: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const gatewayUrl = `http://127.0.0.1:${ports[3]}/`;
  return {
    child,
    exit,
    output: () => output,
    pids: (service) =>
      [...output.matchAll(new RegExp(`^started ${service} \\(pid (\\d+)\\)$`, "gm"))].map(
        ([, pid]) => Number(pid),
      ),
    gatewayUrl,
    ports: Object.fromEntries(SERVICES.map((service, i) => [service, ports[i]])),
    query: (query, variables, token) => postGraphQL(gatewayUrl, query, variables, token),
  };
}

export async function ready(supervisor: Supervisor) {
  const line = /^attribution-graph gateway ready at http:\/\/127\.0\.0\.1:\d+\/$/m;
  await until(
    supervisor.output,
    (output) => line.test(output) || supervisor.child.exitCode !== null,
  );
  expect(supervisor.output(), supervisor.output().slice(-3000)).toMatch(line);
}

/** POSTs a GraphQL request; the answer's body with its status and headers. */
export async function postGraphQL(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<any> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Record<string, unknown>;
  Object.defineProperty(body, "response", { value: response, enumerable: false });
  return body;
}

/** A child process whose output is kept, and which is killed with the test run. */
export function spawnKept(path: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [path], {
    cwd: projectPath(),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}
