import { BUNDLE_FORMAT, type Bundle } from "../../platform/bundle";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const SOURCES = ["synthetic"];

/** The one source every synthetic record cites (`sources: ["synthetic"]`). */
export const SYNTHETIC_SOURCE: Bundle["sources"] = {
  synthetic: {
    url: null,
    title: "Synthetic test data",
    publisher: null,
    publishedAt: null,
    language: "en",
    excerpt: null,
  },
};

/**
 * Two worlds of different sizes in one bundle: everything named `small` has 1 related row,
 * everything named `large` has `n` (the size's person is named by `n` legal actions). A query
 * must cost the same SQL statements on both.
 */
export function twoSizesBundle(n: number): Bundle {
  const sizes = { small: 1, large: n } as const;
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    sources: SYNTHETIC_SOURCE,
    governments: [
      { id: "accuser", name: "Accuser", kind: "STATE", sources: SOURCES },
      { id: "cosigner", name: "Cosigner", kind: "STATE", sources: SOURCES },
    ],
    agencies: [
      {
        id: "accuser-doj",
        name: "Accuser DOJ",
        kind: "LAW_ENFORCEMENT",
        government: "accuser",
        sources: SOURCES,
      },
    ],
    officials: [
      {
        id: "speaker",
        name: "Speaker",
        roles: [{ title: "Minister", government: "accuser", from: "2020" }],
        sources: SOURCES,
      },
    ],
    threatActors: [],
    incidents: [],
    statements: [],
    persons: [],
    legalActions: [],
  };
  for (const [size, count] of Object.entries(sizes)) {
    bundle.governments!.push({
      id: `state-${size}`,
      name: `State ${size}`,
      kind: "STATE",
      sources: SOURCES,
    });
    for (const i of range(count)) {
      bundle.threatActors!.push({
        id: `actor-${size}-${i}`,
        name: `Actor ${size} ${i}`,
        kind: "STATE_SPONSORED",
        sponsorState: `state-${size}`,
        aliases: [{ name: `Alias ${size} ${i}`, namedBy: "Vendor" }],
        sources: SOURCES,
      });
    }
    bundle.persons!.push({
      id: `person-${size}`,
      names: [
        { name: `Person ${size}`, kind: "PRIMARY", usedBy: ["Accuser DOJ"], sources: SOURCES },
        { name: `Persona ${size}`, kind: "TRANSLITERATION" },
      ],
      nationality: `state-${size}`,
      affiliations: [{ actor: `actor-${size}-0`, agency: "accuser-doj", sources: SOURCES }],
      sources: SOURCES,
    });
    bundle.incidents!.push({
      id: `incident-${size}`,
      name: `Incident ${size}`,
      kind: "ESPIONAGE",
      firstObserved: "2020-01",
      targetedCountries: ["accuser"],
      suspectedActors: range(count).map((i) => `actor-${size}-${i}`),
      sources: SOURCES,
    });
    for (const i of range(count)) {
      bundle.statements!.push({
        id: `statement-${size}-${i}`,
        kind: "PRESS_RELEASE",
        issuedAt: `2021-01-${String((i % 28) + 1).padStart(2, "0")}`,
        issuer: "accuser",
        cosigners: ["cosigner"],
        agency: "accuser-doj",
        speaker: "speaker",
        language: "en",
        title: `${size}word statement ${i}`,
        quotes: [
          {
            text: `quote one ${i}`,
            language: "en",
            speaker: "speaker",
            translations: [{ language: "fr", text: `citation ${i}` }],
          },
          { text: `quote two ${i}`, language: "en" },
        ],
        attributions: [
          {
            id: `attribution-${size}-${i}`,
            incident: `incident-${size}`,
            actor: `actor-${size}-${i}`,
            state: `state-${size}`,
            kind: "FORMAL",
            confidenceLevel: "HIGH",
            confidenceScore: 85,
          },
        ],
        sources: SOURCES,
      });
      bundle.legalActions!.push({
        id: `action-${size}-${i}`,
        kind: "INDICTMENT",
        title: `United States v. ${size} ${i}`,
        jurisdiction: "accuser",
        authority: "accuser-doj",
        status: "PENDING",
        announced: "2021-02-01",
        charges: [
          { description: "Conspiracy", counts: 1 },
          { description: "Fraud", counts: 2 },
        ],
        // The first is the size's one person, named by every action of its size.
        defendants: range(3).map((d) => ({
          name: `Defendant ${size} ${i} ${d}`,
          ...(d === 0 ? { kind: "PERSON", person: `person-${size}` } : {}),
          nationality: `state-${size}`,
          affiliatedActor: `actor-${size}-${i}`,
          status: "AT_LARGE",
        })),
        relatedIncidents: [`incident-${size}`],
        relatedActors: [...new Set([`actor-${size}-0`, `actor-${size}-${i}`])],
        sources: SOURCES,
      });
    }
  }
  return bundle;
}
