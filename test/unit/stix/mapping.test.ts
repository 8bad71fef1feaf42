import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Bundle } from "../../../platform/bundle";
import { projectPath } from "../../../platform/paths";
import { referencesOf, stixBundle, stixGraph, toStixBundle } from "../../../stix/bundle";
import {
  EXTENSION_DEFINITION,
  LEGAL_ACTION_TYPE,
  PROJECT_IDENTITY,
  PROPERTY_EXTENSION,
} from "../../../stix/extension";
import { stixId } from "../../../stix/ids";
import type { StixObject } from "../../../stix/model";
import { smallBundle } from "../../helpers/small-bundle";
import { flatExtension, stixValidator } from "../../helpers/stix-schemas";

const validator = stixValidator();
const raw = stixGraph(smallBundle()).objects();
// The project's properties read back at the top level (they are in its property extension).
const objects = raw.map(flatExtension);
const byId = new Map(objects.map((object) => [object.id, object]));
const get = (type: string, name: string) => byId.get(stixId(type, name))!;
const related = (source: string, type: string) =>
  objects.filter(
    (o) => o.type === "relationship" && o.source_ref === source && o.relationship_type === type,
  );

/** The shipped data files as one bundle: their records and sources merged. */
function shippedBundle(): Bundle {
  const dir = projectPath("data");
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort();
  const sources: Record<string, unknown> = {};
  const records: Record<string, unknown[]> = {};
  for (const file of files) {
    const bundle = JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as Record<string, unknown>;
    for (const [key, value] of Object.entries(bundle)) {
      if (key === "sources") Object.assign(sources, value);
      else if (Array.isArray(value)) records[key] = [...(records[key] ?? []), ...value];
    }
  }
  return { format: "attribution-graph.bundle/1", sources, ...records } as unknown as Bundle;
}

