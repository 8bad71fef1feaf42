import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dropDatabase } from "../../../harness/database";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../../../platform/limits";
import { projectPath } from "../../../platform/paths";
import { httpRequest } from "../../../scripts/graphql-client";
import { referencesOf } from "../../../stix/bundle";
import { periodEnd, periodStart } from "../../../stix/dates";
import {
  EXTENSION_DEFINITION,
  LEGAL_ACTION_TYPE,
  PROPERTY_EXTENSION,
} from "../../../stix/extension";
import { NAMESPACE, stixId, uuidv5 } from "../../../stix/ids";
import type { StixObject } from "../../../stix/model";
import { shippedDataset } from "../../helpers/dataset";
import {
  LARGE_SOURCES,
  UPSERT_STATEMENT,
  largeStatementInput,
} from "../../helpers/large-statements";
import { galaxyDatabase } from "../../helpers/galaxy-database";
import { buildServer } from "../../helpers/build";
import { type TestFederation, startTestFederation } from "../../helpers/federation";
import { flatExtension, stixValidator } from "../../helpers/stix-schemas";

const run = promisify(execFile);

/** `node dist/scripts/export.js ...args`, as `npm run export -- ...args` runs it. */
async function exportCli(args: string[]) {
  try {
    const { stdout, stderr } = await run(
      "node",
      [projectPath("dist", "scripts", "export.js"), ...args],
      { cwd: projectPath(), env: { ...process.env, LOG_LEVEL: "silent" } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** The object standing for a record: the one whose external references name its global id. */
function recordObject(objects: StixObject[], globalId: string): StixObject {
  const found = objects.filter(
    (object) =>
      (
        object.external_references as { source_name: string; external_id?: string }[] | undefined
      )?.some((ref) => ref.source_name === "attribution-graph" && ref.external_id === globalId) &&
      object.type !== "relationship" &&
      object.type !== "threat-actor",
  );
  expect(
    found.map((object) => object.type),
    globalId,
  ).toHaveLength(1);
  return found[0];
}

// The shipped dataset exported as STIX 2.1 by the built CLI, as a user runs it: every object is
// valid against the OASIS schemas (the legal-action SDO against the project's own), a second
// export is byte-identical, every reference resolves inside the bundle, and the seed story
// (MSS / China and the Exchange hack, Blinken's words in two languages, four defendants) is there.
let federation: TestFederation;
const dir = mkdtempSync(join(tmpdir(), "attribution-graph-stix-"));
const files = [join(dir, "first.json"), join(dir, "second.json")];
/** The objects as exported, and with the project's properties read back at the top level. */
let raw: StixObject[];
let objects: StixObject[];
let byId: Map<string, StixObject>;
const data = shippedDataset();
const serverUrl = inject("serverUrl");
let databaseUrl: string;
/** Statements at every documented maximum (test/helpers/large-statements.ts). */
const LARGE = 20;
beforeAll(async () => {
  await buildServer();
  // The shipped dataset, the MISP galaxy as the README loads it, and 20 maximal statements.
  databaseUrl = await galaxyDatabase("stix");
  federation = await startTestFederation(databaseUrl);
  const editor = await federation.token("editor");
  for (let i = 0; i < LARGE; i += 1) {
    const written = await federation.query(
      UPSERT_STATEMENT,
      { input: largeStatementInput(i), sources: LARGE_SOURCES },
      { token: editor },
    );
    expect(written.errors, JSON.stringify(written.errors)).toBeUndefined();
  }
  for (const file of files) {
    const result = await exportCli([file, "--format", "stix", "--url", federation.gatewayUrl]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/mapped to \d+ STIX 2\.1 objects\nwrote /);
  }
  const bundle = JSON.parse(readFileSync(files[0], "utf8"));
  raw = bundle.objects;
  objects = raw.map(flatExtension);
  byId = new Map(objects.map((object) => [object.id, object]));
}, 180_000);
afterAll(async () => {
  await federation?.stop();
  if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
});

// Byte-identical twice, valid against the OASIS schemas (which refuse what they should), every
// reference resolved, every record named by UUIDv5 of its global id, dated by system time.
describe("stix > npm run export -- FILE --format stix > a valid, stable bundle", () => {
  it("writes the same bytes twice: ids, timestamps and order do not depend on the run", () => {
    expect(readFileSync(files[1], "utf8")).toBe(readFileSync(files[0], "utf8"));
    expect(new Set(objects.map((object) => object.id)).size).toBe(objects.length);
  });

  it("is valid STIX 2.1: every object against its OASIS schema, the bundle against bundle.json", () => {
    const validator = stixValidator();
    const bundle = JSON.parse(readFileSync(files[0], "utf8"));
    expect(bundle.type).toBe("bundle");
    expect(validator.bundle(bundle)).toEqual([]);
    // Every object of the whole export (the galaxy's actors included), each against its schema.
    expect(raw.length).toBeGreaterThan(2000);
    expect(raw.flatMap((object) => validator.object(object))).toEqual([]);
    // No top-level custom property: the project's are in its property extension.
    expect(raw.filter((object) => Object.keys(object).some((key) => key.startsWith("x_")))).toEqual(
      [],
    );
    const extension = raw.find((object) => object.id === PROPERTY_EXTENSION.id);
    expect(extension).toMatchObject({ extension_types: ["property-extension"] });
    expect(
      raw.filter((object) => (object.extensions as any)?.[PROPERTY_EXTENSION.id]).length,
    ).toBeGreaterThan(1000);
    // Every kind of record is there, legal actions through the extension's own SDO.
    expect(new Set(objects.map((object) => object.type))).toEqual(
      new Set([
        "extension-definition",
        "identity",
        "location",
        "threat-actor",
        "intrusion-set",
        "campaign",
        "vulnerability",
        "report",
        LEGAL_ACTION_TYPE,
        "relationship",
      ]),
    );
  });

  it("refuses what the OASIS schemas refuse (the validator is not a rubber stamp)", () => {
    const validator = stixValidator();
    const report = raw.find((object) => object.type === "report")!;
    const relationship = raw.find((object) => object.type === "relationship")!;
    const legalAction = raw.find((object) => object.type === LEGAL_ACTION_TYPE)!;
    expect(validator.object({ ...report, object_refs: [] })).not.toEqual([]);
    expect(validator.object({ ...relationship, confidence: 101 })).not.toEqual([]);
    expect(validator.object({ ...report, X_Quotes: "upper case" })).not.toEqual([]);
    expect(validator.object({ ...report, created: "2021-07-19" })).not.toEqual([]);
    expect(
      validator.object({
        ...report,
        external_references: [{ source_name: "x", url: "https://example.org/a b" }],
      }),
    ).not.toEqual([]);
    expect(validator.object({ ...legalAction, legal_action_kind: "FINE" })).not.toEqual([]);
    expect(validator.object({ ...legalAction, extensions: undefined })).not.toEqual([]);
    // (An `incident` with a report's properties passes now: the current schemas define it.)
    expect(validator.object({ ...report, type: "campaign" })).not.toEqual([]);
  });

  it("resolves every *_ref, *_refs and extension to an object of the bundle", () => {
    const dangling = objects.flatMap((object) =>
      referencesOf(object)
        .filter((ref) => !byId.has(ref))
        .map((ref) => `${object.id} -> ${ref}`),
    );
    expect(dangling).toEqual([]);
    // Not vacuous: reports, relationships and legal actions all refer to something.
    expect(objects.filter((object) => referencesOf(object).length > 1).length).toBeGreaterThan(200);
  });

  it("names every record by UUIDv5 of its global id under the project namespace", () => {
    // RFC 4122's own example, then ours.
    expect(uuidv5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
    expect(NAMESPACE).toBe("840fe7bd-fbd8-4441-a841-bf97e8f6ecc5");
    for (const government of data.governments) {
      expect(recordObject(objects, `Government:${government.id}`).id).toBe(
        stixId("identity", `Government:${government.id}`),
      );
    }
    for (const incident of data.incidents) {
      expect(recordObject(objects, `Incident:${incident.id}`).id).toBe(
        stixId("campaign", `Incident:${incident.id}`),
      );
    }
    for (const statement of data.statements) {
      expect(recordObject(objects, `Statement:${statement.id}`).type).toBe("report");
    }
    for (const action of data.legalActions) {
      expect(recordObject(objects, `LegalAction:${action.id}`).type).toBe(LEGAL_ACTION_TYPE);
    }
    const attributions = objects.filter(
      (object) => object.type === "relationship" && object.x_attribution_graph_attribution_kind,
    );
    const named = new Set(attributions.map((r) => (r.external_references as any[])[0].external_id));
    expect(named).toEqual(new Set(data.attributions.map((a) => `Attribution:${a.id}`)));
  });

  it("dates every object by system time: created and modified are its record's recordTime", async () => {
    for (const object of objects) {
      expect(object.modified >= object.created, object.id).toBe(true);
    }
    // A statement's report: created/modified when this graph stored and last changed it; its
    // valid time (when it was issued) is `published`.
    const id = "us-dos-2021-07-19-blinken-prc-cyber";
    const { data } = await federation.query<{
      statement: { recordTime: { createdAt: string; updatedAt: string } };
    }>(`query ($id: ID!) { statement(id: $id) { recordTime { createdAt updatedAt } } }`, { id });
    const report = recordObject(objects, `Statement:${id}`);
    expect(report.created).toBe(data!.statement.recordTime.createdAt);
    expect(report.modified).toBe(data!.statement.recordTime.updatedAt);
    expect(report.published).toBe("2021-07-19T00:00:00.000Z");
    expect(periodStart("2021")).toBe("2021-01-01T00:00:00.000Z");
    expect(periodEnd("2024-02")).toBe("2024-02-29T23:59:59.999Z");
  });
});

// The MSS and China blamed for the Exchange hack, by whom and how surely (MSS / China, HAFNIUM, APT40).
describe("stix > npm run export -- FILE --format stix > the seed story", () => {
  it("carries the seed story: the MSS and China blamed for the Exchange hack, by whom, how surely", () => {
    const exchange = recordObject(objects, "Incident:microsoft-exchange-2021");
    expect(exchange).toMatchObject({
      type: "campaign",
      name: "Microsoft Exchange Server compromise (2021)",
      aliases: ["ProxyLogon", "Microsoft Exchange hack"],
      first_seen: "2021-01-01T00:00:00.000Z",
      x_attribution_graph_date_precision: { first_seen: "month" },
      x_attribution_graph_disclosed: "2021-03-02",
    });
    const us = stixId("identity", "Government:us");
    const mss = stixId("identity", "Agency:cn-mss");
    const china = stixId("identity", "Government:cn");
    const asActor = (identity: string) =>
      objects.find(
        (o) =>
          o.type === "relationship" &&
          o.relationship_type === "attributed-to" &&
          String(o.source_ref).startsWith("threat-actor--") &&
          o.target_ref === identity,
      )!.source_ref as string;
    const blamed = objects.filter(
      (o) => o.type === "relationship" && o.source_ref === exchange.id && o.created_by_ref === us,
    );
    expect(blamed.map((r) => [r.relationship_type, r.target_ref, r.confidence]).sort()).toEqual(
      [
        ["attributed-to", asActor(china), 85],
        ["attributed-to", asActor(china), 95],
        ["attributed-to", asActor(mss), 85],
        ["attributed-to", asActor(mss), 95],
      ].sort(),
    );
    expect(byId.get(asActor(mss))).toMatchObject({
      type: "threat-actor",
      name: "Ministry of State Security",
      threat_actor_types: ["nation-state"],
    });
    const whiteHouse = blamed.find((r) => r.confidence === 85)!;
    expect(whiteHouse).toMatchObject({
      x_attribution_graph_attribution_kind: "FORMAL",
      x_attribution_graph_confidence_level: "HIGH",
      x_attribution_graph_confidence_wording: "with a high degree of confidence",
      x_attribution_graph_statement_ref: stixId(
        "report",
        "Statement:us-wh-2021-07-19-prc-attribution",
      ),
    });
    expect((whiteHouse.external_references as any[]).map((r) => r.source_name)).toContain(
      "The White House",
    );
    // The EU's territorial wording has no score: no confidence, the words kept verbatim.
    const eu = objects.find(
      (o) =>
        o.type === "relationship" &&
        o.source_ref === exchange.id &&
        o.created_by_ref === stixId("identity", "Government:eu"),
    )!;
    expect(eu.confidence).toBeUndefined();
    expect(eu.x_attribution_graph_confidence_wording).toMatch(/territory of China/);
    // HAFNIUM, Microsoft's name, as the suspected actor; APT40's sponsor state.
    expect(
      objects.some(
        (o) =>
          o.source_ref === exchange.id &&
          o.target_ref === stixId("intrusion-set", "ThreatActor:hafnium") &&
          o.x_attribution_graph_relation === "suspected-actor",
      ),
    ).toBe(true);
    const apt40 = recordObject(objects, "ThreatActor:apt40");
    expect(apt40.aliases).toEqual(expect.arrayContaining(["Leviathan", "TEMP.Periscope"]));
    expect(
      objects.find(
        (o) => o.source_ref === apt40.id && o.x_attribution_graph_relation === "sponsor-state",
      )?.target_ref,
    ).toBe(asActor(china));
    expect(byId.get(china)).toMatchObject({
      external_references: expect.arrayContaining([
        { source_name: "ISO 3166-1 alpha-2", external_id: "CN" },
        { source_name: "ISO 3166-1 alpha-3", external_id: "CHN" },
      ]),
    });
    expect(
      objects.find((o) => o.relationship_type === "located-at" && o.source_ref === china)
        ?.target_ref,
    ).toBe(objects.find((o) => o.type === "location" && o.country === "CN")!.id);
  });
});

// Blinken's words in English and French with their source; the four defendants' indictment.
describe("stix > npm run export -- FILE --format stix > quotes and the indictment", () => {
  it("quotes Blinken verbatim in English, with the French translation and its source", () => {
    const report = recordObject(objects, "Statement:us-dos-2021-07-19-blinken-prc-cyber");
    const blinken = stixId("identity", "Official:antony-blinken");
    expect(report).toMatchObject({
      type: "report",
      created_by_ref: stixId("identity", "Government:us"),
      published: "2021-07-19T00:00:00.000Z",
      lang: "en",
      x_attribution_graph_speaker_ref: blinken,
      x_attribution_graph_agency_ref: stixId("identity", "Agency:us-dos"),
    });
    const [quote] = report.x_attribution_graph_quotes as any[];
    expect(quote).toMatchObject({
      text: "has fostered an ecosystem of criminal contract hackers who carry out both state-sponsored activities and cybercrime for their own financial gain",
      lang: "en",
      speaker_ref: blinken,
      translations: [
        {
          lang: "fr",
          text: expect.stringMatching(
            /^a favorisé un écosystème de pirates informatiques criminels/,
          ),
          source: { source_name: "La Nouvelle Tribune" },
        },
      ],
    });
    expect(report.description).toContain(`“${quote.text}” [en] (Antony J. Blinken)`);
    expect(report.description).toContain(`fr: “${quote.translations[0].text}”`);
    expect(byId.get(blinken)).toMatchObject({
      identity_class: "individual",
      roles: ["Secretary of State"],
    });
    const refs = report.object_refs as string[];
    expect(refs).toContain(stixId("campaign", "Incident:microsoft-exchange-2021"));
    expect(refs).toContain(
      stixId("relationship", "Attribution:att-us-dos-2021-07-19-exchange-mss/agency"),
    );
  });

  it("holds the indictment of the four defendants in the extension's legal-action SDO", () => {
    const indictment = recordObject(objects, "LegalAction:us-v-ding-xiaoyang-2021");
    expect(indictment).toMatchObject({
      type: LEGAL_ACTION_TYPE,
      name: "United States v. Ding Xiaoyang, Cheng Qingmin, Zhu Yunmin and Wu Shurong",
      legal_action_kind: "INDICTMENT",
      jurisdiction_ref: stixId("identity", "Government:us"),
      authority_ref: stixId("identity", "Agency:us-doj"),
      filed: "2021-05-28T00:00:00.000Z",
      conduct_from: "2011-01-01T00:00:00.000Z",
      conduct_to: "2018-12-31T23:59:59.999Z",
      date_precision: { filed: "day", conduct_from: "year", conduct_to: "year" },
      extensions: { [EXTENSION_DEFINITION.id]: { extension_type: "new-sdo" } },
    });
    const defendants = indictment.defendants as any[];
    expect(defendants.map((d) => d.name)).toEqual([
      "Ding Xiaoyang",
      "Cheng Qingmin",
      "Zhu Yunmin",
      "Wu Shurong",
    ]);
    for (const defendant of defendants) {
      expect(defendant).toMatchObject({
        nationality_ref: stixId("identity", "Government:cn"),
        affiliated_actor_ref: stixId("intrusion-set", "ThreatActor:apt40"),
      });
    }
    expect(byId.get(EXTENSION_DEFINITION.id)).toMatchObject({
      type: "extension-definition",
      extension_types: ["new-sdo"],
      schema: expect.stringContaining("stix/schemas/x-attribution-graph-legal-action.json"),
    });
    const sanctions = objects.filter((o) => o.type === LEGAL_ACTION_TYPE && o.sanctions);
    expect(sanctions.length).toBe(data.legalActions.filter((a) => a.sanctions).length);
  });
});

// GET /stix/<globalId> answers a record and all it refers to; a wrong --format is named.
// Twenty statements at every documented maximum: the export asks for smaller pages, TAXII pages
// stay under the gateway's response budget, /stix/<globalId> answers one of them.
describe("stix > npm run export -- FILE --format stix > statements at every maximum", () => {
  it("exports them whole and serves them by TAXII pages under the byte budget", async () => {
    const large = (list: StixObject[]) =>
      list.filter((o) => o.type === "report" && String(o.name).startsWith("Large statement"));
    expect(large(raw)).toHaveLength(LARGE);
    const served: StixObject[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const page = await httpRequest<{ objects?: StixObject[]; more: boolean; next?: string }>(
        `${federation.gatewayUrl}taxii2/attribution-graph/collections/governments/objects/?limit=1000${next ? `&next=${next}` : ""}`,
        { headers: { accept: "application/taxii+json;version=2.1" } },
      );
      expect(page.status, page.text.slice(0, 300)).toBe(200);
      expect(Buffer.byteLength(page.text)).toBeLessThanOrEqual(DEFAULT_MAX_RESPONSE_BYTES);
      served.push(...(page.json!.objects ?? []));
      next = page.json!.more ? page.json!.next : undefined;
      pages += 1;
    } while (next && pages < 100);
    expect(next).toBeUndefined();
    const ids = new Set(large(served).map((o) => o.id));
    expect(ids).toEqual(new Set(large(raw).map((o) => o.id)));
    const one = await httpRequest<{ objects: StixObject[] }>(
      `${federation.gatewayUrl}stix/Statement:large-statement-0`,
    );
    expect(one.status).toBe(200);
    expect(large(one.json!.objects)).toHaveLength(1);
  });
});

describe("stix > npm run export -- FILE --format stix > one record, and bad arguments", () => {
  it("answers one record at GET /stix/<globalId>: its objects and all they refer to", async () => {
    const response = await httpRequest<{ type: string; objects: StixObject[] }>(
      `${federation.gatewayUrl}stix/Statement:us-dos-2021-07-19-blinken-prc-cyber`,
      { headers: { accept: "application/stix+json;version=2.1" } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/stix+json;version=2.1");
    const bundle = response.json!;
    expect(bundle.type).toBe("bundle");
    const ids = new Set(bundle.objects.map((object) => object.id));
    for (const served of bundle.objects) {
      // An object several records make (a sector, a state as threat actor) takes the modified
      // of the records read with this one: at most the export's, which read them all.
      const object = flatExtension(served);
      const exported = byId.get(object.id)!;
      expect(object.modified <= exported.modified, object.id).toBe(true);
      expect({ ...object, modified: exported.modified }).toEqual(exported);
      for (const ref of referencesOf(object)) expect(ids.has(ref), ref).toBe(true);
    }
    expect(ids.has(stixId("report", "Statement:us-dos-2021-07-19-blinken-prc-cyber"))).toBe(true);
    expect(ids.has(stixId("campaign", "Incident:microsoft-exchange-2021"))).toBe(true);
    expect(bundle.objects.length).toBeLessThan(objects.length / 2);

    const indictment = await httpRequest<{ objects: StixObject[] }>(
      `${federation.gatewayUrl}stix/LegalAction:us-v-ding-xiaoyang-2021`,
    );
    const carried = indictment.json!.objects;
    expect(carried.map((o) => o.id)).toContain(EXTENSION_DEFINITION.id);

    const schema = await httpRequest<any>(
      `${federation.gatewayUrl}stix/schemas/x-attribution-graph-legal-action.json`,
    );
    expect(schema.headers.get("content-type")).toBe("application/schema+json");
    expect(schema.json.title).toBe(LEGAL_ACTION_TYPE);

    const missing = await httpRequest(`${federation.gatewayUrl}stix/Government:zz`);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({
      http_status: "404",
      description: "no record Government:zz",
    });
    const malformed = await httpRequest(`${federation.gatewayUrl}stix/not%20an%20id`);
    expect(malformed.status).toBe(400);
    const wrongAccept = await httpRequest(`${federation.gatewayUrl}stix/Government:cn`, {
      headers: { accept: "text/html" },
    });
    expect(wrongAccept.status).toBe(406);
  });

  it("names what is wrong with --format", async () => {
    const result = await exportCli([join(dir, "x.json"), "--format", "misp"]);
    // A usage error exits 2 (issue 25), not 1 as a failure does.
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--format must be bundle or stix, got "misp"/);
  });
});
