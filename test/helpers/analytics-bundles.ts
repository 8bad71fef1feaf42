import { BUNDLE_FORMAT, type Bundle } from "../../platform/bundle";
import { SYNTHETIC_SOURCE } from "./synthetic";

const SOURCES = ["synthetic"];
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const state = (id: string) => ({ id, name: `State ${id}`, kind: "STATE", sources: SOURCES });

function emptyBundle(governments: string[]): Bundle {
  return {
    format: BUNDLE_FORMAT,
    sources: SYNTHETIC_SOURCE,
    governments: governments.map(state),
    agencies: [],
    officials: [],
    threatActors: [],
    incidents: [],
    statements: [],
    legalActions: [],
  };
}

const incident = (id: string, dates: { firstObserved?: string; disclosed?: string }) => ({
  id,
  name: `Incident ${id}`,
  kind: "ESPIONAGE",
  ...dates,
  sources: SOURCES,
});

const statement = (
  id: string,
  issuedAt: string,
  issuer: string,
  attributions: { incident: string; state: string; kind?: string }[],
  cosigners: string[] = [],
) => ({
  id,
  kind: "PRESS_RELEASE",
  issuedAt,
  issuer,
  cosigners,
  language: "en",
  title: `Statement ${id}`,
  attributions: attributions.map((a, i) => ({ id: `${id}-a${i}`, kind: "FORMAL", ...a })),
  sources: SOURCES,
});

const legalAction = (
  id: string,
  jurisdiction: string,
  incidents: string[],
  dates: { filed?: string; unsealed?: string; announced?: string },
  nationalities: string[] = [],
) => ({
  id,
  kind: "INDICTMENT",
  title: `Case ${id}`,
  jurisdiction,
  status: "PENDING",
  ...dates,
  defendants: nationalities.map((nationality, i) => ({
    name: `Defendant ${id} ${i}`,
    nationality,
    status: "AT_LARGE",
  })),
  relatedIncidents: incidents,
  sources: SOURCES,
});

/**
 * Dates chosen so that every figure can be worked out by hand (test/e2e/services/analytics.test.ts gives
 * each one): accusers aa, bb, cc, accused states xx, yy, incidents with day, month and year
 * precision, one dated by disclosure only, one with no date, one never attributed.
 */
export function controlledBundle(): Bundle {
  const bundle = emptyBundle(["aa", "bb", "cc", "xx", "yy"]);
  bundle.incidents = [
    incident("inc-day", { firstObserved: "2020-01-10", disclosed: "2020-02-01" }),
    incident("inc-month", { firstObserved: "2020-03" }),
    incident("inc-disclosed", { disclosed: "2020-06-15" }),
    incident("inc-undated", {}),
    incident("inc-year", { firstObserved: "2019" }),
    incident("inc-unattributed", { firstObserved: "2020-01-01" }),
  ];
  bundle.statements = [
    statement("s-aa-bb", "2020-01-20", "aa", [{ incident: "inc-day", state: "xx" }], ["bb"]),
    statement("s-cc-day", "2020-02-09", "cc", [{ incident: "inc-day", state: "xx" }]),
    statement("s-aa-day", "2020-02-09", "aa", [{ incident: "inc-day", state: "xx" }]),
    statement("s-aa-month", "2020-04-01", "aa", [{ incident: "inc-month", state: "yy" }]),
    statement("s-bb-disclosed", "2020-06-25", "bb", [{ incident: "inc-disclosed", state: "xx" }]),
    statement("s-aa-undated", "2020-07-01", "aa", [{ incident: "inc-undated", state: "yy" }]),
    statement("s-cc-year", "2021-03", "cc", [{ incident: "inc-year", state: "yy" }]),
    // Not an accusation: reported by the media only, earlier than every attribution of inc-month.
    statement("s-bb-media", "2020-03-05", "bb", [
      { incident: "inc-month", state: "xx", kind: "MEDIA_REPORTED" },
    ]),
  ];
  bundle.legalActions = [
    legalAction("l-aa-day", "aa", ["inc-day"], { filed: "2020-03-01", announced: "2020-03-10" }, [
      "xx",
    ]),
    legalAction("l-bb-day", "bb", ["inc-day"], { unsealed: "2020-02-15" }),
    legalAction("l-bb-month", "bb", ["inc-month"], { announced: "2020-05" }, ["yy"]),
    legalAction("l-aa-undated-incident", "aa", ["inc-undated"], { announced: "2020-08-01" }),
    legalAction("l-undated", "cc", ["inc-month"], {}),
  ];
  return bundle;
}

/** `n` incidents, each attributed by aa with cosigner bb (blaming xx) and indicted by aa. */
export function bulkBundle(n: number): Bundle {
  const bundle = emptyBundle(["aa", "bb", "xx"]);
  for (const i of range(n)) {
    const day = String((i % 28) + 1).padStart(2, "0");
    bundle.incidents!.push(incident(`bulk-${i}`, { firstObserved: `2020-01-${day}` }));
    bundle.statements!.push(
      statement(
        `s-bulk-${i}`,
        `2021-01-${day}`,
        "aa",
        [{ incident: `bulk-${i}`, state: "xx" }],
        ["bb"],
      ),
    );
    bundle.legalActions!.push(
      legalAction(`l-bulk-${i}`, "aa", [`bulk-${i}`], { announced: `2021-06-${day}` }, ["xx"]),
    );
  }
  return bundle;
}
