import { govName, officialOf } from "./governments";
import type { Incidents } from "./incidents";
import type { Row, Tables, World } from "./tables";
import { ATTRIBUTION_KINDS, CONFIDENCE, SECTORS_FR, SOURCES, STATEMENT_KINDS } from "./vocabulary";

/** One statement's draw: who speaks, in which language, about which incidents. */
interface Draw {
  s: number;
  id: string;
  issuer: number;
  french: boolean;
  incidentIndexes: number[];
}

/** `sizes.statements` statements, each with one or two quotes and one to five attributions. */
export function statementTables(world: World, incidents: Incidents): Tables {
  const { random, sizes } = world;
  const statementRows: Row[] = [];
  const quotes: Row[] = [];
  const attributions: Row[] = [];
  for (let s = 0; s < sizes.statements; s += 1) {
    const issuer = random.skewed(sizes.governments);
    const french = random.chance(0.3);
    const incidentIndexes = random.sample(
      Array.from({ length: 2 }, () => random.int(0, sizes.incidents - 1)),
      random.int(1, 2),
    );
    const draw: Draw = { s, id: `statement-${s}`, issuer, french, incidentIndexes };
    statementRows.push(statementRow(world, incidents, draw));
    quotes.push(...quoteRows(world, draw));
    attributions.push(...attributionRows(world, incidents, draw));
  }
  return [
    { table: "governments.statement", rows: statementRows },
    { table: "governments.quote", rows: quotes },
    { table: "governments.attribution", rows: attributions },
  ];
}

function statementRow({ random, govIds }: World, incidents: Incidents, draw: Draw): Row {
  const { id, issuer, french, incidentIndexes } = draw;
  const issuerName = govName(issuer);
  const names = incidentIndexes.map((i) => incidents.incidentNames[i]).join(" et ");
  const sector = incidents.incidentSectors[incidentIndexes[0]];
  const confidence = random.pick(CONFIDENCE);
  return {
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
  };
}

function quoteRows({ random }: World, { id, french }: Draw): Row[] {
  const quotes: Row[] = [];
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
  return quotes;
}

function attributionRows(world: World, incidents: Incidents, draw: Draw): Row[] {
  const { random, sizes, govIds } = world;
  const { s, id, incidentIndexes } = draw;
  const attributions: Row[] = [];
  const count = random.int(1, 5);
  for (let position = 0; position < count; position += 1) {
    const incident = incidentIndexes[position % incidentIndexes.length];
    const actorId = random.chance(0.75) ? random.pick(incidents.incidentActors[incident]) : null;
    const sponsor = actorId
      ? incidents.actorSponsor[Number(actorId.slice(6))]
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
  return attributions;
}
