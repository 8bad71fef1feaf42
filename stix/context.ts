import { type Bundle, type SourceEntry, citedKeys } from "../platform/bundle";
import { createdModified } from "./dates";
import { DEFINED, PROJECT_IDENTITY, withPropertyExtension } from "./extension";
import { stixId } from "./ids";
import {
  type CollectionKey,
  type ExternalReference,
  type Placement,
  SPEC_VERSION,
  type StixObject,
  StixGraph,
  compact,
  recordReference,
  sourceReference,
  uri,
} from "./model";
import type {
  AgencyRecord,
  Cited,
  GovernmentRecord,
  IncidentRecord,
  LegalActionRecord,
  OfficialRecord,
  PersonRecord,
  StatementRecord,
  ThreatActorRecord,
} from "./records";
import type { Stamps } from "./read";

export interface MappingOptions {
  /**
   * System time of each record (global id → recordTime): `created`/`modified` of its objects.
   * Without it (a bundle file), the publication dates of the sources it cites (dates.ts).
   */
  stamps?: Stamps;
  /** Global ids of the records to map; the others are only looked up. All when absent. */
  own?: Set<string>;
}

/** What every object made from one record shares: its timestamps and where it is served. */
export interface Origin {
  globalId: string;
  created: string;
  modified: string;
  placements: Placement[];
}

const byId = <T extends Cited>(records: unknown): Map<string, T> =>
  new Map(((records ?? []) as T[]).map((record) => [record.id, record]));

/** One export's records, looked up by id, and the STIX objects made from them so far. */
export class Mapping {
  readonly graph = new StixGraph();
  readonly sources: Record<string, SourceEntry>;
  readonly governments: Map<string, GovernmentRecord>;
  readonly agencies: Map<string, AgencyRecord>;
  readonly officials: Map<string, OfficialRecord>;
  readonly threatActors: Map<string, ThreatActorRecord>;
  readonly incidents: Map<string, IncidentRecord>;
  readonly statements: Map<string, StatementRecord>;
  readonly legalActions: Map<string, LegalActionRecord>;
  readonly persons: Map<string, PersonRecord>;

  readonly stamps?: Stamps;
  private readonly own?: Set<string>;

  constructor(bundle: Bundle, options: MappingOptions = {}) {
    this.stamps = options.stamps;
    this.own = options.own;
    this.sources = bundle.sources ?? {};
    this.governments = byId(bundle.governments);
    this.agencies = byId(bundle.agencies);
    this.officials = byId(bundle.officials);
    this.threatActors = byId(bundle.threatActors);
    this.incidents = byId(bundle.incidents);
    this.statements = byId(bundle.statements);
    this.legalActions = byId(bundle.legalActions);
    this.persons = byId(bundle.persons);
  }

  /** The records of `records` (of GraphQL type `type`) to map. */
  mapped<T extends Cited>(type: string, records: Map<string, T>): T[] {
    const all = [...records.values()];
    return this.own ? all.filter((record) => this.own!.has(`${type}:${record.id}`)) : all;
  }

  /**
   * The origin of `record`'s objects, served in `collection`: `created`/`modified` are its
   * system time (createdAt, updatedAt); in a bundle without it, the publication dates of the
   * sources it cites (its own dates when none is dated; see dates.ts).
   */
  origin(
    collection: CollectionKey,
    globalId: string,
    record: Cited,
    ownDates: (string | undefined)[] = [],
    /** The record whose system time it takes: an attribution takes its statement's. */
    stampedBy = globalId,
  ): Origin {
    const placements = [{ collection, record: globalId }];
    const stamp = this.stamps?.get(stampedBy);
    if (stamp) return { globalId, created: stamp.createdAt, modified: stamp.updatedAt, placements };
    const published = citedKeys(record).map((key) => this.sources[key]?.publishedAt);
    return { globalId, ...createdModified(published, ownDates), placements };
  }

  /**
   * The origin of an object made for several records (a sector, a CVE, a state acting as a
   * threat actor), as `by` makes it: each record that names it serves a version of it, with
   * its own `modified`; `created`, which all versions share, is the day the mapping was defined.
   * Named `globalId`, served with `by` and with the record it stands for, if any.
   */
  shared(globalId: string, by: Origin, of?: Origin): Origin {
    const placements = [...(of?.placements ?? []), ...by.placements];
    if (!this.stamps) return { ...(of ?? by), globalId, placements };
    return { globalId, created: DEFINED, modified: by.modified, placements };
  }

  /** The record itself, then every source it cites (its own, its timeline's, translations'). */
  references(globalId: string, record: Cited): ExternalReference[] {
    return [
      recordReference(globalId),
      ...citedKeys(record).map((key) => this.sourceReference(key)!),
    ];
  }

  sourceReference(key: string | undefined): ExternalReference | undefined {
    if (!key) return undefined;
    const reference = sourceReference(key, this.sources[key]);
    if (this.sources[key]?.url && !reference.url) this.graph.omittedUrls += 1;
    return reference;
  }

  /** `url` as a URI (model.ts, `uri`), or undefined, counted, when it cannot be one. */
  url(url: string | undefined): string | undefined {
    if (!url) return undefined;
    const escaped = uri(url);
    if (!escaped) this.graph.omittedUrls += 1;
    return escaped;
  }

  /**
   * Adds a STIX object named `name` (its id is UUIDv5 of it) with the common properties, made
   * by the project unless `properties` say who; null and empty properties are dropped.
   */
  add(type: string, name: string, origin: Origin, properties: Record<string, unknown>): string {
    const object = withPropertyExtension(
      compact({
        type,
        spec_version: SPEC_VERSION,
        id: stixId(type, name),
        created_by_ref: PROJECT_IDENTITY.id,
        created: origin.created,
        modified: origin.modified,
        ...properties,
      }) as StixObject,
    );
    return this.graph.add(object, origin.placements);
  }

  /** A relationship, named `<its origin's global id>/<what>`. */
  relate(
    what: string,
    relationshipType: string,
    source: string,
    target: string,
    origin: Origin,
    properties: Record<string, unknown> = {},
  ): string {
    return this.add("relationship", `${origin.globalId}/${what}`, origin, {
      relationship_type: relationshipType,
      source_ref: source,
      target_ref: target,
      ...properties,
    });
  }

  /** The STIX id of a record's main object, or undefined when the export does not hold it. */
  identity(
    kind: "Government" | "Agency" | "Official" | "Person",
    id: string | undefined,
  ): string | undefined {
    const records = {
      Government: this.governments,
      Agency: this.agencies,
      Official: this.officials,
      Person: this.persons,
    };
    return id && records[kind].has(id) ? stixId("identity", `${kind}:${id}`) : undefined;
  }

  intrusionSet(id: string | undefined): string | undefined {
    return id && this.threatActors.has(id)
      ? stixId("intrusion-set", `ThreatActor:${id}`)
      : undefined;
  }

  campaign(id: string | undefined): string | undefined {
    return id && this.incidents.has(id) ? stixId("campaign", `Incident:${id}`) : undefined;
  }
}
