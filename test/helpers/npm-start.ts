import { spawn } from "node:child_process";
import { freePort } from "../../services/common/embedded-postgres";
import { projectPath } from "../../services/common/paths";

export interface NpmStart {
  gatewayUrl: string;
  output(): string;
  /** SIGTERM, then the exit code (the supervisor stops every service first). */
  stop(): Promise<number | null>;
}

const READY = /^attribution-graph gateway ready at (http:\/\/\S+)$/m;

/**
 * Runs what `npm start` runs after its build, `node dist/scripts/start.js`, on free ports over
 * `databaseUrl`, and resolves once the gateway is ready (rejects with the output if it exits).
 */
export async function startNpmStart(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<NpmStart> {
  const [governments, incidents, legalActions, gateway] = await Promise.all(
    [0, 1, 2, 3].map(() => freePort()),
  );
  const child = spawn(process.execPath, [projectPath("dist", "scripts", "start.js")], {
    cwd: projectPath(),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      GOVERNMENTS_PORT: String(governments),
      INCIDENTS_PORT: String(incidents),
      LEGAL_ACTIONS_PORT: String(legalActions),
      GATEWAY_PORT: String(gateway),
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const ready = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = READY.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    void exited.then((code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  return {
    gatewayUrl: await ready,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
