import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedDataset } from "../../helpers/dataset";
import { type TestFederation, startTestFederation } from "../../helpers/federation";
import {
  ACTOR_STORY,
  GOVERNMENT_STORY,
  INCIDENT_STORY,
  SEARCH_STORY,
} from "../../../harness/queries/cross-source";

// The four questions the product exists for, each one request to the gateway, answered from all
// three subgraphs with the shipped dataset.
const data = shippedDataset();
const nameOf = (id: string) => data.governments.find((g) => g.id === id)?.name;
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation?.stop());

// The Exchange hack: who blamed whom, in which words, and who was charged.
describe("gateway > cross-source queries > an incident", () => {
  it("tells the Microsoft Exchange story: who blamed whom, in which words, and who was charged", async () => {
    const { data: result, errors } = await federation.query<{ incident: any }>(INCIDENT_STORY, {
      id: "microsoft-exchange-2021",
    });
    expect(errors).toBeUndefined();
    const incident = result!.incident;
    expect(incident.aliases).toContain("ProxyLogon");
    expect(incident.firstObserved).toEqual({ value: "2021-01", precision: "MONTH" });
    expect(incident.suspectedActors.nodes).toEqual([
      { id: "hafnium", name: "HAFNIUM", sponsorState: { id: "cn", name: nameOf("cn") } },
    ]);

    const expected = data.attributions.filter((a) => a.incident === "microsoft-exchange-2021");
    expect(incident.attributions.nodes.map((a: any) => a.id).sort()).toEqual(
      expected.map((a) => a.id).sort(),
    );
    const blinken = incident.attributions.nodes.find(
      (a: any) => a.id === "att-us-dos-2021-07-19-exchange-mss",
    );
    expect(blinken).toMatchObject({
      kind: "FORMAL",
      confidenceLevel: "VERY_HIGH",
      confidenceScore: 95,
      state: { id: "cn", name: nameOf("cn") },
      agency: { id: "cn-mss" },
      statement: {
        id: "us-dos-2021-07-19-blinken-prc-cyber",
        issuedAt: { value: "2021-07-19", precision: "DAY" },
        issuer: { id: "us", name: nameOf("us") },
        speaker: { id: "antony-blinken" },
      },
    });
    const fostered = blinken.statement.quotes.find((q: any) => q.text.includes("ecosystem"));
    expect(fostered.language).toBe("en");
    expect(fostered.translations).toEqual([
      { language: "fr", text: expect.stringContaining("écosystème de pirates informatiques") },
    ]);
    const uk = incident.attributions.nodes.find((a: any) => a.statement.issuer.id === "gb");
    expect(uk).toMatchObject({ confidenceWording: "highly likely", actor: { id: "hafnium" } });

    const indictment = incident.legalActions.nodes.find(
      (l: any) => l.id === "us-v-ding-xiaoyang-2021",
    );
    expect(indictment.defendants.map((d: any) => d.name)).toEqual([
      "Ding Xiaoyang",
      "Cheng Qingmin",
      "Zhu Yunmin",
      "Wu Shurong",
    ]);
    expect(indictment.defendants.every((d: any) => d.nationality.id === "cn")).toBe(true);
    expect(indictment.charges.map((c: any) => c.description)).toEqual([
      "Conspiracy to commit computer fraud",
      "Conspiracy to commit economic espionage",
    ]);
  });
});

