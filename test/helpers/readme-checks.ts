import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { projectPath } from "../../platform/paths";
import { shippedDataset } from "./dataset";
import type { TestFederation } from "./federation";
import { README_SYNC_CHECKS } from "./readme-sync-checks";

// The README examples' answers, as the README text promises them; expected values come from the
// data files (test/helpers/dataset.ts) or from the README's own words, never copied from an answer.

type Check = (
  data: any,
  context: { federation: TestFederation; variables: Record<string, unknown> },
) => void | Promise<void>;

const data = shippedDataset();
const README = readFileSync(projectPath("README.md"), "utf8");
const EXCHANGE = "microsoft-exchange-2021";
const INDICTMENT = "us-v-ding-xiaoyang-2021";

const government = (id: string) => data.governments.find((g) => g.id === id)!;
const incident = (id: string) => data.incidents.find((i) => i.id === id)!;
const actor = (id: string) => data.threatActors.find((a) => a.id === id)!;
const legalAction = (id: string) => data.legalActions.find((l) => l.id === id)!;
const sorted = (values: string[]) => [...values].sort();
const names = (nodes: { name: string }[]) => nodes.map((node) => node.name);

/** The indictment as a story selects it: its defendants, their nationality, its charges. */
function expectIndictment(found: any, { nationality = true, charges = true } = {}) {
  const action = legalAction(INDICTMENT);
  expect(found, INDICTMENT).toBeDefined();
  expect(names(found.defendants)).toEqual(action.defendants!.map((d) => d.name));
  if (nationality) {
    for (const defendant of found.defendants) {
      expect(defendant.nationality.name).toBe(government("cn").name);
    }
  }
  if (!charges) return;
  expect(found.charges.map((c: { description: string }) => c.description)).toEqual(
    action.charges!.map((c) => c.description),
  );
}

/** Days between the first days of two partial dates, as the README's analytics section counts. */
const start = (date: string) => Date.parse(`${date}-01-01`.slice(0, 10));
const days = (from: string, to: string) => (start(to) - start(from)) / 86_400_000;

/** 1. Who blamed whom for the Exchange hack, in which words (Blinken's), who was charged. */
const incidentStory: Check = ({ incident: story }) => {
  const expected = incident(EXCHANGE);
  expect(story.name).toBe(expected.name);
  expect(story.name).toContain("Microsoft Exchange");
  expect(story.aliases).toEqual(expected.aliases);
  expect(story.aliases).toContain("ProxyLogon");
  expect(story.firstObserved).toEqual({ value: expected.firstObserved, precision: "MONTH" });
  expect(names(story.suspectedActors.nodes)).toEqual(
    expected.suspectedActors!.map((id) => actor(id).name),
  );
  const attributions = data.attributions.filter((a) => a.incident === EXCHANGE);
  expect(story.attributions.totalCount).toBe(attributions.length);
  const issued = story.attributions.nodes.map((a: any) => a.statement.issuedAt.value);
  expect(issued).toEqual(sorted(issued));
  // The US, the EU and the UK blame China's Ministry of State Security.
  const accusers = story.attributions.nodes.map((a: any) => a.statement.issuer.name);
  for (const id of ["us", "eu", "gb"]) expect(accusers).toContain(government(id).name);
  const blinken = data.statements.find((s) => s.id === "us-dos-2021-07-19-blinken-prc-cyber")!;
  const quoted = story.attributions.nodes.find(
    (a: any) => a.statement.speaker?.name === "Antony J. Blinken",
  );
  expect(quoted.state.name).toBe(government("cn").name);
  expect(quoted.statement.quotes).toEqual(
    blinken.quotes!.map(({ text, language, translations }) => ({
      text,
      language,
      translations: (translations ?? []).map((t) => ({ language: t.language, text: t.text })),
    })),
  );
  expect(quoted.statement.quotes[0].text).toContain("ecosystem of criminal contract hackers");
  expectIndictment(
    story.legalActions.nodes.find((l: any) => l.title === legalAction(INDICTMENT).title),
  );
};

/** 2. China: the actors it sponsors, who blamed it and when (page by page), its nationals charged. */
const governmentStory: Check = async ({ government: china }, { federation }) => {
  expect(china.name).toBe(government("cn").name);
  const sponsored = data.threatActors.filter((a) => a.sponsorState === "cn");
  expect(china.sponsoredActors.totalCount).toBe(sponsored.length);
  const received = data.attributions.filter((a) => a.state === "cn");
  const page = china.attributionsReceived;
  expect(page.totalCount).toBe(received.length);
  expect(page.pageInfo.hasNextPage).toBe(received.length > 10);
  const charged = data.legalActions.flatMap((l) =>
    (l.defendants ?? []).filter((d) => d.nationality === "cn"),
  );
  expect(china.nationalsCharged.totalCount).toBe(charged.length);
  // "The next page of attributions is attributionsReceived(first: 10, after: "<endCursor>")."
  const next = await federation.query<any>(
    `query ($after: String) { government(id: "cn") { attributionsReceived(first: 10, after: $after) { nodes { id } } } }`,
    { after: page.pageInfo.endCursor },
  );
  expect(next.data.government.attributionsReceived.nodes).toHaveLength(
    Math.min(10, received.length - page.nodes.length),
  );
};

