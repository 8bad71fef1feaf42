import "reflect-metadata";
import { startEmbeddedPostgres } from "../services/common/embedded-postgres";
import { startSubgraph } from "../services/common/subgraph";
import { governments } from "../services/governments/schema";

async function main() {
  const pg = await startEmbeddedPostgres({ dataDir: "/tmp/try-pg", persistent: false, log: console.log });
  const url = await pg.createDatabase("try");
  const sub = await startSubgraph(governments, {
    port: 0,
    migrate: true,
    database: { url, poolSize: 5, statementTimeoutMs: 5000, connectTimeoutMs: 5000 },
  });
  console.log("up", sub.url);
  const res = await fetch(sub.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ _service { sdl } governments { totalCount edges { cursor } } statements(filter:{text:\"piratage\"}) { totalCount } }" }) });
  const j: any = await res.json(); delete j.data?._service; console.log("RESULT", JSON.stringify(j));
  await sub.stop();
  await pg.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
