import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bulkBundle, controlledBundle } from "../../helpers/analytics-bundles";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
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

// The delay figures on a bundle whose dates were chosen so that each one can be worked out by
// hand (test/helpers/analytics-bundles.ts): day, month and year precision, a disclosure anchor,
// an undated incident, a media report that is not an attribution, a legal action without a date.
describe("analytics > figures on controlled dates", () => {
  const serverUrl = inject("serverUrl");
  let databaseUrl: string;
  let federation: TestFederation;
  beforeAll(async () => {
    databaseUrl = await createDatabase(serverUrl, "analytics");
    await prepareDatabase(databaseUrl, [controlledBundle()]);
    federation = await startTestFederation(databaseUrl);
  });
  afterAll(async () => {
    await federation?.stop();
    if (databaseUrl) await dropDatabase(serverUrl, databaseUrl);
  });

  it("measures each incident from its first observation, else its disclosure, to its first attribution", async () => {
    const incidents = await byIncident(federation, [
      "inc-day",
      "inc-month",
      "inc-disclosed",
      "inc-year",
      "inc-undated",
      "inc-unattributed",
    ]);
    expect(incidents.get("inc-day").timeToFirstAttribution).toEqual({
      id: "inc-day",
      days: 10,
      minDays: 10,
      maxDays: 10,
      precision: "DAY",
      anchor: "FIRST_OBSERVED",
      anchorDate: { value: "2020-01-10" },
      eventDate: { value: "2020-01-20" },
      statement: { id: "s-aa-bb" },
    });
    // "2020-03" runs from 1 to 31 March: 31 days between period starts, 1 to 31 as bounds. The
    // earlier media report (5 March) is not an attribution.
    expect(incidents.get("inc-month").timeToFirstAttribution).toMatchObject({
      days: 31,
      minDays: 1,
      maxDays: 31,
      precision: "MONTH",
      statement: { id: "s-aa-month" },
    });
    expect(incidents.get("inc-disclosed").timeToFirstAttribution).toMatchObject({
      days: 10,
      anchor: "DISCLOSED",
      anchorDate: { value: "2020-06-15" },
    });
    // From 2019 (a year) to March 2021 (a month): 790 days between starts, 426 to 820 possible.
    expect(incidents.get("inc-year").timeToFirstAttribution).toMatchObject({
      days: 790,
      minDays: 426,
      maxDays: 820,
      precision: "YEAR",
      eventDate: { value: "2021-03" },
    });
    expect(incidents.get("inc-undated").timeToFirstAttribution).toBeNull();
    expect(incidents.get("inc-unattributed").timeToFirstAttribution).toBeNull();
  });

  it("dates a legal action by the earliest of filed, unsealed and announced", async () => {
    const incidents = await byIncident(federation, [
      "inc-day",
      "inc-month",
      "inc-undated",
      "inc-disclosed",
    ]);
    // Unsealed on 15 February beats the other action filed on 1 March.
    expect(incidents.get("inc-day").timeToFirstLegalAction).toEqual({
      days: 36,
      minDays: 36,
      maxDays: 36,
      precision: "DAY",
      anchor: "FIRST_OBSERVED",
      anchorDate: { value: "2020-01-10" },
      eventDate: { value: "2020-02-15" },
      eventDateKind: "UNSEALED",
      legalAction: { id: "l-bb-day" },
    });
    expect(incidents.get("inc-month").timeToFirstLegalAction).toMatchObject({
      days: 61,
      minDays: 31,
      maxDays: 91,
      precision: "MONTH",
      eventDateKind: "ANNOUNCED",
    });
    expect(incidents.get("inc-undated").timeToFirstLegalAction).toBeNull();
    expect(incidents.get("inc-disclosed").timeToFirstLegalAction).toBeNull();
  });

  it("gives count, median, minimum and maximum of the delays by accuser, accused state and year", async () => {
    const figures = async (groupBy: string) => {
      const { data, errors } = await federation.query<any>(DELAYS, { groupBy });
      expect(errors).toBeUndefined();
      return {
        attribution: rows(data.analytics.attributionDelays.nodes),
        legal: rows(data.analytics.legalActionDelays.nodes),
      };
    };
    // aa: 10 and 31 days (inc-undated left out): median (10 + 31) / 2 rounded down. bb counts
    // inc-day as the cosigner of aa's statement. cc: 30 and 790.
    expect(await figures("ACCUSER")).toEqual({
      attribution: [
        ["aa", 2, 1, 20, 10, 31],
        ["bb", 2, 0, 10, 10, 10],
        ["cc", 2, 0, 410, 30, 790],
      ],
      // By jurisdiction: bb 36 and 61, aa 51; cc's only action has no date.
      legal: [
        ["bb", 2, 0, 48, 36, 61],
        ["aa", 1, 1, 51, 51, 51],
      ],
    });
    expect(await figures("ACCUSED_STATE")).toEqual({
      attribution: [
        ["xx", 2, 0, 10, 10, 10],
        ["yy", 2, 1, 410, 31, 790],
      ],
      // By defendant nationality.
      legal: [
        ["xx", 1, 0, 51, 51, 51],
        ["yy", 1, 0, 61, 61, 61],
      ],
    });
    expect(await figures("YEAR")).toEqual({
      attribution: [
        [2020, 3, 1, 10, 10, 31],
        [2021, 1, 0, 790, 790, 790],
      ],
      legal: [[2020, 2, 1, 48, 36, 61]],
    });
  });

  it("counts attributions per year by issuer, accuser and accused state", async () => {
    const counts = async (groupBy: string) => {
      const { data, errors } = await federation.query<any>(COUNTS, { groupBy });
      expect(errors).toBeUndefined();
      return data.analytics.attributionsPerYear.nodes.map((n: any) => [
        n.year,
        n.government.id,
        n.attributions,
        n.statements,
        n.incidents,
      ]);
    };
    expect(await counts("ISSUER")).toEqual([
      [2020, "aa", 4, 4, 3],
      [2020, "bb", 1, 1, 1],
      [2020, "cc", 1, 1, 1],
      [2021, "cc", 1, 1, 1],
    ]);
    expect(await counts("ACCUSER")).toEqual([
      [2020, "aa", 4, 4, 3],
      [2020, "bb", 2, 2, 2],
      [2020, "cc", 1, 1, 1],
      [2021, "cc", 1, 1, 1],
    ]);
    expect(await counts("ACCUSED_STATE")).toEqual([
      [2020, "xx", 4, 4, 2],
      [2020, "yy", 2, 2, 2],
      [2021, "yy", 1, 1, 1],
    ]);
  });

  it("pairs governments in one statement or in separate statements of the same day", async () => {
    const { data, errors } = await federation.query<any>(COUNTS, { groupBy: "ISSUER" });
    expect(errors).toBeUndefined();
    expect(data.analytics.jointAttributions).toEqual({
      totalCount: 2,
      nodes: [
        {
          id: "aa+bb",
          government: { id: "aa" },
          partner: { id: "bb" },
          incidents: 1,
          sharedStatements: 1,
        },
        {
          id: "aa+cc",
          government: { id: "aa" },
          partner: { id: "cc" },
          incidents: 1,
          sharedStatements: 0,
        },
      ],
    });
    const partners = await federation.query<any>(PARTNERS, { id: "aa" });
    expect(partners.data.government.jointAttributionPartners.nodes).toEqual([
      { partner: { id: "bb" }, incidents: 1, sharedStatements: 1 },
      { partner: { id: "cc" }, incidents: 1, sharedStatements: 0 },
    ]);
  });
});

