import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedDataset } from "../../helpers/dataset";
import { type TestFederation, startTestFederation } from "../../helpers/federation";
import { COUNTS, DELAYS, INCIDENT_DELAYS, PARTNERS } from "../../helpers/analytics-queries";

/** Figures as the test expects them: [government or year, count, undated, median, min, max]. */
type Row = [string | number, number, number, number | null, number | null, number | null];
const rows = (nodes: any[]): Row[] =>
  nodes.map((n) => [
    n.government?.id ?? n.year,
    n.count,
    n.undatedIncidents,
    n.medianDays,
    n.minDays,
    n.maxDays,
  ]);

async function byIncident(federation: TestFederation, ids: string[]) {
  const { data, errors } = await federation.query<any>(INCIDENT_DELAYS, { ids, first: ids.length });
  expect(errors).toBeUndefined();
  return new Map<string, any>(data.incidents.nodes.map((n: any) => [n.id, n]));
}

// The same figures on the shipped dataset, each worked out here from the bundle files.
const data = shippedDataset();
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation?.stop());

const start = (date: string) =>
  date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
const daysBetween = (from: string, to: string) =>
  (Date.parse(start(to)) - Date.parse(start(from))) / 86_400_000;
// Earliest start first; on a tie the more precise date (the longer string), then the id.
const earliest = <T extends { date: string; id: string }>(events: T[]) =>
  [...events].sort(
    (a, b) =>
      start(a.date).localeCompare(start(b.date)) ||
      b.date.length - a.date.length ||
      a.id.localeCompare(b.id),
  )[0];
const anchorOf = (incidentId: string) => {
  const incident = data.incidents.find((i) => i.id === incidentId);
  return incident?.firstObserved ?? incident?.disclosed ?? null;
};
const attributing = data.attributions
  .filter((a) => ["FORMAL", "JOINT", "TECHNICAL"].includes(a.kind))
  .map((a) => ({
    id: a.statement.id,
    date: a.statement.issuedAt,
    incident: a.incident,
    accusers: [a.statement.issuer, ...(a.statement.cosigners ?? [])],
    state: a.state ?? null,
  }));

/** [key, count, undated, median, min, max] per group, in the documented order. */
function expectedFigures(
  events: { id: string; date: string; incident: string; keys: (string | number)[] }[],
): Row[] {
  const firsts = new Map<string, Map<string, (typeof events)[number]>>();
  for (const event of events) {
    for (const key of event.keys) {
      const group = firsts.get(String(key)) ?? new Map();
      firsts.set(String(key), group);
      const known = group.get(event.incident);
      group.set(event.incident, known ? earliest([known, event]) : event);
    }
  }
  const figures: Row[] = [...firsts].map(([key, group]) => {
    const dated = [...group.values()].filter((e) => anchorOf(e.incident));
    const days = dated.map((e) => daysBetween(anchorOf(e.incident)!, e.date)).sort((a, b) => a - b);
    const mid = Math.floor(days.length / 2);
    const median = days.length % 2 ? days[mid] : Math.floor((days[mid - 1] + days[mid]) / 2);
    // A group whose incidents are all undated (the KV Botnet's year) has no figures.
    return [
      /^\d{4}$/.test(key) ? Number(key) : key,
      days.length,
      group.size - dated.length,
      days.length ? median : null,
      days[0] ?? null,
      days.at(-1) ?? null,
    ];
  });
  return figures.sort((a, b) =>
    typeof a[0] === "number"
      ? (a[0] as number) - (b[0] as number)
      : b[1] - a[1] || String(a[0]).localeCompare(String(b[0])),
  );
}
/** The year of each incident's first event, as a YEAR key on every event of the incident. */
const byFirstYear = <T extends { id: string; date: string; incident: string }>(events: T[]) =>
  events.map((e) => ({
    ...e,
    keys: [
      Number(start(earliest(events.filter((o) => o.incident === e.incident)).date).slice(0, 4)),
    ],
  }));

const legalEvents = data.legalActions.flatMap((action) => {
  const dates = [action.filed, action.unsealed, action.announced].filter((d): d is string =>
    Boolean(d),
  );
  if (!dates.length) return [];
  const date = dates.reduce((a, b) => (start(b) < start(a) ? b : a));
  return (action.relatedIncidents ?? []).map((incident) => ({
    id: action.id,
    date,
    incident,
    jurisdiction: action.jurisdiction,
    nationalities: [
      ...new Set((action.defendants ?? []).flatMap((d) => (d.nationality ? [d.nationality] : []))),
    ],
  }));
});

async function delays(groupBy: string) {
  const { data: result, errors } = await federation.query<any>(DELAYS, { groupBy });
  expect(errors).toBeUndefined();
  return {
    attribution: rows(result.analytics.attributionDelays.nodes),
    legal: rows(result.analytics.legalActionDelays.nodes),
    names: result.analytics.attributionDelays.nodes.map((n: any) => n.government?.name),
  };
}

