import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, inject, it } from "vitest";
import { buildServer } from "../../helpers/build";
import { freePort } from "../../../scripts/embedded-postgres";
import { IDENTITY_HEADER, signRequest } from "../../../platform/identity";
import { projectPath } from "../../../platform/paths";
import { httpRequest, sendGraphQL } from "../../../scripts/graphql-client";
import { startTestFederation } from "../../helpers/federation";
import { SEARCH_STORY } from "../../../harness/queries/cross-source";

// On SIGTERM a service stops accepting, answers what it already accepted, closes its pool and
// exits 0: a rolling deploy drops no request.
describe("platform > graceful shutdown", () => {
  it("answers every request when the federation stops under load", async () => {
    const federation = await startTestFederation();
    const request = { query: SEARCH_STORY, variables: { text: "hacking", first: 50 } };
    // One connection per request, so each request is on the server before shutdown begins.
    const inFlight = Array.from({ length: 20 }, () =>
      sendGraphQL<any>(federation.gatewayUrl, request, { newConnection: true }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopped = federation.stop();
    const answers = await Promise.all(inFlight);
    await stopped;
    // Each request is answered: in full if it arrived before shutdown began, else with a
    // retryable 503 (never a reset connection).
    for (const answer of answers) {
      if (answer.status === 200) expect(answer.json.errors).toBeUndefined();
      else
        expect([answer.status, answer.json.errors[0].extensions.code]).toEqual([
          503,
          "SERVICE_UNAVAILABLE",
        ]);
    }
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
  });

  it("exits 0 on SIGTERM as a standalone subgraph process", async () => {
    const SECRET = "shutdown-test-identity-secret-of-32-characters";
    await buildServer();
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [projectPath("dist", "services", "governments", "main.js")],
      {
        env: {
          ...process.env,
          DATABASE_URL: inject("datasetUrl"),
          PORT: String(port),
          MIGRATE_ON_START: "false",
          IDENTITY_SECRET: SECRET,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    for (let i = 0; i < 600 && !output.includes("ready at"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(output).toContain("governments subgraph ready at");
    const ready = await httpRequest(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    // Signed as the gateway would: a subgraph answers nothing else.
    const body = JSON.stringify({
      query: "{ governments(first: 100) { totalCount nodes { id name } } }",
    });
    const identity = signRequest(
      { keyId: null, role: "reader" },
      { audience: "governments", body, secret: SECRET },
    );
    const pending = sendGraphQL(`http://127.0.0.1:${port}/`, body, {
      headers: { [IDENTITY_HEADER]: identity },
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    const answered = await pending.then((r) => r.status).catch((e: Error) => e.message);
    expect(answered).toBe(200);
    expect(code).toBe(0);
  }, 180_000);
});
