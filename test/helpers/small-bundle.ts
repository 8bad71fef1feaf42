import { BUNDLE_FORMAT, type Bundle } from "../../platform/bundle";

/**
 * A bundle of one record or two of every kind, written to exercise the STIX mapping: a state
 * with ISO codes and a union without, an agency, an official, a sponsored actor with a detailed
 * alias, an incident with a CVE, a sector and an unknown country, a statement whose quote has a
 * translation, an attribution and a denial, an indictment naming a person with two spellings.
 */
export function smallBundle(): Bundle {
  const records = {
    governments: [
      {
        id: "us",
        name: "United States",
        kind: "STATE",
        isoAlpha2: "US",
        isoAlpha3: "USA",
        sources: ["s1"],
      },
      {
        id: "cn",
        name: "China",
        kind: "STATE",
        isoAlpha2: "CN",
        isoAlpha3: "CHN",
        sources: ["s1"],
      },
      { id: "eu", name: "European Union", kind: "SUPRANATIONAL_UNION", sources: ["s1"] },
    ],
    agencies: [
      {
        id: "cn-mss",
        name: "Ministry of State Security",
        acronym: "MSS",
        kind: "INTELLIGENCE",
        government: "cn",
        sources: ["s1"],
      },
      {
        id: "us-dos",
        name: "Department of State",
        kind: "MINISTRY",
        government: "us",
        sources: ["s1"],
      },
    ],
    officials: [
      {
        id: "blinken",
        name: "Antony J. Blinken",
        roles: [
          { title: "Secretary of State", agency: "us-dos", government: "us", from: "2021-01-26" },
        ],
        sources: ["s1"],
      },
    ],
    threatActors: [
      {
        id: "apt40",
        name: "APT40",
        kind: "STATE_SPONSORED",
        aliases: [{ name: "Leviathan", namedBy: "Proofpoint", sources: ["s2"] }],
        sponsorState: "cn",
        sponsorConfidence: 85,
        affiliatedAgency: "cn-mss",
        targetedCountries: ["us", "zz"],
        targetCategories: ["maritime"],
        sources: ["s1"],
      },
    ],
    incidents: [
      {
        id: "exchange",
        name: "Exchange hack",
        aliases: ["ProxyLogon"],
        kind: "INTRUSION",
        firstObserved: "2021-01",
        disclosed: "2021-03-02",
        cves: ["CVE-2021-26855"],
        sectors: ["government"],
        targetedCountries: ["us"],
        suspectedActors: ["apt40"],
        timeline: [{ date: "2021-03-02", description: "Disclosed.", sources: ["s2"] }],
        sources: ["s1"],
      },
    ],
    statements: [
      {
        id: "us-2021-07-19",
        kind: "PRESS_STATEMENT",
        issuedAt: "2021-07-19",
        issuer: "us",
        cosigners: ["eu"],
        agency: "us-dos",
        speaker: "blinken",
        language: "en",
        url: "https://example.org/déclaration",
        quotes: [
          {
            text: "an ecosystem of criminal contract hackers",
            language: "en",
            speaker: "blinken",
            translations: [{ language: "fr", text: "un écosystème de pirates", source: "s2" }],
          },
        ],
        attributions: [
          {
            id: "a-mss",
            incident: "exchange",
            state: "cn",
            agency: "cn-mss",
            kind: "FORMAL",
            confidenceWording: "with a high degree of confidence",
            confidenceLevel: "VERY_HIGH",
            confidenceScore: 95,
          },
          { id: "a-denial", incident: "exchange", actor: "apt40", kind: "DENIAL" },
        ],
        sources: ["s1", "s2"],
      },
    ],
    persons: [
      {
        id: "ding-xiaoyang",
        names: [
          { name: "Ding Xiaoyang", kind: "PRIMARY", usedBy: ["U.S. Department of Justice"] },
          {
            name: "丁晓阳",
            kind: "NATIVE_SCRIPT",
            language: "zh",
            script: "Hans",
            sources: ["s2"],
          },
        ],
        nationality: "cn",
        affiliations: [
          { actor: "apt40", role: "officer", sources: ["s2"] },
          { agency: "cn-mss", from: "2011", sources: ["s2"] },
        ],
        sources: ["s2"],
      },
    ],
    legalActions: [
      {
        id: "us-v-four",
        kind: "INDICTMENT",
        title: "United States v. Four",
        jurisdiction: "us",
        authority: "us-dos",
        filed: "2021-05-28",
        conductFrom: "2011",
        conductTo: "2018",
        status: "PENDING",
        charges: [{ description: "Conspiracy to commit computer fraud", counts: 1 }],
        defendants: [
          {
            name: "Ding Xiaoyang",
            kind: "PERSON",
            person: "ding-xiaoyang",
            nationality: "cn",
            affiliatedActor: "apt40",
            status: "AT_LARGE",
          },
        ],
        relatedIncidents: ["exchange"],
        relatedActors: ["apt40"],
        sources: ["s2"],
      },
    ],
  };
  const bundle = {
    format: BUNDLE_FORMAT,
    sources: {
      s1: {
        title: "Seed article",
        publisher: "La Nouvelle Tribune",
        publishedAt: "2021-07",
        language: "fr",
      },
      s2: {
        title: "Statement",
        publisher: "The White House",
        publishedAt: "2021-07-19",
        language: "en",
      },
    },
    ...records,
  };
  return bundle as unknown as Bundle;
}
