import { BUNDLE_FORMAT, type Bundle } from "../../platform/bundle";

/** The records persons.test.ts writes around: governments, agencies, one threat actor. */
export function personBaseBundle(): Bundle {
  const sources = ["base"];
  return {
    format: BUNDLE_FORMAT,
    sources: {
      base: {
        url: null,
        title: "Base records",
        publisher: null,
        publishedAt: null,
        language: "en",
        excerpt: null,
      },
    },
    governments: [
      { id: "us", name: "United States of America", kind: "STATE", sources },
      { id: "eu", name: "European Union", kind: "SUPRANATIONAL_UNION", sources },
      { id: "ru", name: "Russian Federation", kind: "STATE", sources },
    ],
    agencies: [
      {
        id: "us-doj",
        name: "U.S. Department of Justice",
        kind: "LAW_ENFORCEMENT",
        government: "us",
        sources,
      },
      {
        id: "eu-council",
        name: "Council of the European Union",
        kind: "COUNCIL",
        government: "eu",
        sources,
      },
      { id: "ru-gru", name: "GRU", kind: "INTELLIGENCE", government: "ru", sources },
    ],
    threatActors: [
      { id: "apt28", name: "APT28", kind: "STATE_SPONSORED", sponsorState: "ru", sources },
    ],
  };
}

export const PERSON_SOURCES = [
  {
    key: "indictment-release",
    url: "https://example.org/indictment",
    title: "Seven officers indicted",
    publisher: "U.S. Department of Justice",
    publishedAt: "2018-10-04",
    language: "en",
  },
  {
    key: "listing-article",
    url: "https://example.org/listing",
    title: "Sanctions de l'UE",
    publisher: "Le Monde",
    publishedAt: "2020-07-30",
    language: "fr",
  },
];

/** One officer under two spellings: the DOJ's, and a French one with accents. */
export const SEREBRIAKOV = {
  id: "evgeni-serebriakov",
  names: [
    {
      name: "Évgueni Mikhaïlovitch Sérébriakov",
      kind: "PRIMARY",
      language: "fr",
      usedBy: ["Le Monde"],
      sources: ["listing-article"],
    },
    {
      name: "Yevgeny Serebryakov",
      kind: "TRANSLITERATION",
      usedBy: ["U.S. Department of Justice"],
      sources: ["indictment-release"],
    },
  ],
  nationality: "ru",
  affiliations: [
    {
      actor: "apt28",
      agency: "ru-gru",
      role: "officer",
      from: "2014",
      sources: ["indictment-release"],
    },
  ],
  sources: ["indictment-release", "listing-article"],
};

export function indictment(person: string | null, overrides: Record<string, unknown> = {}) {
  return {
    id: "us-v-test-officers-2018",
    kind: "INDICTMENT",
    title: "United States v. Test Officers",
    jurisdiction: "us",
    authority: "us-doj",
    announced: "2018-10-04",
    status: "PENDING",
    charges: [{ description: "Conspiracy to commit computer fraud", counts: 1 }],
    defendants: [
      {
        name: "Yevgeny Serebryakov",
        kind: "PERSON",
        person,
        nationality: "ru",
        status: "AT_LARGE",
      },
    ],
    sources: ["indictment-release"],
    ...overrides,
  };
}

export const LISTING = {
  id: "eu-test-listing-2020",
  kind: "SANCTION",
  title: "EU restrictive measures (test listing)",
  jurisdiction: "eu",
  authority: "eu-council",
  announced: "2020-07-30",
  status: "IN_FORCE",
  defendants: [
    {
      name: "Évgueni Sérébriakov",
      kind: "PERSON",
      person: "evgeni-serebriakov",
      nationality: "ru",
      status: "SANCTIONED",
    },
    { name: "Test Unit", kind: "ORGANIZATION", nationality: "ru", status: "SANCTIONED" },
  ],
  sanctions: { regime: "EU cyber sanctions regime", measures: ["travel ban", "asset freeze"] },
  sources: ["listing-article"],
};
