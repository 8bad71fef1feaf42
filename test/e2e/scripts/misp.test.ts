import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { datasetDatabase, dropDatabase } from "../../../harness/database";
import { buildServer } from "../../helpers/build";
import { type TestFederation, startTestFederation } from "../../helpers/federation";
import {
  CLUSTERS,
  GalaxyRun,
  SHIPPED,
  type Snapshot,
  cluster,
  craftedGalaxy,
  expectCuratedKept as expectKept,
  shipped,
} from "../../helpers/misp-galaxy";

// The connector as the README runs it: the built script, a child process, through the gateway of
// a real federation with an editor key; every assertion reads the graph back over HTTP. The
// describes below run in order over one database: the first load, later runs, bad input.
const serverUrl = inject("serverUrl");
let databaseUrl: string;
let federation: TestFederation;
let token: string;
let galaxy: GalaxyRun;
let curated: Map<string, Snapshot>;
const dir = mkdtempSync(join(tmpdir(), "attribution-graph-misp-"));
const connector = (args: string[]) => galaxy.connector(args);
const data = (query: string, variables?: Record<string, unknown>) => galaxy.data(query, variables);
const actors = () => galaxy.actors();
const actor = (id: string) => galaxy.actor(id);
const expectCuratedKept = (now: Map<string, Snapshot>) => expectKept(curated, now);
/** The producer the crafted galaxy names (helpers/misp-galaxy.ts). */
const CRAFTED = "crafted for test/e2e/scripts/misp.test.ts";

beforeAll(async () => {
  await buildServer();
  databaseUrl = await datasetDatabase(serverUrl, "misp");
  federation = await startTestFederation(databaseUrl);
  token = await federation.token("editor");
  galaxy = new GalaxyRun(federation, token);
  curated = await actors();
}, 180_000);
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

