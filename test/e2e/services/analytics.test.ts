import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bulkBundle, controlledBundle } from "../../helpers/analytics-bundles";
import { createDatabase, dropDatabase, prepareDatabase } from "../../../harness/database";
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

// Each incident's delays: from its first observation, else its disclosure, to its first attribution
// and to its first legal action, at day, month and year precision.
describe("services > analytics > figures on controlled dates > per incident", () => {
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
});

// Median, minimum and maximum by accuser, accused state and year; attributions per year; pairs.
describe("services > analytics > figures on controlled dates > aggregates", () => {
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

// Every figure is one batch of SQL per subgraph list, whatever the number of incidents.
describe("services > analytics > SQL statements per query", () => {
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
