import { Client } from "pg";
import { inject } from "vitest";

/**
 * Runs `work` while no other test worker of this run holds the lock `name`: end-to-end files run
 * two at a time, and some share what the first to ask builds (dist/, the galaxy template). A
 * PostgreSQL advisory lock on the run's server, so the server frees it if a worker dies; `work`
 * may use the lock's connection to that server.
 */
export async function underRunLock<T>(
  name: string,
  work: (server: Client) => Promise<T> | T,
): Promise<T> {
  const client = new Client({ connectionString: inject("serverUrl") });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [`${inject("runId")}:${name}`]);
    return await work(client);
  } finally {
    await client.end();
  }
}
