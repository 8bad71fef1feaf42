import type { Client } from "pg";
import { expect, inject } from "vitest";
import { createDatabase, datasetDatabase, dropDatabase } from "../../harness/database";
import { startTestFederation } from "./federation";
import { GalaxyRun } from "./misp-galaxy";
import { underRunLock } from "./run-lock";

/** The shipped dataset, then the shipped galaxy loaded by the connector through a federation. */
async function buildTemplate(server: Client, serverUrl: string, template: string): Promise<void> {
  const url = await datasetDatabase(serverUrl, "galaxy_build");
  try {
    const federation = await startTestFederation(url);
    try {
      const editor = await federation.token("editor");
      const loaded = await new GalaxyRun(federation, editor).connector([]);
      expect(loaded.code, loaded.stderr).toBe(0);
    } finally {
      await federation.stop();
    }
    // Under its final name once complete: a failed build leaves no template behind.
    const name = new URL(url).pathname.slice(1);
    await server.query(`ALTER DATABASE "${name}" RENAME TO "${template}"`);
  } catch (error) {
    await dropDatabase(serverUrl, url);
    throw error;
  }
}

/**
 * A new database holding the shipped dataset and the MISP galaxy as `npm run import:misp` loads
 * it: a copy of a template that the first test file asking for it builds (a galaxy load, ~10 s),
 * once per run (global-setup.ts drops it); a file asking meanwhile waits for it.
 */
export async function galaxyDatabase(label: string): Promise<string> {
  const serverUrl = inject("serverUrl");
  const template = inject("galaxyTemplate");
  await underRunLock("galaxy template", async (server) => {
    const found = await server.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (found.rowCount === 0) await buildTemplate(server, serverUrl, template);
  });
  return createDatabase(serverUrl, label, template);
}