/** 3. APT40: its aliases and who named them, its incidents, the indictment of its members. */
const actorStory: Check = ({ threatActor: apt40 }) => {
  const expected = actor("apt40");
  expect(apt40.name).toBe(expected.name);
  expect(apt40.aliases).toEqual(
    expected.aliases!.map((a) => ({ name: a.name, namedBy: a.namedBy ?? null })),
  );
  expect(apt40.aliases).toContainEqual({ name: "Leviathan", namedBy: "Proofpoint" });
  expect(apt40.sponsorState.name).toBe(government(expected.sponsorState!).name);
  expect(sorted(names(apt40.incidents.nodes))).toEqual(
    sorted(data.incidents.filter((i) => i.suspectedActors?.includes("apt40")).map((i) => i.name)),
  );
  expect(
    apt40.legalActions.nodes.find((l: any) => l.kind === "INDICTMENT").defendants,
  ).toHaveLength(4);
  expectIndictment(
    apt40.legalActions.nodes.find((l: any) => l.title === legalAction(INDICTMENT).title),
    { nationality: false },
  );
};

/** 4. "piratage" finds the DOJ's statement by its French quote, joined to the indictment. */
const searchStory: Check = ({ statements }) => {
  const doj = data.statements.find((s) => s.id === "us-doj-2021-07-19-apt40-indictment")!;
  const found = statements.nodes.find((s: any) => s.title === doj.title);
  expect(found, doj.id).toBeDefined();
  expect(found.quotes.some((q: any) => q.language === "fr" && q.text.includes("piratage"))).toBe(
    true,
  );
  const joined = found.incidents.nodes.flatMap((i: any) => i.legalActions.nodes);
  expectIndictment(
    joined.find((l: any) => l.title === legalAction(INDICTMENT).title),
    { nationality: false, charges: false },
  );
};

/** Any record by its global id, whichever subgraph owns it. */
const byGlobalId: Check = ({ node }) => {
  expect(node).toEqual({
    globalId: "ThreatActor:apt40",
    name: actor("apt40").name,
    sponsorState: { name: government("cn").name },
  });
};

