import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedDataset } from "../../helpers/dataset";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

// The third round's events of 2022-2025 (data/190 to data/240), each told by one request to the
// gateway: who attributed it, in which words, with what confidence, and what legal action
// followed, with the persons charged or listed and every legal action naming them. Expected
// values are read from the data files.

const EVENT_STORY = /* GraphQL */ `
  query EventStory($id: ID!) {
    incident(id: $id) {
      id
      suspectedActors {
        nodes {
          id
        }
      }
      attributions(first: 50) {
        nodes {
          id
          kind
          confidenceWording
          confidenceLevel
          confidenceScore
          actor {
            id
          }
          state {
            id
          }
          agency {
            id
          }
          statement {
            id
            kind
            language
            issuer {
              id
            }
            cosigners {
              nodes {
                id
              }
            }
            speaker {
              id
            }
            quotes {
              text
              language
              speaker {
                id
              }
            }
          }
        }
      }
      legalActions(first: 20) {
        nodes {
          id
          kind
          court
          unsealed {
            value
          }
          jurisdiction {
            id
          }
          charges {
            description
          }
          sanctions {
            regime
            measures
          }
          defendants {
            name
            status
            person {
              id
              legalActions(first: 20) {
                nodes {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
`;

const data = shippedDataset();
const sorted = (values: string[]) => [...values].sort();
const ids = (connection: { nodes: { id: string }[] }) => sorted(connection.nodes.map((n) => n.id));

/** The legal actions of the dataset that name a person, whichever file defines them. */
const actionsNaming = (person: string) =>
  data.legalActions
    .filter((action) => (action.defendants ?? []).some((d) => d.person === person))
    .map((action) => action.id);

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation?.stop());

async function eventStory(id: string) {
  const { data: result, errors } = await federation.query<{ incident: any }>(EVENT_STORY, { id });
  expect(errors).toBeUndefined();
  expect(result!.incident, id).not.toBeNull();
  return result!.incident;
}

/** Everything the files say about the incident's attributions and legal actions, as answered. */
function expectStory(incident: any) {
  const attributions = data.attributions.filter((a) => a.incident === incident.id);
  expect(attributions.length).toBeGreaterThan(0);
  expect(ids(incident.attributions)).toEqual(sorted(attributions.map((a) => a.id)));
  for (const expected of attributions) {
    const found = incident.attributions.nodes.find((a: any) => a.id === expected.id);
    const statement = expected.statement;
    expect(found).toMatchObject({
      kind: expected.kind,
      confidenceWording: expected.confidenceWording ?? null,
      confidenceLevel: expected.confidenceLevel ?? null,
      confidenceScore: expected.confidenceScore ?? null,
      actor: expected.actor ? { id: expected.actor } : null,
      state: expected.state ? { id: expected.state } : null,
      agency: expected.agency ? { id: expected.agency } : null,
      statement: {
        id: statement.id,
        kind: statement.kind,
        language: statement.language,
        issuer: { id: statement.issuer },
        speaker: statement.speaker ? { id: statement.speaker } : null,
      },
    });
    expect(ids(found.statement.cosigners)).toEqual(sorted(statement.cosigners ?? []));
    expect(found.statement.quotes.map((q: any) => q.text)).toEqual(
      (statement.quotes ?? []).map((q) => q.text),
    );
  }
  const actions = data.legalActions.filter((l) => (l.relatedIncidents ?? []).includes(incident.id));
  expect(ids(incident.legalActions)).toEqual(sorted(actions.map((l) => l.id)));
  for (const expected of actions) {
    const found = incident.legalActions.nodes.find((l: any) => l.id === expected.id);
    expect(found).toMatchObject({
      kind: expected.kind,
      court: expected.court ?? null,
      jurisdiction: { id: expected.jurisdiction },
      sanctions: expected.sanctions ?? null,
    });
    expect(found.charges.map((c: any) => c.description)).toEqual(
      (expected.charges ?? []).map((c) => c.description),
    );
    const defendants = expected.defendants ?? [];
    expect(found.defendants.map((d: any) => [d.name, d.status, d.person?.id ?? null])).toEqual(
      defendants.map((d) => [d.name, d.status, d.person ?? null]),
    );
    for (const defendant of found.defendants.filter((d: any) => d.person)) {
      expect(ids(defendant.person.legalActions)).toEqual(
        sorted(actionsNaming(defendant.person.id)),
      );
    }
  }
  return incident;
}