// The same figures on the shipped dataset, each worked out here from the bundle files.
describe("analytics > figures on the shipped dataset", () => {
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
      const days = dated
        .map((e) => daysBetween(anchorOf(e.incident)!, e.date))
        .sort((a, b) => a - b);
      const mid = Math.floor(days.length / 2);
      const median = days.length % 2 ? days[mid] : Math.floor((days[mid - 1] + days[mid]) / 2);
      return [
        /^\d{4}$/.test(key) ? Number(key) : key,
        days.length,
        group.size - dated.length,
        median,
        days[0],
        days.at(-1)!,
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
        ...new Set(
          (action.defendants ?? []).flatMap((d) => (d.nationality ? [d.nationality] : [])),
        ),
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

// Every figure is one batch of SQL per subgraph list, whatever the number of incidents.
describe("analytics > SQL statements per query", () => {
  const serverUrl = inject("serverUrl");
  const sizes = [1, 30];
  const databases: string[] = [];
  const federations: TestFederation[] = [];
  beforeAll(async () => {
    for (const n of sizes) {
      const url = await createDatabase(serverUrl, `analytics${n}`);
      databases.push(url);
      await prepareDatabase(url, [bulkBundle(n)]);
      federations.push(await startTestFederation(url));
    }
  });
  afterAll(async () => {
    for (const federation of federations) await federation.stop();
    for (const url of databases) await dropDatabase(serverUrl, url);
  });

  it("costs the same statements for 1 and 30 incidents, aggregated or one by one", async () => {
    const counts = [];
    for (const [i, n] of sizes.entries()) {
      const federation = federations[i];
      const ids = Array.from({ length: n }, (_, k) => `bulk-${k}`);
      const incidents = await byIncident(federation, ids);
      expect(
        [...incidents.values()].every((x) => x.timeToFirstAttribution && x.timeToFirstLegalAction),
      ).toBe(true);
      const figures = await federation.query<any>(DELAYS, { groupBy: "ACCUSER" });
      expect(figures.data.analytics.attributionDelays.nodes[0]).toMatchObject({ count: n });
      counts.push({
        delays: await federation.countStatements(DELAYS, { groupBy: "ACCUSER" }),
        counts: await federation.countStatements(COUNTS, { groupBy: "ACCUSER" }),
        partners: await federation.countStatements(PARTNERS, { id: "aa" }),
        incidents: await federation.countStatements(INCIDENT_DELAYS, { ids, first: n }),
      });
    }
    expect(counts[0].delays).toBeGreaterThan(0);
    expect(counts[1]).toEqual(counts[0]);
  });
});