/** "January 2021 to 19 July 2021 is 199 days (the Exchange hack; 147 days to the indictment ...)". */
const analyticsStory: Check = ({ incident: exchange, analytics }) => {
  const [, attribution, legal] =
    /is (\d+) days \(the Exchange hack; (\d+) days to the indictment/.exec(README)!;
  const firstObserved = incident(EXCHANGE).firstObserved!;
  const filed = legalAction(INDICTMENT).filed!;
  // The first statement attributing it, of a kind that counts (README: "First attribution").
  const [attributed] = sorted(
    data.attributions
      .filter((a) => a.incident === EXCHANGE && ["FORMAL", "JOINT", "TECHNICAL"].includes(a.kind))
      .map((a) => a.statement.issuedAt),
  );
  expect(days(firstObserved, attributed)).toBe(Number(attribution));
  expect(days(firstObserved, filed)).toBe(Number(legal));
  expect(exchange.timeToFirstAttribution).toMatchObject({
    days: Number(attribution),
    anchor: "FIRST_OBSERVED",
    anchorDate: { value: firstObserved },
    eventDate: { value: attributed },
  });
  expect(exchange.timeToFirstLegalAction).toMatchObject({
    days: Number(legal),
    eventDate: { value: filed },
    eventDateKind: "FILED",
    legalAction: { title: legalAction(INDICTMENT).title },
  });
  for (const group of analytics.attributionDelays.nodes) {
    expect(group.medianDays).toBeGreaterThanOrEqual(group.minDays);
    expect(group.medianDays).toBeLessThanOrEqual(group.maxDays);
  }
  expect(analytics.jointAttributions.nodes.length).toBeGreaterThan(0);
};

/** The write answers the record as stored, its attribution joined to the incident it names. */
const upsertStatement: Check = ({ upsertStatement: written }, { variables }) => {
  const input = variables.input as { id: string; title: string; attributions: { id: string }[] };
  expect(written).toEqual({
    action: "CREATED",
    changed: true,
    statement: {
      id: input.id,
      globalId: `Statement:${input.id}`,
      title: input.title,
      attributions: {
        nodes: input.attributions.map((a) => ({
          id: a.id,
          incident: { name: incident(EXCHANGE).name },
        })),
      },
    },
    problems: [],
    // The example's incident exists: nothing to warn of.
    warnings: [],
  });
};

/** The Volt Typhoon advisory of May 2023: issued by the US, cosigned by four, as the files say. */
const jointAttributionStory: Check = ({ incident: story }) => {
  const id = "volt-typhoon-critical-infrastructure";
  expect(story.name).toBe(incident(id).name);
  expect(names(story.suspectedActors.nodes)).toEqual(["Volt Typhoon"]);
  const attributions = data.attributions.filter((a) => a.incident === id);
  expect(story.attributions.totalCount).toBe(attributions.length);
  const advisory = attributions.find((a) => a.statement.cosigners?.includes("nz"))!.statement;
  const found = story.attributions.nodes.find((a: any) => a.statement.title === advisory.title);
  expect(found.statement.issuer.name).toBe(government(advisory.issuer).name);
  expect(sorted(names(found.statement.cosigners.nodes))).toEqual(
    sorted(advisory.cosigners!.map((g) => government(g).name)),
  );
  expect(found.statement.cosigners.nodes.length).toBeGreaterThanOrEqual(4);
  expect(README).toContain("Australia, Canada, New\nZealand and the United Kingdom cosign it");
};

/** Who named an alias, case ignored (the MISP galaxy is not loaded here: curated actors only). */
const whoNamedIt: Check = ({ microsoftNamed }) => {
  const named = data.threatActors.filter((a) =>
    (a.aliases ?? []).some((alias) => alias.namedBy?.toLowerCase() === "microsoft"),
  );
  expect(microsoftNamed.totalCount).toBe(named.length);
  expect(sorted(microsoftNamed.nodes.map((n: { id: string }) => n.id))).toEqual(
    sorted(named.map((a) => a.id)),
  );
};

/** "Anatoly Kovalyov" finds the one person both GRU indictments name, by two spellings. */
const personStory: Check = ({ persons }) => {
  const person = data.persons.find((p) => p.id === "anatoliy-kovalev")!;
  const naming = data.legalActions.filter((l) =>
    (l.defendants ?? []).some((d) => d.person === person.id),
  );
  expect(naming).toHaveLength(2);
  expect(persons.nodes).toHaveLength(1);
  const found = persons.nodes[0];
  expect(found.names.map((n: any) => n.name)).toEqual(person.names.map((n) => n.name));
  expect(found.names.map((n: any) => n.name)).toContain("Anatoly Kovalyov");
  expect(found.nationality.name).toBe(government("ru").name);
  expect(sorted(found.roles.nodes.map((r: any) => r.legalAction.title))).toEqual(
    sorted(naming.map((l) => l.title)),
  );
  const written = naming.flatMap((l) => (l.defendants ?? []).filter((d) => d.person === person.id));
  expect(sorted(found.roles.nodes.map((r: any) => r.name))).toEqual(
    sorted(written.map((d) => d.name)),
  );
  expect(found.roles.nodes.every((r: any) => r.role === "DEFENDANT")).toBe(true);
};

/** The Star Blizzard officer: listed by two sanctions, charged once, one person (data/200). */
const officerStory: Check = ({ persons }) => {
  const naming = data.legalActions.filter((l) =>
    (l.defendants ?? []).some((d) => d.person === "ruslan-peretyatko"),
  );
  expect(sorted(naming.map((l) => l.kind))).toEqual(["INDICTMENT", "SANCTION", "SANCTION"]);
  expect(persons.nodes.map((p: any) => p.id)).toEqual(["ruslan-peretyatko"]);
  const roles = persons.nodes[0].roles.nodes;
  expect(sorted(roles.map((r: any) => r.legalAction.title))).toEqual(
    sorted(naming.map((l) => l.title)),
  );
  for (const action of naming) {
    const role = roles.find((r: any) => r.legalAction.title === action.title);
    expect(role.role).toBe(action.kind === "SANCTION" ? "LISTED" : "DEFENDANT");
    expect(role.measures).toEqual(action.kind === "SANCTION" ? action.sanctions!.measures : []);
    expect(role.charges.map((c: any) => c.description)).toEqual(
      (action.charges ?? []).map((c) => c.description),
    );
  }
  const group = persons.nodes[0].affiliations.find((a: any) => a.actor).actor;
  expect(group.name).toBe(actor("star-blizzard").name);
  const said = data.attributions.filter((a) => a.actor === "star-blizzard");
  expect(sorted(group.attributions.nodes.map((a: any) => a.statement.issuer.name))).toEqual(
    sorted(said.map((a) => government(a.statement.issuer).name)),
  );
};

export const README_CHECKS: Record<string, Check> = {
  IncidentStory: incidentStory,
  GovernmentStory: governmentStory,
  ActorStory: actorStory,
  SearchStory: searchStory,
  ByGlobalId: byGlobalId,
  AnalyticsStory: analyticsStory,
  JointAttributionStory: jointAttributionStory,
  UpsertStatement: upsertStatement,
  WhoNamedIt: whoNamedIt,
  ...README_SYNC_CHECKS,
  PersonStory: personStory,
  OfficerStory: officerStory,
};