describe("data > third-round events (2022-2025) > one request per event", () => {
  it("Star Blizzard: UK, Five Eyes and US words, and each officer one person across three legal actions", async () => {
    const incident = expectStory(
      await eventStory("star-blizzard-uk-political-interference-2015-2023"),
    );
    const advisory = incident.attributions.nodes.find(
      (a: any) => a.statement.id === "gb-ncsc-2023-12-07-star-blizzard-advisory",
    );
    expect(advisory.statement.cosigners.nodes.length).toBeGreaterThanOrEqual(4);
    expect(advisory.confidenceWording).toContain("almost certainly subordinate");
    const peretyatko = incident.legalActions.nodes
      .flatMap((l: any) => l.defendants)
      .find((d: any) => d.person?.id === "ruslan-peretyatko");
    const naming = actionsNaming("ruslan-peretyatko");
    expect(naming).toHaveLength(3);
    expect(ids(peretyatko.person.legalActions)).toEqual(sorted(naming));
    const kinds = data.legalActions.filter((l) => naming.includes(l.id)).map((l) => l.kind);
    expect(sorted(kinds)).toEqual(["INDICTMENT", "SANCTION", "SANCTION"]);
  });

  it("Triton: the US and UK statements beside the indictment and the UK designation", async () => {
    const incident = expectStory(await eventStory("triton-petrochemical-plant-2017"));
    expect(sorted(incident.attributions.nodes.map((a: any) => a.statement.issuer.id))).toEqual([
      "gb",
      "us",
    ]);
    expect(sorted(incident.legalActions.nodes.map((l: any) => l.kind))).toEqual([
      "INDICTMENT",
      "SANCTION",
    ]);
    expect(ids(incident.suspectedActors)).toEqual(["temp-veles"]);
  });

  it.each([
    "fsb-energy-sector-campaign-2012-2017",
    "apt28-czech-institutions-2023-2024",
    "whispergate-2022",
    "salt-typhoon-us-telecoms",
    "us-treasury-network-compromise-2024",
    "i-soon-hacking-campaign-2016-2023",
    "apt27-yin-zhou-intrusions",
  ])("%s: who attributed it, in which words, and what legal action followed", async (id) => {
    expectStory(await eventStory(id));
  });

  // Another connector loads MITRE ATT&CK for ICS, whose campaign C0030 (Triton) is attributed to
  // TEMP.Veles. Where the schema has incident external ids and such an incident exists, it stands
  // under the same actor as the curated Triton incident and its government statements.
  it("Triton: beside the ATT&CK campaign C0030 under TEMP.Veles, where ATT&CK is loaded", async () => {
    const { data: schema } = await federation.query<{ __type: { fields: { name: string }[] } }>(
      /* GraphQL */ `
        {
          __type(name: "Incident") {
            fields {
              name
            }
          }
        }
      `,
    );
    const externalIds = schema!.__type.fields.some((field) => field.name === "externalIds");
    const { data: result, errors } = await federation.query<{ threatActor: any }>(/* GraphQL */ `
        query TritonActor {
          threatActor(id: "temp-veles") {
            incidents(first: 100) {
              nodes {
                id
                ${externalIds ? "externalIds { id }" : ""}
                attributions(first: 20) {
                  nodes {
                    statement {
                      id
                    }
                  }
                }
              }
            }
          }
        }
      `);
    expect(errors).toBeUndefined();
    const incidents = result!.threatActor.incidents.nodes;
    const triton = incidents.find((i: any) => i.id === "triton-petrochemical-plant-2017");
    expect(sorted(triton.attributions.nodes.map((a: any) => a.statement.id))).toEqual(
      sorted(
        data.attributions
          .filter((a) => a.incident === "triton-petrochemical-plant-2017")
          .map((a) => a.statement.id),
      ),
    );
    const campaign = incidents.find((i: any) =>
      (i.externalIds ?? []).some((e: { id: string }) => e.id === "C0030"),
    );
    if (campaign) {
      expect(incidents.map((i: any) => i.id)).toEqual(
        expect.arrayContaining([campaign.id, triton.id]),
      );
    }
  });
});
