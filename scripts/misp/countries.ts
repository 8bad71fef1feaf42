import type { SourceEntry } from "../../platform/bundle";
import type { Country } from "./galaxy";
import { normalize, slugify } from "./names";

/** A government as the connector reads it from the gateway. */
export interface KnownGovernment {
  id: string;
  name: string;
  kind: string;
  isoAlpha2: string | null;
}

/** A government the connector creates: the bundle form of `upsertGovernment`'s input. */
export interface NewGovernment {
  id: string;
  name: string;
  kind: "STATE";
  isoAlpha2: string;
  isoAlpha3: string;
  sources: string[];
}

export const COUNTRY_SOURCE_KEY = "misp-galaxy-country";

/**
 * The CFR fields spell countries as the UN does ("Korea (Republic of)") or by a short name
 * ("US"); country.json has geonames' names. These are the spellings it lacks, each an ISO code.
 */
const SPELLINGS: Record<string, string> = {
  "korea (republic of)": "KR",
  "korea (democratic people's republic of)": "KP",
  "iran (islamic republic of)": "IR",
  "russian federation": "RU",
  "people's republic of china": "CN",
  "united states": "US",
  us: "US",
  palestine: "PS",
  "czech republic": "CZ",
  "the philippines": "PH",
};

/** Country names to governments: existing ones by ISO code (then id), else ones to create. */
export class Governments {
  private readonly countries = new Map<string, Country>();
  private readonly byIso = new Map<string, string>();
  private readonly byId = new Map<string, KnownGovernment>();
  /** Unions, alliances and organisations, by name and by id ("European Union", "NATO"). */
  private readonly groups = new Map<string, string>();
  readonly created = new Map<string, NewGovernment>();

  constructor(countries: Country[], known: KnownGovernment[]) {
    for (const country of countries) {
      this.countries.set(normalize(country.name), country);
      this.countries.set(normalize(country.value), country);
    }
    for (const government of known) {
      this.byId.set(government.id, government);
      if (government.isoAlpha2) this.byIso.set(government.isoAlpha2, government.id);
      if (government.kind !== "STATE") {
        this.groups.set(normalize(government.name), government.id);
        this.groups.set(normalize(government.id), government.id);
      }
    }
  }

  private country(name: string): Country | undefined {
    const key = normalize(name);
    const iso = SPELLINGS[key];
    if (iso) return [...this.countries.values()].find((c) => c.iso2 === iso);
    return this.countries.get(key);
  }

  /** The government of a country name (created when missing), or null when it names none. */
  state(name: string): string | null {
    const country = this.country(name);
    return country ? this.government(country) : null;
  }

  /** The government of an ISO 3166 alpha-2 code ("CN"), created when missing; null if unknown. */
  stateByIso(code: string): string | null {
    const country = [...this.countries.values()].find((c) => c.iso2 === code.toUpperCase());
    return country ? this.government(country) : null;
  }

  private government(country: Country): string | null {
    const existing = this.byIso.get(country.iso2);
    if (existing) return existing;
    // The curated convention: a state's id is its ISO alpha-2 code in lowercase ("us", "cn").
    const id = country.iso2.toLowerCase();
    const holder = this.byId.get(id);
    if (holder) return holder.isoAlpha2 === null ? holder.id : null;
    if (!this.created.has(id)) {
      this.created.set(id, {
        id,
        name: country.name,
        kind: "STATE",
        isoAlpha2: country.iso2,
        isoAlpha3: country.iso3,
        sources: [COUNTRY_SOURCE_KEY],
      });
    }
    return id;
  }

  /** A victim: a country, or an existing union or alliance by name or id ("NATO"). */
  target(name: string): string | null {
    return (
      this.state(name) ?? this.groups.get(normalize(name)) ?? this.groups.get(slugify(name)) ?? null
    );
  }
}

/** The source every created government cites: the galaxy's country cluster. */
export function countrySource(file: { name: string | null; source: string | null }): SourceEntry {
  return {
    url: "https://github.com/MISP/misp-galaxy/blob/main/clusters/country.json",
    title: file.name ? `MISP galaxy: ${file.name}` : null,
    publisher: file.source,
    publishedAt: null,
    language: null,
    excerpt: null,
  };
}