// China's story and APT40's, each one request answered by the three subgraphs.
describe("gateway > cross-source queries > a government and an actor", () => {
  it("tells China's story: actors it sponsors, who blamed it and when, its nationals charged", async () => {
    const { data: result, errors } = await federation.query<{ government: any }>(GOVERNMENT_STORY, {
      id: "cn",
    });
    expect(errors).toBeUndefined();
    const china = result!.government;
    expect(china.sponsoredActors.nodes.map((a: any) => a.id).sort()).toEqual(
      data.threatActors
        .filter((a) => a.sponsorState === "cn")
        .map((a) => a.id)
        .sort(),
    );
    const received = data.attributions.filter((a) => a.state === "cn");
    expect(china.attributionsReceived.nodes.map((a: any) => a.id).sort()).toEqual(
      received.map((a) => a.id).sort(),
    );
    const eu = china.attributionsReceived.nodes.find(
      (a: any) => a.id === "att-eu-2021-07-19-exchange-china",
    );
    expect(eu).toMatchObject({
      issuedAt: { value: "2021-07-19" },
      attributedBy: { nodes: [{ id: "eu", name: nameOf("eu") }] },
      incident: { id: "microsoft-exchange-2021" },
    });
    const charged = data.legalActions.flatMap((l) =>
      (l.defendants ?? []).filter((d) => d.nationality === "cn").map((d) => d.name),
    );
    expect(china.nationalsCharged.nodes.map((d: any) => d.name).sort()).toEqual(charged.sort());
    expect(china.nationalsCharged.nodes).toContainEqual({
      name: "Wu Shurong",
      legalAction: { id: "us-v-ding-xiaoyang-2021", title: expect.any(String) },
    });
  });

  it("tells APT40's story: its incidents, the statements naming it, the indictments of its members", async () => {
    const { data: result, errors } = await federation.query<{ threatActor: any }>(ACTOR_STORY, {
      id: "apt40",
    });
    expect(errors).toBeUndefined();
    const apt40 = result!.threatActor;
    expect(apt40.aliases).toContainEqual({ name: "Leviathan", namedBy: "Proofpoint" });
    expect(apt40.sponsorState).toEqual({ id: "cn", name: nameOf("cn") });
    expect(apt40.incidents.nodes.map((i: any) => i.id).sort()).toEqual(
      data.incidents
        .filter((i) => i.suspectedActors?.includes("apt40"))
        .map((i) => i.id)
        .sort(),
    );
    const naming = new Set(
      data.attributions.filter((a) => a.actor === "apt40").map((a) => a.statement.id),
    );
    expect(apt40.statements.nodes.map((s: any) => s.id).sort()).toEqual([...naming].sort());
    const indictment = apt40.legalActions.nodes.find(
      (l: any) => l.id === "us-v-ding-xiaoyang-2021",
    );
    expect(indictment.kind).toBe("INDICTMENT");
    expect(indictment.defendants).toHaveLength(4);
  });
});

// "Everything against this person" over the shipped data: each person with every legal action
// naming them, the same person across actions only where the data files link them.
describe("gateway > cross-source queries > a person across legal actions", () => {
  it("lists every person of the data files with exactly the legal actions naming them", async () => {
    const { data: result, errors } = await federation.query<{ persons: any }>(/* GraphQL */ `
      {
        persons(first: 100, orderBy: { field: ID }) {
          totalCount
          nodes {
            id
            legalActions(first: 10, orderBy: { field: ID, direction: ASC }) {
              nodes {
                id
              }
            }
          }
        }
      }
    `);
    expect(errors).toBeUndefined();
    const naming = new Map(data.persons.map((p) => [p.id, [] as string[]]));
    for (const action of data.legalActions) {
      for (const d of action.defendants ?? []) if (d.person) naming.get(d.person)!.push(action.id);
    }
    expect(result!.persons.totalCount).toBe(data.persons.length);
    const found = result!.persons.nodes.map((p: any) => [
      p.id,
      p.legalActions.nodes.map((l: any) => l.id),
    ]);
    expect([...found].sort()).toEqual([...naming].map(([id, ids]) => [id, ids.sort()]).sort());
    expect(
      found.filter(([, ids]: [string, string[]]) => ids.length > 1).map(([id]: [string]) => id),
    ).toEqual([
      "anatoliy-kovalev",
      "andrey-korinets",
      "ruslan-peretyatko",
      "yevgeniy-polyanin",
      "yin-kecheng",
      "zhang-shilong",
      "zhou-shuai",
    ]);
  });
});

