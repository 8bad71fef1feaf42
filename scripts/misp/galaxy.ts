import { readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { projectPath } from "../../platform/paths";

/** The copy shipped with the project, with its licence and provenance (SOURCE.md). */
export const SHIPPED_GALAXY = projectPath("data", "vendor", "misp-galaxy");

export interface Cluster {
  value: string;
  uuid: string;
  description: string | null;
  synonyms: string[];
  refs: string[];
  sponsor: string | null;
  /** `meta.country`: the ISO 3166 alpha-2 code of where it is said to operate from. */
  country: string | null;
  confidence: string | null;
  victims: string[];
  categories: string[];
  /** `"<alias>:<producer uuid>"` entries of `name-attribution`, split. */
  attributions: { alias: string; producer: string }[];
  /** `origin:<alias>` keys: who coined the alias, by name. */
  origins: { alias: string; producer: string }[];
}

export interface Producer {
  uuid: string;
  name: string;
  synonyms: string[];
}

export interface Country {
  name: string;
  value: string;
  iso2: string;
  iso3: string;
}

/** What a galaxy file says about itself, for the source every record cites. */
export interface ClusterFile {
  name: string | null;
  source: string | null;
  type: string | null;
  version: number | null;
}

export interface Galaxy {
  path: string;
  threatActors: ClusterFile & { clusters: Cluster[] };
  producers: Producer[];
  countries: Country[];
  countryFile: ClusterFile;
}

/** A galaxy file that cannot be used: every problem, each naming its file and JSON path. */
export class GalaxyError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `${problems.length} problem(s) in the galaxy, nothing written:\n  ${problems.join("\n  ")}`,
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A galaxy directory (threat-actor.json, producer.json, country.json), or a threat-actor.json
 * whose producer.json and country.json sit next to it; checked whole before anything is used.
 */
export function readGalaxy(path: string = SHIPPED_GALAXY): Galaxy {
  let dir = path;
  let actorsFile = join(path, "threat-actor.json");
  try {
    if (statSync(path).isFile()) [dir, actorsFile] = [dirname(path), path];
  } catch {
    throw new GalaxyError([`${path}: no such file or directory`]);
  }
  const problems: string[] = [];
  const actors = readCluster(actorsFile, "threat-actor", problems, parseActor);
  const producers = readCluster(join(dir, "producer.json"), "producer", problems, parseProducer);
  const countries = readCluster(join(dir, "country.json"), "country", problems, parseCountry);
  if (problems.length || !actors || !producers || !countries) throw new GalaxyError(problems);
  return {
    path,
    threatActors: { ...actors.file, clusters: actors.values },
    producers: producers.values,
    countries: countries.values,
    countryFile: countries.file,
  };
}

type Check = (path: string, problem: string) => void;

function readCluster<T>(
  file: string,
  type: string,
  problems: string[],
  parse: (value: Record<string, unknown>, at: string, check: Check) => T | undefined,
): { file: ClusterFile; values: T[] } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const reason = error instanceof SyntaxError ? "invalid JSON: " : "";
    problems.push(`${file}: ${reason}${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const before = problems.length;
  const check: Check = (path, problem) => {
    if (problems.length - before < 20) problems.push(`${file}: ${path}: ${problem}`);
  };
  if (!isObject(json)) return void check("$", "must be an object with a `values` list");
  if (json.type !== undefined && json.type !== type) {
    check(
      "$.type",
      `must be "${type}" (this is ${basename(file)}), got ${JSON.stringify(json.type)}`,
    );
  }
  if (!Array.isArray(json.values)) return void check("$.values", "must be a list of clusters");
  const values: T[] = [];
  // A cluster is known by its uuid: two with one uuid would be one actor written twice.
  const seen = new Map<string, number>();
  for (const [i, value] of json.values.entries()) {
    if (!isObject(value)) check(`$.values[${i}]`, "must be an object");
    else {
      const parsed = parse(value, `$.values[${i}]`, check);
      if (parsed) values.push(parsed);
      if (typeof value.uuid !== "string") continue;
      const first = seen.get(value.uuid.toLowerCase());
      if (first !== undefined) {
        check(`$.values[${i}].uuid`, `"${value.uuid}" is also $.values[${first}]'s`);
      } else seen.set(value.uuid.toLowerCase(), i);
    }
  }
  if (problems.length > before) return undefined;
  return {
    file: {
      name: typeof json.name === "string" ? json.name : null,
      source: typeof json.source === "string" ? json.source : null,
      type: typeof json.type === "string" ? json.type : null,
      version: typeof json.version === "number" ? json.version : null,
    },
    values,
  };
}