// Bundle records become STIX 2.1 objects that the OASIS schemas accept (the legal action against
// the project's own schema), every reference resolving inside the export; ids are UUIDv5 of the
// records' global ids, timestamps the cited sources' dates.
describe("stix > mapping > validity", () => {
  it("makes only objects the OASIS schemas accept, referring to nothing outside the bundle", () => {
    expect(raw.flatMap((object) => validator.object(object))).toEqual([]);
    expect(validator.bundle(stixBundle(raw))).toEqual([]);
    expect(raw.some((object) => Object.keys(object).some((key) => key.startsWith("x_")))).toBe(
      false,
    );
    const dangling = objects.flatMap((o) => referencesOf(o).filter((ref) => !byId.has(ref)));
    expect(dangling).toEqual([]);
    expect(objects.slice(0, 2)).toEqual(
      [EXTENSION_DEFINITION, PROPERTY_EXTENSION].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(objects).toContainEqual(PROJECT_IDENTITY);
  });
});

describe("stix > mapping > governments, actors and incidents", () => {
  it("maps a state to an identity with its ISO codes and a location, a union without", () => {
    const us = get("identity", "Government:us");
    expect(us).toMatchObject({
      name: "United States",
      identity_class: "organization",
      sectors: ["government-national"],
      created_by_ref: PROJECT_IDENTITY.id,
      created: "2021-07-01T00:00:00.000Z",
      external_references: [
        { source_name: "attribution-graph", external_id: "Government:us" },
        { source_name: "ISO 3166-1 alpha-2", external_id: "US" },
        { source_name: "ISO 3166-1 alpha-3", external_id: "USA" },
        { source_name: "La Nouvelle Tribune", description: "Seed article (2021-07, fr)" },
      ],
    });
    const [locatedAt] = related(us.id, "located-at");
    expect(byId.get(locatedAt.target_ref as string)).toMatchObject({
      type: "location",
      country: "US",
    });
    const eu = get("identity", "Government:eu");
    expect(eu.sectors).toEqual(["government"]);
    expect(related(eu.id, "located-at")).toEqual([]);
  });

  it("maps an incident to a campaign over its period, its targets and its suspected actor", () => {
    const campaign = get("campaign", "Incident:exchange");
    expect(campaign).toMatchObject({
      name: "Exchange hack",
      aliases: ["ProxyLogon"],
      first_seen: "2021-01-01T00:00:00.000Z",
      x_attribution_graph_date_precision: { first_seen: "month" },
      x_attribution_graph_disclosed: "2021-03-02",
    });
    const targets = related(campaign.id, "targets").map((r) => byId.get(r.target_ref as string)!);
    expect(targets.map((t) => [t.type, t.name ?? t.country]).sort()).toEqual([
      ["identity", "government"],
      ["location", "United States"],
      ["vulnerability", "CVE-2021-26855"],
    ]);
    expect(related(campaign.id, "attributed-to")).toContainEqual(
      expect.objectContaining({
        target_ref: stixId("intrusion-set", "ThreatActor:apt40"),
        x_attribution_graph_relation: "suspected-actor",
      }),
    );
  });

  it("maps a threat actor to an intrusion set sponsored by a state acting as a threat actor", () => {
    const set = get("intrusion-set", "ThreatActor:apt40");
    expect(set).toMatchObject({
      aliases: ["Leviathan"],
      resource_level: "government",
      x_attribution_graph_aliases: [
        {
          name: "Leviathan",
          named_by: "Proofpoint",
          external_references: [
            { source_name: "The White House", description: "Statement (2021-07-19, en)" },
          ],
        },
      ],
      x_attribution_graph_unknown_targeted_countries: ["zz"],
    });
    const sponsor = related(set.id, "attributed-to").find(
      (r) => r.x_attribution_graph_relation === "sponsor-state",
    )!;
    expect(sponsor.confidence).toBe(85);
    const china = byId.get(sponsor.target_ref as string)!;
    expect(china).toMatchObject({
      type: "threat-actor",
      name: "China",
      threat_actor_types: ["nation-state"],
    });
    expect(related(china.id, "attributed-to")[0].target_ref).toBe(
      get("identity", "Government:cn").id,
    );
  });
});

describe("stix > mapping > statements and attributions", () => {
  it("maps a statement to a report by its issuer, quoting verbatim with the translation's source", () => {
    const report = get("report", "Statement:us-2021-07-19");
    expect(report).toMatchObject({
      created_by_ref: get("identity", "Government:us").id,
      name: "United States, press statement of 2021-07-19",
      published: "2021-07-19T00:00:00.000Z",
      lang: "en",
      created: "2021-07-01T00:00:00.000Z",
      modified: "2021-07-19T00:00:00.000Z",
      x_attribution_graph_cosigner_refs: [get("identity", "Government:eu").id],
      x_attribution_graph_quotes: [
        {
          text: "an ecosystem of criminal contract hackers",
          lang: "en",
          speaker_ref: get("identity", "Official:blinken").id,
          translations: [
            {
              lang: "fr",
              text: "un écosystème de pirates",
              source: { source_name: "The White House", description: "Statement (2021-07-19, en)" },
            },
          ],
        },
      ],
    });
    expect(report.description).toBe(
      "“an ecosystem of criminal contract hackers” [en] (Antony J. Blinken)\n  fr: “un écosystème de pirates”",
    );
    expect((report.external_references as { url?: string }[])[1].url).toBe(
      "https://example.org/d%C3%A9claration",
    );
  });

  it("maps an attribution to relationships from the campaign, a denial to related-to", () => {
    const campaign = stixId("campaign", "Incident:exchange");
    const mss = stixId("relationship", "Attribution:a-mss/agency");
    const state = stixId("relationship", "Attribution:a-mss/state");
    for (const id of [mss, state]) {
      expect(byId.get(id)).toMatchObject({
        relationship_type: "attributed-to",
        source_ref: campaign,
        confidence: 95,
        created_by_ref: get("identity", "Government:us").id,
        x_attribution_graph_confidence_level: "VERY_HIGH",
        x_attribution_graph_statement_ref: stixId("report", "Statement:us-2021-07-19"),
      });
    }
    expect(byId.get(mss)!.description).toBe(
      "United States attributes Exchange hack to Ministry of State Security (formal, 2021-07-19): “with a high degree of confidence”.",
    );
    expect(byId.get(stixId("relationship", "Attribution:a-denial/actor"))).toMatchObject({
      relationship_type: "related-to",
      target_ref: stixId("intrusion-set", "ThreatActor:apt40"),
      description: "United States, 2021-07-19: APT40 denies responsibility for Exchange hack.",
    });
    expect(get("report", "Statement:us-2021-07-19").object_refs).toEqual(
      expect.arrayContaining([campaign, mss, state]),
    );
  });
});

describe("stix > mapping > legal actions and the shipped dataset", () => {
  it("maps a legal action to the extension's SDO, a period of years closing on its last instant", () => {
    expect(get(LEGAL_ACTION_TYPE, "LegalAction:us-v-four")).toMatchObject({
      legal_action_kind: "INDICTMENT",
      filed: "2021-05-28T00:00:00.000Z",
      conduct_from: "2011-01-01T00:00:00.000Z",
      conduct_to: "2018-12-31T23:59:59.999Z",
      date_precision: { filed: "day", conduct_from: "year", conduct_to: "year" },
      defendants: [
        {
          name: "Ding Xiaoyang",
          defendant_kind: "PERSON",
          nationality_ref: get("identity", "Government:cn").id,
          affiliated_actor_ref: get("intrusion-set", "ThreatActor:apt40").id,
          status: "AT_LARGE",
        },
      ],
      related_incident_refs: [stixId("campaign", "Incident:exchange")],
      extensions: { [EXTENSION_DEFINITION.id]: { extension_type: "new-sdo" } },
    });
  });

  it("maps a person to an individual identity with every spelling, related to its actions and affiliations", () => {
    const person = get("identity", "Person:ding-xiaoyang");
    expect(person).toMatchObject({
      name: "Ding Xiaoyang",
      identity_class: "individual",
      description: "Also written: 丁晓阳.",
      roles: ["officer"],
      x_attribution_graph_nationality_ref: get("identity", "Government:cn").id,
      x_attribution_graph_names: [
        { name: "Ding Xiaoyang", kind: "PRIMARY", used_by: ["U.S. Department of Justice"] },
        { name: "丁晓阳", kind: "NATIVE_SCRIPT", language: "zh", script: "Hans" },
      ],
    });
    const relations = related(person.id, "related-to").map((r) => [
      r.target_ref,
      r.x_attribution_graph_relation,
    ]);
    expect(relations.sort()).toEqual(
      [
        [get("identity", "Agency:cn-mss").id, "affiliated-with"],
        [get("intrusion-set", "ThreatActor:apt40").id, "affiliated-with"],
        [get(LEGAL_ACTION_TYPE, "LegalAction:us-v-four").id, "defendant"],
      ].sort(),
    );
  });

  it("maps every record of the shipped dataset to valid objects, the same bundle every time", () => {
    const data = shippedBundle();
    const first = toStixBundle(data);
    expect(first.objects.flatMap((object: StixObject) => validator.object(object))).toEqual([]);
    const ids = new Set(first.objects.map((object) => object.id));
    const expected = [
      ...(data.governments ?? []).map((g) => stixId("identity", `Government:${g.id}`)),
      ...(data.threatActors ?? []).map((a) => stixId("intrusion-set", `ThreatActor:${a.id}`)),
      ...(data.incidents ?? []).map((i) => stixId("campaign", `Incident:${i.id}`)),
      ...(data.statements ?? []).map((s) => stixId("report", `Statement:${s.id}`)),
      ...(data.legalActions ?? []).map((l) => stixId(LEGAL_ACTION_TYPE, `LegalAction:${l.id}`)),
      ...(data.persons ?? []).map((p) => stixId("identity", `Person:${p.id}`)),
    ];
    expect(expected.length).toBeGreaterThan(50);
    expect(expected.filter((id) => !ids.has(id))).toEqual([]);
    expect(toStixBundle(shippedBundle())).toEqual(first);
  });
});
