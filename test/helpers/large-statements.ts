/**
 * Issue 21, finding 1: statements written at the documented maxima (text 100,000 characters,
 * summary 5,000, 20 quotes of 5,000 with 7 translations of 5,000), and the reads that took a
 * subgraph from 210 MB to a crash.
 */
export const LARGE_STATEMENTS = 100;

/** Issued in 2035, a year no shipped statement is: the filter selects these alone. */
export const LARGE_PERIOD = { from: "2035", to: "2035" };

const TRANSLATIONS = ["fr", "de", "es", "it", "pt", "nl", "pl"];

/** `length` characters of words: text a source could publish. */
function words(length: number, seed: number): string {
  const unit = `statement ${seed} says what it says about the incident; `;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** The `upsertStatement` input of large statement `i`, at every maximum the issue names. */
export function largeStatementInput(i: number) {
  return {
    id: `large-statement-${i}`,
    kind: "PRESS_STATEMENT",
    issuedAt: `2035-01-${String((i % 28) + 1).padStart(2, "0")}`,
    issuer: "us",
    language: "en",
    title: `Large statement ${i}`,
    text: words(100_000, i),
    summary: words(5_000, i),
    quotes: Array.from({ length: 20 }, (_, q) => ({
      text: words(5_000, i * 100 + q),
      language: "en",
      translations: TRANSLATIONS.map((language) => ({
        language,
        text: words(5_000, i * 1000 + q),
      })),
    })),
    attributions: [],
    sources: ["large-source"],
  };
}

export const LARGE_SOURCES = [
  { key: "large-source", title: "A source for large statements", language: "en" },
];

export const UPSERT_STATEMENT = /* GraphQL */ `
  mutation UpsertLargeStatement($input: StatementInput!, $sources: [SourceInput!]) {
    upsertStatement(input: $input, sources: $sources) {
      action
    }
  }
`;

/** Finding 1's read: `aliases` aliases of a page of `first` statements with every text. */
export function largeRead(aliases: number, first: number): string {
  const page = (i: number) =>
    `a${i}: statements(first: ${first}, filter: { issuedBetween: { from: "${LARGE_PERIOD.from}", to: "${LARGE_PERIOD.to}" } }) { nodes { id text summary quotes { text translations { text } } } }`;
  return `{ ${Array.from({ length: aliases }, (_, i) => page(i)).join(" ")} }`;
}

/**
 * Issue 21, finding 10: ten root `governments(first: 100)` with seven nested one-item pages
 * each, four of them answered by other subgraphs.
 */
export function fanOutRead(roots = 10, first = 100): string {
  const nested = [
    "statements",
    "attributionsMade",
    "attributionsReceived",
    "sponsoredActors",
    "incidentsTargeting",
    "legalActionsBrought",
    "nationalsCharged",
  ]
    .map((field) => `${field}(first: 1) { totalCount }`)
    .join(" ");
  const root = (i: number) => `g${i}: governments(first: ${first}) { nodes { id ${nested} } }`;
  return `{ ${Array.from({ length: roots }, (_, i) => root(i)).join(" ")} }`;
}
