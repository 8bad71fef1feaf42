import { Random, codeName } from "./random";

export type Row = Record<string, unknown>;

/** Rows per table, in an order that satisfies the foreign keys. */
export interface Dataset {
  sizes: Record<string, number>;
  tables: { table: string; rows: Row[] }[];
}

const SOURCES = [
  {
    id: "synthetic",
    url: null,
    title: "Synthetic benchmark data",
    publisher: "attribution-graph bench",
    publishedAt: null,
    language: "en",
    excerpt: null,
  },
];

const INCIDENT_KINDS = [
  "ESPIONAGE",
  "RANSOMWARE",
  "SABOTAGE",
  "DATA_THEFT",
  "DDOS",
  "HACK_AND_LEAK",
];
const STATEMENT_KINDS = [
  "PRESS_STATEMENT",
  "JOINT_STATEMENT",
  "DECLARATION",
  "PRESS_RELEASE",
  "ADVISORY",
];
const ATTRIBUTION_KINDS = ["FORMAL", "FORMAL", "JOINT", "TECHNICAL", "MEDIA_REPORTED"];
const CONFIDENCE = [
  { wording: "almost certainly", level: "VERY_HIGH", score: 95 },
  { wording: "with high confidence", level: "HIGH", score: 85 },
  { wording: "likely", level: "MODERATE", score: 50 },
  { wording: "may be linked", level: "LOW", score: 15 },
];
const SECTORS = ["government", "defense", "energy", "finance", "health", "telecom", "media"];
const SECTORS_FR: Record<string, string> = {
  government: "public",
  defense: "de la défense",
  energy: "de l'énergie",
  finance: "financier",
  health: "de la santé",
  telecom: "des télécommunications",
  media: "des médias",
};
const FIRST_NAMES = [
  "Li",
  "Wang",
  "Zhang",
  "Ivan",
  "Dmitri",
  "Ali",
  "Reza",
  "Kim",
  "Park",
  "Sergei",
  "Chen",
];
const LAST_NAMES = [
  "Xiaoyang",
  "Yunmin",
  "Petrov",
  "Sokolov",
  "Hosseini",
  "Jong",
  "Volkov",
  "Wei",
  "Rahimi",
];
const DEFENDANT_STATUSES = ["AT_LARGE", "AT_LARGE", "ARRESTED", "CONVICTED", "SANCTIONED"];
const LEGAL_KINDS = ["INDICTMENT", "INDICTMENT", "CRIMINAL_COMPLAINT", "SANCTION", "ARREST"];
const LEGAL_STATUSES = ["PENDING", "ACTIVE", "RESOLVED", "IN_FORCE"];

/** Entity counts for `statements` statements: the ratios of issue 5. */
export function datasetSizes(statements: number) {
  return {
    statements,
    governments: Math.min(400, Math.max(40, Math.round(statements / 250))),
    incidents: Math.max(50, Math.round(statements / 4)),
    actors: Math.max(40, Math.round(statements / 5)),
    legalActions: Math.max(40, Math.round(statements / 5)),
  };
}