// The two persons of the README: one indicted then listed, one indicted twice under two spellings.
describe("gateway > cross-source queries > a person indicted and listed", () => {
  it("finds Zhang Shilong, indicted in 2018 and listed by the EU in 2020, and Kovalev by a spelling of 2018", async () => {
    const { data: result, errors } = await federation.query<any>(/* GraphQL */ `
      {
        zhang: persons(filter: { name: "ZHANG shilong" }) {
          nodes {
            id
            nationality {
              name
            }
            roles {
              nodes {
                name
                role
                legalAction {
                  id
                  jurisdiction {
                    id
                  }
                }
              }
            }
          }
        }
        kovalev: persons(filter: { name: "Anatoly Kovalyov" }) {
          nodes {
            id
            roles {
              nodes {
                name
                affiliatedActor {
                  id
                }
                legalAction {
                  id
                }
              }
            }
          }
        }
        sandworm: threatActor(id: "sandworm") {
          persons(first: 10) {
            nodes {
              id
            }
          }
        }
      }
    `);
    expect(errors).toBeUndefined();
    expect(result.zhang.nodes).toEqual([
      {
        id: "zhang-shilong",
        nationality: { name: nameOf("cn") },
        roles: {
          nodes: [
            {
              name: "Zhang Shilong",
              role: "DEFENDANT",
              legalAction: { id: "us-v-zhu-hua-2018", jurisdiction: { id: "us" } },
            },
            {
              name: "ZHANG Shilong",
              role: "LISTED",
              legalAction: { id: "eu-cyber-sanctions-2020-07-30", jurisdiction: { id: "eu" } },
            },
          ],
        },
      },
    ]);
    expect(result.kovalev.nodes).toEqual([
      {
        id: "anatoliy-kovalev",
        roles: {
          nodes: [
            {
              name: "Anatoly Kovalyov",
              affiliatedActor: null,
              legalAction: { id: "us-gru-officers-2016-election-indictment-2018" },
            },
            {
              name: "Anatoly Kovalev",
              affiliatedActor: { id: "sandworm" },
              legalAction: { id: "us-v-andrienko-2020" },
            },
          ],
        },
      },
    ]);
    expect(result.sandworm.persons.nodes.map((p: any) => p.id)).toContain("anatoliy-kovalev");
  });
});

// French and English words find statements, joined to their incidents and indictments.
describe("gateway > cross-source queries > text search", () => {
  it("finds the French words of the seed article and joins them to incidents and indictments", async () => {
    const { data: result, errors } = await federation.query<{ statements: any }>(SEARCH_STORY, {
      text: "piratage",
    });
    expect(errors).toBeUndefined();
    const ids = result!.statements.nodes.map((s: any) => s.id);
    expect(ids).toContain("us-doj-2021-07-19-apt40-indictment");
    const doj = result!.statements.nodes.find(
      (s: any) => s.id === "us-doj-2021-07-19-apt40-indictment",
    );
    expect(doj.quotes.some((q: any) => q.language === "fr" && q.text.includes("piratage"))).toBe(
      true,
    );
    const campaign = doj.incidents.nodes.find((i: any) => i.id === "apt40-campaign-2011-2018");
    expect(campaign.legalActions.nodes.map((l: any) => l.id)).toContain("us-v-ding-xiaoyang-2021");
  });

  it("finds English statements by stem and French translations by accent-free words", async () => {
    const english = await federation.query<{ statements: any }>(SEARCH_STORY, { text: "hackers" });
    expect(english.errors).toBeUndefined();
    expect(english.data!.statements.nodes.map((s: any) => s.id)).toContain(
      "us-dos-2021-07-19-blinken-prc-cyber",
    );
    const unaccented = await federation.query<{ statements: any }>(SEARCH_STORY, {
      text: "ecosysteme",
    });
    // Every statement quoting it, in French or English ("cyber ecosystem", 16 April 2018).
    const quoting = data.statements
      .filter((s) => /[eé]cosyst[eè]me?/i.test(JSON.stringify(s.quotes ?? [])))
      .map((s) => s.id);
    expect(quoting).toContain("us-dos-2021-07-19-blinken-prc-cyber");
    expect(unaccented.data!.statements.nodes.map((s: any) => s.id).sort()).toEqual(quoting.sort());
  });
});