// The Exchange hack's delays as the bundle files date it; null where a date or an attribution is missing.
describe("services > analytics > figures on the shipped dataset > per incident", () => {
  it("times the Microsoft Exchange hack: observed January 2021, attributed 19 July, indictment filed 28 May", async () => {
    const exchange = (await byIncident(federation, ["microsoft-exchange-2021"])).get(
      "microsoft-exchange-2021",
    );
    const incident = data.incidents.find((i) => i.id === "microsoft-exchange-2021")!;
    expect(incident.firstObserved).toBe("2021-01");
    const first = earliest(attributing.filter((a) => a.incident === incident.id));
    expect(first.date).toBe("2021-07-19");
    expect(exchange.timeToFirstAttribution).toEqual({
      id: "microsoft-exchange-2021",
      days: daysBetween("2021-01", "2021-07-19"),
      minDays: daysBetween("2021-01-31", "2021-07-19"),
      maxDays: daysBetween("2021-01", "2021-07-19"),
      precision: "MONTH",
      anchor: "FIRST_OBSERVED",
      anchorDate: { value: "2021-01" },
      eventDate: { value: "2021-07-19" },
      statement: { id: first.id },
    });
    expect(exchange.timeToFirstAttribution.days).toBe(199);
    const indictment = data.legalActions.find((l) => l.id === "us-v-ding-xiaoyang-2021")!;
    expect(exchange.timeToFirstLegalAction).toMatchObject({
      days: daysBetween("2021-01", indictment.filed!),
      eventDate: { value: indictment.filed },
      eventDateKind: "FILED",
      legalAction: { id: indictment.id },
    });
  });

  it("answers null for incidents without a known date or without an attribution", async () => {
    const undated = data.incidents.filter((i) => !i.firstObserved && !i.disclosed).map((i) => i.id);
    const unattributed = data.incidents
      .filter((i) => anchorOf(i.id) && !attributing.some((a) => a.incident === i.id))
      .map((i) => i.id);
    expect(undated.length).toBeGreaterThan(0);
    expect(unattributed.length).toBeGreaterThan(0);
    const incidents = await byIncident(federation, [...undated, ...unattributed]);
    for (const id of [...undated, ...unattributed]) {
      expect(incidents.get(id).timeToFirstAttribution, id).toBeNull();
    }
  });
});

// Medians by group and the cosigner network as the bundle files give them, over the three subgraphs.
describe("services > analytics > figures on the shipped dataset > aggregates", () => {
  it("gives the median delay by accuser, accused state and year as the bundle files give it", async () => {
    const byAccuser = await delays("ACCUSER");
    expect(byAccuser.attribution).toEqual(
      expectedFigures(attributing.map((a) => ({ ...a, keys: a.accusers }))),
    );
    expect(byAccuser.legal).toEqual(
      expectedFigures(legalEvents.map((l) => ({ ...l, keys: [l.jurisdiction] }))),
    );
    // Rows are computed by legal-actions; the names come from the governments subgraph.
    expect(byAccuser.names).toContain(data.governments.find((g) => g.id === "us")!.name);

    const byState = await delays("ACCUSED_STATE");
    expect(byState.attribution).toEqual(
      expectedFigures(attributing.map((a) => ({ ...a, keys: a.state ? [a.state] : [] }))),
    );
    expect(byState.legal).toEqual(
      expectedFigures(legalEvents.map((l) => ({ ...l, keys: l.nationalities }))),
    );

    const byYear = await delays("YEAR");
    expect(byYear.attribution).toEqual(expectedFigures(byFirstYear(attributing)));
    expect(byYear.legal).toEqual(expectedFigures(byFirstYear(legalEvents)));
  });

  it("pairs the United States, the United Kingdom and the EU for 19 July 2021", async () => {
    const { data: result, errors } = await federation.query<any>(COUNTS, { groupBy: "ISSUER" });
    expect(errors).toBeUndefined();
    const pairs = new Map<string, any>(
      result.analytics.jointAttributions.nodes.map((p: any) => [p.id, p]),
    );
    const july19 = [
      ...new Set(
        attributing
          .filter((a) => a.date === "2021-07-19" && a.incident === "microsoft-exchange-2021")
          .flatMap((a) => a.accusers),
      ),
    ].sort();
    expect(july19).toEqual(["eu", "gb", "us"]);
    for (const id of ["eu+gb", "eu+us", "gb+us"])
      expect(pairs.get(id)?.incidents, id).toBeGreaterThanOrEqual(1);
    // Incidents each pair attributed on one same day, worked out from the bundle files.
    const together = new Map<string, Set<string>>();
    for (const a of attributing) {
      for (const b of attributing) {
        if (a.incident !== b.incident || a.date !== b.date || a.date.length !== 10) continue;
        for (const x of a.accusers)
          for (const y of b.accusers) {
            if (x < y)
              together.set(`${x}+${y}`, (together.get(`${x}+${y}`) ?? new Set()).add(a.incident));
          }
      }
    }
    expect(Object.fromEntries([...pairs].map(([id, p]) => [id, p.incidents]))).toEqual(
      Object.fromEntries([...together].map(([id, incidents]) => [id, incidents.size])),
    );
    const partners = await federation.query<any>(PARTNERS, { id: "gb" });
    expect(
      partners.data.government.jointAttributionPartners.nodes.map((p: any) => p.partner.id).sort(),
    ).toEqual(
      [...together.keys()]
        .filter((id) => id.split("+").includes("gb"))
        .map((id) => id.replace(/\+?gb\+?/, ""))
        .sort(),
    );
  });

  it("is planned over the three subgraphs: each one runs SQL for the figures", async () => {
    const before = federation.subgraphs.map((s) => s.statements.count);
    const result = await federation.query<any>(DELAYS, { groupBy: "ACCUSER" });
    expect(result.errors).toBeUndefined();
    const ran = Object.fromEntries(
      federation.subgraphs.map((s, i) => [s.name, s.statements.count - before[i]]),
    );
    // governments lists first attributions, incidents gives their dates, legal-actions lists first
    // legal actions: every figure in the answer needs all three.
    expect(ran.governments).toBeGreaterThan(0);
    expect(ran.incidents).toBeGreaterThan(0);
    expect(ran["legal-actions"]).toBeGreaterThan(0);
  });
});