/** A deterministic dataset: the same `statements` and `seed` give the same rows. */
export function generateDataset(statements: number, seed = 42): Dataset {
  const random = new Random(seed);
  const sizes = datasetSizes(statements);
  const tables: Dataset["tables"] = [];
  const add = (table: string, rows: Row[]) => tables.push({ table, rows });

  const govIds = Array.from({ length: sizes.governments }, (_, g) => `state-${g}`);
  const govName = (g: number) => `Republic of ${codeName(100_000 + g)}`;
  const letters = (n: number, width: number) =>
    Array.from({ length: width }, (_, i) =>
      String.fromCharCode(65 + (Math.floor(n / 26 ** i) % 26)),
    ).join("");
  add(
    "governments.government",
    govIds.map((id, g) => ({
      id,
      name: govName(g),
      kind: g < 3 ? "ALLIANCE" : "STATE",
      iso_alpha2: g < 3 ? null : letters(g, 2),
      iso_alpha3: g < 3 ? null : letters(g, 3),
      member_of_ids: g < 3 ? [] : random.sample(govIds.slice(0, 3), random.int(0, 2)),
      sources: SOURCES,
    })),
  );
  const agencySuffixes = [
    ["mfa", "Ministry of Foreign Affairs", "MINISTRY"],
    ["doj", "Department of Justice", "LAW_ENFORCEMENT"],
    ["intel", "State Security Service", "INTELLIGENCE"],
  ];
  add(
    "governments.agency",
    govIds.flatMap((id, g) =>
      agencySuffixes.map(([suffix, name, kind]) => ({
        id: `${id}-${suffix}`,
        name: `${name} of ${govName(g)}`,
        acronym: suffix.toUpperCase(),
        kind,
        government_id: id,
        parent_id: null,
        sources: SOURCES,
      })),
    ),
  );
  const officialOf = (g: number, k: number) => `official-${g}-${k}`;
  add(
    "governments.official",
    govIds.flatMap((_, g) =>
      [0, 1].map((k) => ({
        id: officialOf(g, k),
        name: `${random.pick(FIRST_NAMES)} ${codeName(200_000 + g * 2 + k)}`,
        sources: SOURCES,
      })),
    ),
  );
  add(
    "governments.official_role",
    govIds.flatMap((id, g) =>
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
  );

  // incidents subgraph
  const actorSponsor: number[] = [];
  const actors: Row[] = Array.from({ length: sizes.actors }, (_, a) => {
    const sponsor = random.skewed(sizes.governments);
    actorSponsor.push(sponsor);
    return {
      id: `actor-${a}`,
      name: `APT ${codeName(300_000 + a)}`,
      kind: random.chance(0.8) ? "STATE_SPONSORED" : "CRIMINAL",
      aliases: Array.from({ length: random.int(0, 3) }, (_, k) => ({
        name: `${codeName(400_000 + a * 3 + k)} ${random.pick(["Panda", "Bear", "Kitten", "Chollima"])}`,
        namedBy: random.pick(["Microsoft", "Mandiant", "CrowdStrike", "Proofpoint"]),
      })),
      sponsor_state_id: govIds[sponsor],
      affiliated_agency_id: random.chance(0.5) ? `${govIds[sponsor]}-intel` : null,
      description: `A threat actor tracked since ${random.int(2005, 2022)}.`,
      sources: SOURCES,
    };
  });
  add("incidents.threat_actor", actors);
  const incidentActors: string[][] = [];
  const incidentNames: string[] = [];
  const incidentSectors: string[] = [];
  const incidents: Row[] = Array.from({ length: sizes.incidents }, (_, i) => {
    const name = `Operation ${codeName(i)}`;
    const sector = random.pick(SECTORS);
    const observed = random.date(2005, 2024);
    incidentNames.push(name);
    incidentSectors.push(sector);
    incidentActors.push(random.sample(actors, random.int(1, 3)).map((actor) => actor.id as string));
    return {
      id: `incident-${i}`,
      name,
      aliases: random.chance(0.4) ? [codeName(500_000 + i)] : [],
      kind: random.pick(INCIDENT_KINDS),
      summary: `Malicious cyber activity against the ${sector} sector, exploiting public-facing servers.`,
      first_observed_on: observed,
      first_observed_precision: random.pick(["DAY", "MONTH", "YEAR"]),
      disclosed_on: null,
      disclosed_precision: null,
      ended_on: null,
      ended_precision: null,
      impact: random.chance(0.3) ? "tens of thousands of accounts" : null,
      sectors: [sector],
      cves: random.chance(0.3) ? [`CVE-${observed.slice(0, 4)}-${random.int(1000, 99999)}`] : [],
      targeted_country_ids: random.sample(govIds, random.int(1, 2)),
      sources: SOURCES,
    };
  });
  add("incidents.incident", incidents);
  add(
    "incidents.incident_actor",
    incidentActors.flatMap((actorIds, i) =>
      actorIds.map((actorId, position) => ({
        incident_id: `incident-${i}`,
        actor_id: actorId,
        position,
      })),
    ),
  );
  add(
    "incidents.timeline_event",
    incidents.flatMap((incident) =>
      Array.from({ length: random.int(0, 2) }, (_, position) => ({
        incident_id: incident.id,
        position,
        date_on: incident.first_observed_on,
        date_precision: "DAY",
        description: "Public advisory published.",
        sources: SOURCES,
      })),
    ),
  );

  // statements, quotes, attributions
  const statementRows: Row[] = [];
  const quotes: Row[] = [];
  const attributions: Row[] = [];
  for (let s = 0; s < statements; s += 1) {
    const issuer = random.skewed(sizes.governments);
    const issuerName = govName(issuer);
    const french = random.chance(0.3);
    const incidentIndexes = random.sample(
      Array.from({ length: 2 }, () => random.int(0, sizes.incidents - 1)),
      random.int(1, 2),
    );
    const names = incidentIndexes.map((i) => incidentNames[i]).join(" et ");
    const sector = incidentSectors[incidentIndexes[0]];
    const confidence = random.pick(CONFIDENCE);
    const id = `statement-${s}`;
    statementRows.push({
      id,
      kind: random.pick(STATEMENT_KINDS),
      issued_on: random.date(2010, 2024),
      issued_precision: random.chance(0.9) ? "DAY" : "MONTH",
      issuer_id: govIds[issuer],
      // A government does not cosign its own statement (else it is listed twice in attributedBy).
      cosigner_ids: random.chance(0.3)
        ? random.sample(govIds, random.int(1, 2)).filter((g) => g !== govIds[issuer])
        : [],
      agency_id: `${govIds[issuer]}-mfa`,
      speaker_id: random.chance(0.6) ? officialOf(issuer, 0) : null,
      title: french
        ? `Déclaration sur le piratage ${names} visant le secteur ${SECTORS_FR[sector]}`
        : `Statement on ${names} targeting the ${sector} sector`,
      language: french ? "fr" : "en",
      text: french
        ? `Le gouvernement de la ${issuerName} attribue ${confidence.wording === "likely" ? "probablement" : "avec certitude"} le piratage ${names}. Ces activités malveillantes menacent l'écosystème numérique et la sécurité des systèmes d'information.`
        : `The Government of the ${issuerName} assesses ${confidence.wording} that ${names} was carried out by state-sponsored actors. This malicious cyber activity threatens the security of networks and critical infrastructure.`,
      summary: null,
      url: null,
      sources: SOURCES,
    });
    const quoteCount = random.int(1, 2);
    for (let position = 0; position < quoteCount; position += 1) {
      quotes.push({
        statement_id: id,
        position,
        text: french
          ? `Nous ne tolérerons pas ces cyberattaques contre nos institutions (${position + 1}).`
          : `We will not tolerate malicious cyber activity against our institutions (${position + 1}).`,
        language: french ? "fr" : "en",
        speaker_id: null,
        translations: random.chance(0.4)
          ? [
              french
                ? { language: "en", text: "We will not tolerate these cyberattacks.", source: null }
                : { language: "fr", text: "Nous ne tolérerons pas ces piratages.", source: null },
            ]
          : [],
      });
    }
    const count = random.int(1, 5);
    for (let position = 0; position < count; position += 1) {
      const incident = incidentIndexes[position % incidentIndexes.length];
      const actorId = random.chance(0.75) ? random.pick(incidentActors[incident]) : null;
      const sponsor = actorId
        ? actorSponsor[Number(actorId.slice(6))]
        : random.skewed(sizes.governments);
      const level = random.pick(CONFIDENCE);
      attributions.push({
        id: `att-${s}-${position}`,
        statement_id: id,
        position,
        incident_id: `incident-${incident}`,
        actor_id: actorId,
        state_id: !actorId || random.chance(0.5) ? govIds[sponsor] : null,
        agency_id: random.chance(0.2) ? `${govIds[sponsor]}-intel` : null,
        kind: random.pick(ATTRIBUTION_KINDS),
        confidence_wording: level.wording,
        confidence_level: level.level,
        confidence_score: level.score,
      });
    }
  }
  add("governments.statement", statementRows);
  add("governments.quote", quotes);
  add("governments.attribution", attributions);

  // legal actions
  const legalActions: Row[] = [];
  const charges: Row[] = [];
  const defendants: Row[] = [];
  for (let l = 0; l < sizes.legalActions; l += 1) {
    const id = `legal-${l}`;
    const kind = random.pick(LEGAL_KINDS);
    const jurisdiction = random.skewed(sizes.governments);
    const related = random.sample(
      [random.int(0, sizes.incidents - 1), random.int(0, sizes.incidents - 1)],
      random.int(1, 2),
    );
    const relatedActors = [...new Set(related.flatMap((i) => incidentActors[i].slice(0, 1)))];
    const announced = random.date(2010, 2024);
    const count = random.int(0, 10);
    for (let position = 0; position < count; position += 1) {
      const actorId = random.chance(0.6) ? random.pick(relatedActors) : null;
      defendants.push({
        legal_action_id: id,
        position,
        name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)} ${codeName(600_000 + l * 11 + position)}`,
        kind: "PERSON",
        nationality_id: actorId
          ? govIds[actorSponsor[Number(actorId.slice(6))]]
          : govIds[random.skewed(sizes.governments)],
        affiliated_actor_id: actorId,
        employer: random.chance(0.3) ? "Hainan Xiandun Technology Development Co." : null,
        status: random.pick(DEFENDANT_STATUSES),
      });
    }
    for (let position = 0; position < random.int(1, 3); position += 1) {
      charges.push({
        legal_action_id: id,
        position,
        statute: random.pick(["18 U.S.C. § 1030", "18 U.S.C. § 1349", "18 U.S.C. § 371"]),
        description: random.pick([
          "Conspiracy to commit computer fraud",
          "Wire fraud",
          "Economic espionage",
        ]),
        counts: random.int(1, 5),
        maximum_penalty: random.chance(0.5) ? "20 years in prison" : null,
      });
    }
    const sanction = kind === "SANCTION";
    legalActions.push({
      id,
      kind,
      title: sanction
        ? `Sanctions over ${incidentNames[related[0]]}`
        : `${govName(jurisdiction)} v. ${codeName(700_000 + l)} et al.`,
      summary: `Charges over ${related.map((i) => incidentNames[i]).join(" and ")}.`,
      jurisdiction_id: govIds[jurisdiction],
      authority_id: `${govIds[jurisdiction]}-doj`,
      court: sanction ? null : "District Court",
      case_number: sanction ? null : `${announced.slice(0, 4)}-cr-${l}`,
      filed_on: null,
      filed_precision: null,
      unsealed_on: null,
      unsealed_precision: null,
      announced_on: announced,
      announced_precision: "DAY",
      conduct_from_on: null,
      conduct_from_precision: null,
      conduct_to_on: null,
      conduct_to_precision: null,
      status: sanction ? "IN_FORCE" : random.pick(LEGAL_STATUSES),
      sanctions_regime: sanction ? "Cyber sanctions regime" : null,
      sanctions_measures: sanction ? ["asset freeze", "travel ban"] : [],
      related_incident_ids: related.map((i) => `incident-${i}`),
      related_actor_ids: relatedActors,
      sources: SOURCES,
    });
  }
  add("legal.legal_action", legalActions);
  add("legal.charge", charges);
  add("legal.defendant", defendants);

  return {
    sizes: Object.fromEntries(tables.map(({ table, rows }) => [table, rows.length])),
    tables,
  };
}