function parseActor(v: Record<string, unknown>, at: string, check: Check): Cluster | undefined {
  const value = text(v.value, `${at}.value`, check, 300);
  const uuid = text(v.uuid, `${at}.uuid`, check, 36);
  if (uuid && !UUID.test(uuid)) check(`${at}.uuid`, `must be a UUID, got "${uuid}"`);
  const description =
    v.description === undefined || v.description === null || v.description === ""
      ? null
      : text(v.description, `${at}.description`, check, 10_000);
  const meta = v.meta === undefined ? {} : v.meta;
  if (!isObject(meta)) return void check(`${at}.meta`, "must be an object");
  const list = (key: string) => strings(meta[key], `${at}.meta["${key}"]`, check);
  const one = (key: string) =>
    meta[key] === undefined ? null : text(meta[key], `${at}.meta["${key}"]`, check, 2000);
  const attributions = list("name-attribution").flatMap((entry, n) => {
    const colon = entry.lastIndexOf(":");
    if (colon > 0)
      return [{ alias: entry.slice(0, colon).trim(), producer: entry.slice(colon + 1) }];
    check(
      `${at}.meta["name-attribution"][${n}]`,
      `must read "<alias>:<producer uuid>", got "${entry}"`,
    );
    return [];
  });
  const origins = Object.keys(meta)
    .filter((key) => key.startsWith("origin:") && key.length > "origin:".length)
    .flatMap((key) => {
      const producer = one(key);
      return producer ? [{ alias: key.slice("origin:".length).trim(), producer }] : [];
    });
  const confidence = meta["attribution-confidence"];
  if (value === null || uuid === null) return undefined;
  return {
    value: value.trim(),
    uuid: uuid.toLowerCase(),
    description: description?.trim() || null,
    synonyms: list("synonyms")
      .map((s) => s.trim())
      .filter(Boolean),
    refs: list("refs").map((s) => s.trim()),
    sponsor: one("cfr-suspected-state-sponsor"),
    // An empty country (one cluster has it) says nothing: no origin, no problem.
    country: meta.country === "" ? null : one("country")?.trim().toUpperCase() || null,
    confidence: typeof confidence === "number" ? String(confidence) : one("attribution-confidence"),
    victims: list("cfr-suspected-victims"),
    categories: list("cfr-target-category"),
    attributions,
    origins,
  };
}

function parseProducer(v: Record<string, unknown>, at: string, check: Check): Producer | undefined {
  const name = text(v.value, `${at}.value`, check, 200);
  const uuid = text(v.uuid, `${at}.uuid`, check, 36);
  const meta = isObject(v.meta) ? v.meta : {};
  const synonyms = strings(meta.synonyms, `${at}.meta.synonyms`, check);
  return name && uuid ? { uuid: uuid.toLowerCase(), name: name.trim(), synonyms } : undefined;
}

function parseCountry(v: Record<string, unknown>, at: string, check: Check): Country | undefined {
  const name = text(v.description, `${at}.description`, check, 200);
  const value = text(v.value, `${at}.value`, check, 200);
  if (!isObject(v.meta)) return void check(`${at}.meta`, "must be an object with ISO and ISO3");
  const iso2 = code(v.meta.ISO, `${at}.meta.ISO`, /^[A-Z]{2}$/, check);
  const iso3 = code(v.meta.ISO3, `${at}.meta.ISO3`, /^[A-Z]{3}$/, check);
  return name && value && iso2 && iso3 ? { name: name.trim(), value, iso2, iso3 } : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown, at: string, check: Check, maxLength: number): string | null {
  if (typeof value !== "string" || !value.trim()) {
    check(at, `must be a non-empty string, got ${JSON.stringify(value) ?? "nothing"}`);
    return null;
  }
  if (value.length > maxLength) {
    check(at, `must be at most ${maxLength} characters, has ${value.length}`);
    return null;
  }
  return value;
}

function strings(value: unknown, at: string, check: Check): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    check(at, "must be a list of strings");
    return [];
  }
  return value as string[];
}

function code(value: unknown, at: string, shape: RegExp, check: Check): string | null {
  if (typeof value === "string" && shape.test(value)) return value;
  check(at, `must match ${shape.source}, got ${JSON.stringify(value) ?? "nothing"}`);
  return null;
}
