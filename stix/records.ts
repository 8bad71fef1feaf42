/**
 * The bundle records the mapping reads (data/README.md), as the export's `bundleRecord` gives
 * them: optional fields may be absent, lists may be missing.
 */
export interface Cited {
  id: string;
  sources: string[];
}

export interface GovernmentRecord extends Cited {
  name: string;
  kind: string;
  isoAlpha2?: string;
  isoAlpha3?: string;
  memberOf?: string[];
}

export interface AgencyRecord extends Cited {
  name: string;
  acronym?: string;
  kind: string;
  government: string;
  parent?: string;
}

export interface OfficialRecord extends Cited {
  name: string;
  roles?: { title: string; agency?: string; government: string; from?: string; to?: string }[];
}

export interface ThreatActorRecord extends Cited {
  name: string;
  kind: string;
  aliases?: { name: string; namedBy?: string; ambiguous?: boolean; sources?: string[] }[];
  sponsorState?: string;
  sponsorConfidence?: number;
  suspectedOrigin?: { government: string; claimedBy?: string; sources?: string[] };
  affiliatedAgency?: string;
  description?: string;
  targetedCountries?: string[];
  targetCategories?: string[];
  externalIds?: { system: string; id: string; url?: string }[];
  managedBy?: string;
}

export interface IncidentRecord extends Cited {
  name: string;
  aliases?: string[];
  kind: string;
  summary?: string;
  firstObserved?: string;
  disclosed?: string;
  ended?: string;
  impact?: string;
  sectors?: string[];
  targetedCountries?: string[];
  cves?: string[];
  suspectedActors?: string[];
  timeline?: { date: string; description: string; sources: string[] }[];
}

export interface TranslationRecord {
  language: string;
  text: string;
  source?: string;
}

export interface QuoteRecord {
  text: string;
  language: string;
  speaker?: string;
  translations?: TranslationRecord[];
}

export interface AttributionRecord {
  id: string;
  incident: string;
  actor?: string;
  state?: string;
  agency?: string;
  kind: string;
  confidenceWording?: string;
  confidenceLevel?: string;
  confidenceScore?: number;
}

export interface StatementRecord extends Cited {
  kind: string;
  issuedAt: string;
  issuer: string;
  cosigners?: string[];
  agency?: string;
  speaker?: string;
  title?: string;
  language: string;
  text?: string;
  summary?: string;
  url?: string;
  quotes?: QuoteRecord[];
  attributions?: AttributionRecord[];
}

export interface PersonRecord extends Cited {
  names: {
    name: string;
    kind: string;
    language?: string;
    script?: string;
    usedBy?: string[];
    sources?: string[];
  }[];
  nationality?: string;
  birthDate?: string;
  birthPlace?: string;
  affiliations?: {
    actor?: string;
    agency?: string;
    employer?: string;
    role?: string;
    from?: string;
    to?: string;
    sources?: string[];
  }[];
}

export interface LegalActionRecord extends Cited {
  kind: string;
  title: string;
  summary?: string;
  jurisdiction: string;
  authority?: string;
  court?: string;
  caseNumber?: string;
  filed?: string;
  unsealed?: string;
  announced?: string;
  conductFrom?: string;
  conductTo?: string;
  status: string;
  charges?: { statute?: string; description: string; counts?: number; maximumPenalty?: string }[];
  defendants?: {
    name: string;
    kind?: string;
    person?: string;
    nationality?: string;
    affiliatedActor?: string;
    employer?: string;
    status: string;
  }[];
  sanctions?: { regime: string; measures: string[] };
  relatedIncidents?: string[];
  relatedActors?: string[];
}
