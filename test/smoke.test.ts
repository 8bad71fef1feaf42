import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestFederation, startTestFederation } from "./helpers/federation";

describe("smoke", () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation();
  });
  afterAll(() => federation?.stop());

  it("answers", async () => {
    const db = federation.subgraphs[0].dataSource;
    const { Statement } = await import("../services/governments/entities/statement");
    const q = db.getRepository(Statement).createQueryBuilder("s").addSelect("s.issued_on", "_sort0").addSelect("s.id", "_sort1").orderBy("_sort0", "DESC").limit(2);
    const r = await q.getRawAndEntities();
    console.log(q.getSql(), r.raw[0], r.entities[0]);
    const result = await federation.query(`{ governments(first: 3) { totalCount edges { cursor node { id name } } } statements(filter: {text: "piratage"}) { totalCount nodes { id } } }`);
    console.log(JSON.stringify(result, null, 1).slice(0, 3000));
    expect(result.errors).toBeUndefined();
  });
});
