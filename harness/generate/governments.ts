import { codeName } from "../random";
import type { Tables, World } from "./tables";
import { SOURCES, FIRST_NAMES } from "./vocabulary";

export const govName = (g: number) => `Republic of ${codeName(100_000 + g)}`;
export const officialOf = (g: number, k: number) => `official-${g}-${k}`;

const letters = (n: number, width: number) =>
  Array.from({ length: width }, (_, i) =>
    String.fromCharCode(65 + (Math.floor(n / 26 ** i) % 26)),
  ).join("");

const AGENCY_SUFFIXES = [
  ["mfa", "Ministry of Foreign Affairs", "MINISTRY"],
  ["doj", "Department of Justice", "LAW_ENFORCEMENT"],
  ["intel", "State Security Service", "INTELLIGENCE"],
];

/** Governments (the first three are alliances), three agencies each, two officials with a role. */
export function governmentTables({ random, govIds }: World): Tables {
  return [
    {
      table: "governments.government",
      rows: govIds.map((id, g) => ({
        id,
        name: govName(g),
        kind: g < 3 ? "ALLIANCE" : "STATE",
        iso_alpha2: g < 3 ? null : letters(g, 2),
        iso_alpha3: g < 3 ? null : letters(g, 3),
        member_of_ids: g < 3 ? [] : random.sample(govIds.slice(0, 3), random.int(0, 2)),
        sources: SOURCES,
      })),
    },
    {
      table: "governments.agency",
      rows: govIds.flatMap((id, g) =>
        AGENCY_SUFFIXES.map(([suffix, name, kind]) => ({
          id: `${id}-${suffix}`,
          name: `${name} of ${govName(g)}`,
          acronym: suffix.toUpperCase(),
          kind,
          government_id: id,
          parent_id: null,
          sources: SOURCES,
        })),
      ),
    },
    {
      table: "governments.official",
      rows: govIds.flatMap((_, g) =>
        [0, 1].map((k) => ({
          id: officialOf(g, k),
          name: `${random.pick(FIRST_NAMES)} ${codeName(200_000 + g * 2 + k)}`,
          sources: SOURCES,
        })),
      ),
    },
    {
      table: "governments.official_role",
      rows: govIds.flatMap((id, g) =>
        [0, 1].map((k) => ({
          official_id: officialOf(g, k),
          position: 0,
          title: k === 0 ? "Minister of Foreign Affairs" : "Attorney General",
          agency_id: `${id}-${k === 0 ? "mfa" : "doj"}`,
          government_id: id,
          from_on: random.date(2005, 2015),
          from_precision: "DAY",
          to_on: null,
          to_precision: null,
        })),
      ),
    },
  ];
}