// The shipped galaxy on the curated dataset: one actor per cluster, curated actors enriched.
describe("scripts > MISP galaxy connector > first load (node dist/scripts/import-misp.js)", () => {
  it("loads the shipped galaxy: one actor per cluster, curated actors enriched, with progress", async () => {
    const first = await connector([]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`[1/${CLUSTERS}] `);
    expect(first.stdout).toContain(`[${CLUSTERS}/${CLUSTERS}] `);
    const done =
      /done: (\d+) clusters: (\d+) created, 0 updated, (\d+) enriched, 0 unchanged, 0 failed/.exec(
        first.stdout,
      );
    expect(done, first.stdout.slice(-3000)).not.toBeNull();
    const [, clusters, created, enriched] = done!.map(Number);
    expect(clusters).toBe(CLUSTERS);
    expect(created + enriched).toBe(CLUSTERS);
    expect(first.stdout).toMatch(/matched \d+ curated actors: .*apt40 ← APT40 \(name "APT40"\)/);
    expect(first.stdout).toMatch(/^unresolved:$/m);
    expect(first.stdout).toMatch(/^ {2}countries: \d+ \(.*"Middle East"/m);

    const now = await actors();
    expect(now.size).toBe(curated.size + created);
    expectCuratedKept(now);
    // Every curated actor the galaxy matched now carries its cluster's uuid, and only that one.
    const apt40 = await actor("apt40");
    expect(apt40.externalIds).toEqual([{ system: "misp-galaxy", id: cluster("APT40").uuid }]);
    expect(apt40.managedBy).toBeNull();
    // Its own aliases first, as curated; then the galaxy's it lacked, citing the galaxy.
    expect(apt40.aliases).toContainEqual({
      name: "ISLAND CASTLE",
      namedBy: "Google Cloud Blog",
      ambiguous: false,
      sources: [
        { url: "https://github.com/MISP/misp-galaxy/blob/main/clusters/threat-actor.json" },
      ],
    });
  }, 300_000);

  it('finds "Secret Blizzard": Turla, named by Microsoft, sponsored by Russia, every ref a source', async () => {
    const { threatActors } = await data(/* GraphQL */ `
      {
        threatActors(first: 5, filter: { text: "Secret Blizzard" }) {
          nodes {
            id
          }
        }
      }
    `);
    expect(threatActors.nodes[0].id).toBe("turla");
    const turla = await actor("turla");
    expect(turla.aliases).toContainEqual({
      name: "Secret Blizzard",
      namedBy: "Microsoft",
      ambiguous: false,
      sources: [
        { url: "https://github.com/MISP/misp-galaxy/blob/main/clusters/threat-actor.json" },
      ],
    });
    expect(turla.sponsorState).toEqual({ id: "ru", isoAlpha2: "RU", isoAlpha3: "RUS" });
    expect(turla.kind).toBe("STATE_SPONSORED");
    expect(turla.sponsorConfidence).toBe(Number(cluster("Turla").meta["attribution-confidence"]));
    expect(turla.managedBy).toBe("misp-galaxy");
    expect(turla.externalIds).toEqual([{ system: "misp-galaxy", id: cluster("Turla").uuid }]);
    const urls = turla.sources.map((s: { url: string }) => s.url);
    for (const ref of cluster("Turla").meta.refs) expect(urls).toContain(ref);

    // Written through the audited path, by the editor key the connector was given.
    const history = await data(/* GraphQL */ `
      {
        threatActor(id: "turla") {
          history(first: 5) {
            nodes {
              action
              keyId
            }
          }
        }
      }
    `);
    expect(history.threatActor.history.nodes).toEqual([
      { action: "CREATED", keyId: token.split("_")[1] },
    ]);
  });
});

// What the first load wrote: new sponsor states, aliases shared by clusters, who named an alias.
describe("scripts > MISP galaxy connector > first load > what it wrote", () => {
  it("creates the sponsor states it lacks from country.json, with their ISO codes", async () => {
    const apt32 = await actor("apt32");
    expect(apt32.sponsorState).toEqual({ id: "vn", isoAlpha2: "VN", isoAlpha3: "VNM" });
  });

  it("keeps the galaxy's country as a suspected origin, apart from sponsorship, filterable", async () => {
    const galaxySource = [
      { url: "https://github.com/MISP/misp-galaxy/blob/main/clusters/threat-actor.json" },
    ];
    // BlackTech is the galaxy's alone (Volt Typhoon became a curated actor with the 2023 advisory).
    const blackTech = await actor("blacktech");
    expect(cluster("BlackTech").meta.country).toBe("CN");
    expect(blackTech.suspectedOrigin).toEqual({
      government: { id: "cn" },
      claimedBy: "MISP galaxy: Threat Actor",
      sources: galaxySource,
    });
    // The galaxy names no sponsor for it: an origin is not a sponsorship.
    expect(blackTech.sponsorState).toBeNull();
    expect(blackTech.kind).toBe("UNKNOWN");
    // A curated actor without an origin gets the galaxy's; a curated origin stays as cited.
    const [apt10, volt, hafnium] = await Promise.all([
      actor("apt10"),
      actor("volt-typhoon"),
      actor("hafnium"),
    ]);
    expect(apt10.suspectedOrigin).toEqual(blackTech.suspectedOrigin);
    expect(volt.suspectedOrigin).toEqual(blackTech.suspectedOrigin);
    expect(hafnium.suspectedOrigin.claimedBy).toBe("Microsoft Threat Intelligence Center");
    const fromChina = await data(/* GraphQL */ `
      {
        threatActors(first: 100, filter: { suspectedOrigin: "cn" }) {
          totalCount
          nodes {
            id
            suspectedOrigin {
              government {
                id
              }
            }
          }
        }
        some: threatActors(
          filter: { suspectedOrigin: ["cn"], ids: ["apt28", "apt40", "volt-typhoon"] }
        ) {
          nodes {
            id
          }
        }
      }
    `);
    const { totalCount, nodes } = fromChina.threatActors;
    const inGalaxy = shipped.values.filter((v: any) => v.meta?.country === "CN").length;
    // The CN clusters (less any left out for a conflict, which the run reports), no other.
    expect(totalCount).toBeGreaterThan(inGalaxy - 5);
    expect(totalCount).toBeLessThanOrEqual(inGalaxy);
    // APT28's country is RU.
    expect(fromChina.some.nodes).toEqual([{ id: "apt40" }, { id: "volt-typhoon" }]);
    for (const node of nodes) expect(node.suspectedOrigin.government.id).toBe("cn");
  });

  it("keeps an alias two clusters share on both, marked ambiguous, and merges neither", async () => {
    const [kitten, apt35] = await Promise.all([actor("charming-kitten"), actor("apt35")]);
    for (const one of [kitten, apt35]) {
      expect(one.aliases).toContainEqual(
        expect.objectContaining({ name: "Mint Sandstorm", namedBy: "Microsoft", ambiguous: true }),
      );
    }
    expect(kitten.externalIds[0].id).not.toBe(apt35.externalIds[0].id);
  });

  it("filters actors by who named one of their aliases", async () => {
    const named = await data(/* GraphQL */ `
      {
        threatActors(first: 100, filter: { aliasNamedBy: ["microsoft"] }) {
          totalCount
          nodes {
            id
            aliases {
              namedBy
            }
          }
        }
      }
    `);
    const { totalCount, nodes } = named.threatActors;
    expect(totalCount).toBeGreaterThan(100);
    expect(nodes).toHaveLength(100);
    for (const node of nodes) {
      expect(node.aliases.map((a: { namedBy: string | null }) => a.namedBy)).toContain("Microsoft");
    }
    const some = await data(/* GraphQL */ `
      {
        threatActors(
          first: 10
          filter: { aliasNamedBy: ["Microsoft"], ids: ["apt28", "apt1", "volt-typhoon"] }
        ) {
          nodes {
            id
          }
        }
      }
    `);
    // APT1's aliases were coined by Mandiant, CrowdStrike, Secureworks, MITRE: not Microsoft.
    expect(some.threatActors.nodes).toEqual([{ id: "apt28" }, { id: "volt-typhoon" }]);
    const none = await data(/* GraphQL */ `
      {
        threatActors(first: 1, filter: { aliasNamedBy: ["nobody named this"] }) {
          totalCount
        }
      }
    `);
    expect(none.threatActors.totalCount).toBe(0);
  });
});

// Later runs write only what changed in the galaxy file, and a dry run writes nothing.
describe("scripts > MISP galaxy connector > later runs", () => {
  it("a second run changes nothing", async () => {
    const before = await actors();
    const again = await connector([]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      `done: ${CLUSTERS} clusters: 0 created, 0 updated, 0 enriched, ${CLUSTERS} unchanged, 0 failed; 0 governments created`,
    );
    expect(await actors()).toEqual(before);
  }, 120_000);

  it("a newer galaxy file updates what changed only", async () => {
    const newer = join(dir, "newer");
    cpSync(SHIPPED, newer, { recursive: true });
    const file = structuredClone(shipped);
    const turla = file.values.find((v: { value: string }) => v.value === "Turla");
    turla.description = "Turla, as a newer galaxy describes it.";
    const apt40 = file.values.find((v: { value: string }) => v.value === "APT40");
    apt40.meta.synonyms.push("Crafted Gull");
    apt40.meta["name-attribution"].push("Crafted Gull:a7119872-bc6b-494b-9f7a-8c50faaf53a9");
    writeFileSync(join(newer, "threat-actor.json"), JSON.stringify(file, null, 2));

    const before = await actors();
    const result = await connector([newer]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `done: ${CLUSTERS} clusters: 0 created, 1 updated, 1 enriched, ${CLUSTERS - 2} unchanged, 0 failed`,
    );
    const after = await actors();
    for (const [id, snapshot] of after) {
      if (id !== "turla" && id !== "apt40") expect(snapshot, id).toEqual(before.get(id));
    }
    expect((await actor("turla")).description).toBe(turla.description);
    expect((await actor("apt40")).aliases).toContainEqual(
      expect.objectContaining({ name: "Crafted Gull", namedBy: "Secureworks", ambiguous: false }),
    );
    expectCuratedKept(after);

    // Back to the shipped file: the same two records change back.
    const back = await connector([]);
    expect(back.stdout).toContain("0 created, 1 updated, 1 enriched");
    expect(await actors()).toEqual(before);
  }, 120_000);

  it("a dry run prints what the newer file would change and writes nothing", async () => {
    const before = await actors();
    const dry = await connector([join(dir, "newer"), "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      `dry run: ${CLUSTERS} clusters: 0 would be created, 1 would be updated, 1 would be enriched, ${CLUSTERS - 2} unchanged, 0 failed`,
    );
    expect(dry.stdout).toMatch(/Turla → turla: would update/);
    expect(await actors()).toEqual(before);
  }, 120_000);
});

// A galaxy that conflicts with the graph, or is malformed, is reported and corrupts nothing.
describe("scripts > MISP galaxy connector > bad input", () => {
  it("reports a conflicting alias, an unknown country and an unknown producer, and corrupts nothing", async () => {
    const crafted = join(dir, "crafted");
    cpSync(SHIPPED, crafted, { recursive: true });
    writeFileSync(join(crafted, "threat-actor.json"), JSON.stringify(craftedGalaxy()));
    const before = await actors();
    const result = await connector([crafted]);
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain(
      "done: 3 clusters: 2 created, 0 updated, 1 enriched, 0 unchanged, 0 failed; 0 governments created",
    );
    expect(out).toContain('revil ← REvil (name "REvil")');
    expect(out).toMatch(/"crafted shared name": crafted-kestrel, crafted-osprey/);
    expect(out).toMatch(/"leviathan": crafted-kestrel/);
    expect(out).toMatch(/^ {2}countries: 2 \("Atlantis" ×1, "Narnia" ×1\)$/m);
    expect(out).toMatch(
      /^ {2}producers: 2 \("Nonexistent Labs" ×1, "uuid 0badc0de-0000-4000-8000-000000000000" ×1\)$/m,
    );
    expect(out).toMatch(/no longer in the galaxy, left as they are: \d+ /);

    const after = await actors();
    // Nothing else moved: the shipped galaxy's actors and APT40 (which shares "Leviathan") included.
    // The galaxy's own source is one source: its new publisher is every citing record's.
    const key = "misp-galaxy-threat-actor";
    const galaxy = { ...before.get("apt1")!.sources[key], publisher: CRAFTED };
    for (const [id, { record, sources }] of before) {
      const shared = sources[key] ? { ...sources, [key]: galaxy } : sources;
      if (id !== "revil") expect(after.get(id), id).toEqual({ record, sources: shared });
    }
    expectCuratedKept(after);
    const revil = await actor("revil");
    expect(revil.description).toBe(curated.get("revil")!.record.description);
    expect(revil.kind).toBe("CRIMINAL");
    expect(revil.sponsorState).toBeNull();
    expect(revil.aliases.map((a: { name: string }) => a.name)).toEqual([
      "Sodinokibi",
      "GOLD SOUTHFIELD",
    ]);

    const [kestrel, osprey] = await Promise.all([
      actor("crafted-kestrel"),
      actor("crafted-osprey"),
    ]);
    expect(kestrel.aliases).toEqual([
      expect.objectContaining({ name: "Crafted Shared Name", ambiguous: true }),
      expect.objectContaining({ name: "Leviathan", ambiguous: true }),
    ]);
    expect(kestrel.kind).toBe("STATE_SPONSORED");
    expect(kestrel.sponsorState).toBeNull();
    expect(osprey.aliases).toEqual([
      expect.objectContaining({ name: "Crafted Shared Name", ambiguous: true }),
      expect.objectContaining({ name: "Crafted Osprey", namedBy: "Nonexistent Labs" }),
    ]);
    expect(osprey.sponsorState?.id).toBe("fr");
    expect(osprey.sponsorConfidence).toBe(80);
    // The search finds both, and the curated actor, by the names they share: none merged.
    const shared = await data(/* GraphQL */ `
      {
        threatActors(first: 10, filter: { text: "Leviathan" }) {
          nodes {
            id
          }
        }
      }
    `);
    expect(shared.threatActors.nodes.map((n: { id: string }) => n.id)).toEqual(
      expect.arrayContaining(["apt40", "crafted-kestrel"]),
    );
  }, 120_000);
});

describe("scripts > MISP galaxy connector > malformed input", () => {
  it("refuses a malformed galaxy file with a precise message and writes nothing", async () => {
    const before = await actors();
    const broken = join(dir, "broken");
    cpSync(SHIPPED, broken, { recursive: true });
    writeFileSync(join(broken, "threat-actor.json"), '{"values": [ {"value": "x", ');
    const notJson = await connector([broken]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain(
      `1 problem(s) in the galaxy, nothing written:\n  ${join(broken, "threat-actor.json")}: invalid JSON: `,
    );

    const wrongFile = join(dir, "wrong.json");
    writeFileSync(
      wrongFile,
      JSON.stringify({
        type: "threat-actor",
        values: [
          { value: "Fine", uuid: "8e1f6a0c-0000-4000-8000-000000000009" },
          { value: "Bad uuid", uuid: "not-a-uuid", meta: { synonyms: "one, two" } },
          { value: "Twin", uuid: "8e1f6a0c-0000-4000-8000-000000000009" },
          { uuid: "8e1f6a0c-0000-4000-8000-00000000000a" },
        ],
      }),
    );
    cpSync(join(SHIPPED, "producer.json"), join(dir, "producer.json"));
    cpSync(join(SHIPPED, "country.json"), join(dir, "country.json"));
    const invalid = await connector([wrongFile]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("4 problem(s) in the galaxy, nothing written:");
    expect(invalid.stderr).toContain(
      `${wrongFile}: $.values[1].uuid: must be a UUID, got "not-a-uuid"`,
    );
    expect(invalid.stderr).toContain(
      `${wrongFile}: $.values[1].meta["synonyms"]: must be a list of strings`,
    );
    expect(invalid.stderr).toContain(`${wrongFile}: $.values[3].value: must be a non-empty string`);
    expect(invalid.stderr).toContain(
      `${wrongFile}: $.values[2].uuid: "8e1f6a0c-0000-4000-8000-000000000009" is also $.values[0]'s`,
    );
    // Only the graph it would talk to (issue 25: said before anything is read or written).
    expect(invalid.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^writing to the graph at http/),
    ]);

    const missing = await connector([join(dir, "nowhere")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${join(dir, "nowhere")}: no such file or directory`);

    expect(await actors()).toEqual(before);
  }, 120_000);
});
