import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INCIDENT_STORY } from "../../../harness/queries/cross-source";
import { shippedDataset } from "../../helpers/dataset";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

// Issue 26's events 1-5 and 7, each told by one request to the gateway: who attributed it, in
// which words, with what confidence, and what legal action followed. Expected values come from
// the bundle files (data/130-170), so the test follows the data and fails when the API drops a
// field the files carry.
const data = shippedDataset();
const nameOf = (id: string) => data.governments.find((g) => g.id === id)?.name;
const EVENTS = [
  "russia-network-infrastructure-2018",
  "georgia-cyberattacks-2019",
  "covid-vaccine-research-2020",
  "albania-government-cyberattack-2022",
  "volt-typhoon-critical-infrastructure",
  "kv-botnet",
];

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation?.stop());

async function story(id: string) {
  const { data: result, errors } = await federation.query<{ incident: any }>(INCIDENT_STORY, {
    id,
  });
  expect(errors).toBeUndefined();
  return result!.incident;
}

/** What the bundle files say about one attribution, in the shape INCIDENT_STORY returns. */
function expectedAttribution(attribution: (typeof data.attributions)[number]) {
  const { statement } = attribution;
  return {
    id: attribution.id,
    kind: attribution.kind,
    confidenceWording: attribution.confidenceWording ?? null,
    confidenceLevel: attribution.confidenceLevel ?? null,
    confidenceScore: attribution.confidenceScore ?? null,
    state: attribution.state ? { id: attribution.state } : null,
    agency: attribution.agency ? { id: attribution.agency } : null,
    actor: attribution.actor ? { id: attribution.actor } : null,
    statement: {
      id: statement.id,
      issuedAt: { value: statement.issuedAt },
      issuer: { id: statement.issuer, name: nameOf(statement.issuer) },
      cosigners: { nodes: (statement.cosigners ?? []).map((id) => ({ id, name: nameOf(id) })) },
      speaker: statement.speaker ? { id: statement.speaker } : null,
      quotes: (statement.quotes ?? []).map((q) => ({ text: q.text, language: q.language })),
    },
  };
}

describe("data > events 1-5 and 7 of issue 26 > one request per event", () => {
  it.each(EVENTS)("%s: who attributed it, in which words, with what confidence", async (id) => {
    const incident = await story(id);
    const expected = data.attributions.filter((a) => a.incident === id);
    expect(expected.length).toBeGreaterThan(0);
    expect(incident.attributions.totalCount).toBe(expected.length);
    for (const attribution of expected) {
      const got = incident.attributions.nodes.find((a: any) => a.id === attribution.id);
      expect(got, attribution.id).toMatchObject(expectedAttribution(attribution));
    }
    const actions = data.legalActions.filter((l) => l.relatedIncidents?.includes(id));
    expect(incident.legalActions.nodes.map((l: any) => l.id).sort()).toEqual(
      actions.map((l) => l.id).sort(),
    );
  });

  it("the Volt Typhoon advisory of May 2023: one joint attribution by five governments", async () => {
    const incident = await story("volt-typhoon-critical-infrastructure");
    const advisory = data.statements.find((s) => s.id === "five-eyes-2023-05-24-volt-typhoon")!;
    const joint = incident.attributions.nodes.find(
      (a: any) => a.statement.id === "five-eyes-2023-05-24-volt-typhoon",
    );
    expect(joint.kind).toBe("JOINT");
    expect(joint.actor).toEqual({ id: "volt-typhoon", name: "Volt Typhoon" });
    expect(joint.statement.issuer.name).toBe("United States of America");
    expect(joint.statement.cosigners.nodes.map((g: any) => g.name).sort()).toEqual(
      ["Australia", "Canada", "New Zealand", "United Kingdom"].sort(),
    );
    expect(joint.statement.quotes[0].text).toBe(advisory.quotes![0].text);
    expect(incident.suspectedActors.nodes).toEqual([
      { id: "volt-typhoon", name: "Volt Typhoon", sponsorState: { id: "cn", name: nameOf("cn") } },
    ]);
  });

  it("Georgia 2019: the GRU unit Pompeo named, and the indictment of its officers that followed", async () => {
    const incident = await story("georgia-cyberattacks-2019");
    const pompeo = incident.attributions.nodes.find(
      (a: any) => a.statement.speaker?.name === "Mike Pompeo",
    );
    expect(pompeo).toMatchObject({
      actor: { id: "sandworm" },
      agency: { id: "ru-gru-unit-74455" },
    });
    const indictment = data.legalActions.find((l) => l.id === "us-v-andrienko-2020")!;
    expect(indictment.relatedIncidents).toContain("georgia-cyberattacks-2019");
    const found = incident.legalActions.nodes.find((l: any) => l.id === indictment.id);
    expect(found.defendants.map((d: any) => d.name)).toEqual(
      indictment.defendants!.map((d) => d.name),
    );
  });

  it("Albania 2022: three governments' words, and the sanctions on Iran's MOIS and its minister", async () => {
    const incident = await story("albania-government-cyberattack-2022");
    const byIssuer = (id: string) =>
      incident.attributions.nodes.filter((a: any) => a.statement.issuer.id === id);
    expect(byIssuer("al")[0]).toMatchObject({
      confidenceWording: "indisputable evidence",
      state: { id: "ir" },
      statement: { speaker: { name: "Edi Rama" } },
    });
    expect(byIssuer("gb")[0].confidenceWording).toBe("almost certainly responsible");
    const treasury = byIssuer("us").find((a: any) => a.agency?.id === "ir-mois");
    expect(treasury.confidenceWording).toMatch(/^assessed to be sponsored by/);
    const sanction = data.legalActions.find((l) => l.id === "us-treasury-mois-khatib-2022")!;
    const [action] = incident.legalActions.nodes;
    expect(action.id).toBe(sanction.id);
    expect(action.defendants).toEqual(
      sanction.defendants!.map((d) => ({
        name: d.name,
        status: "SANCTIONED",
        nationality: { id: "ir", name: nameOf("ir") },
      })),
    );
  });
});
