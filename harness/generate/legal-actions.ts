import { codeName } from "../random";
import { govName } from "./governments";
import type { Incidents } from "./incidents";
import type { Row, Tables, World } from "./tables";
import {
  DEFENDANT_STATUSES,
  FIRST_NAMES,
  LAST_NAMES,
  LEGAL_KINDS,
  LEGAL_STATUSES,
  SOURCES,
} from "./vocabulary";

/** One legal action's draw: its kind, court and the incidents (and their actors) it is about. */
interface Draw {
  l: number;
  id: string;
  kind: string;
  jurisdiction: number;
  related: number[];
  relatedActors: string[];
  announced: string;
}

/** `sizes.legalActions` legal actions, each with up to ten defendants and one to three charges. */
export function legalActionTables(world: World, incidents: Incidents): Tables {
  const { random, sizes } = world;
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
    const relatedActors = [
      ...new Set(related.flatMap((i) => incidents.incidentActors[i].slice(0, 1))),
    ];
    const announced = random.date(2010, 2024);
    const draw: Draw = { l, id, kind, jurisdiction, related, relatedActors, announced };
    defendants.push(...defendantRows(world, incidents, draw));
    charges.push(...chargeRows(world, draw));
    legalActions.push(legalActionRow(world, incidents, draw));
  }
  return [
    { table: "legal.legal_action", rows: legalActions },
    { table: "legal.charge", rows: charges },
    { table: "legal.defendant", rows: defendants },
  ];
}

function defendantRows({ random, sizes, govIds }: World, incidents: Incidents, draw: Draw): Row[] {
  const { l, id, relatedActors } = draw;
  const defendants: Row[] = [];
  const count = random.int(0, 10);
  for (let position = 0; position < count; position += 1) {
    const actorId = random.chance(0.6) ? random.pick(relatedActors) : null;
    defendants.push({
      legal_action_id: id,
      position,
      name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)} ${codeName(600_000 + l * 11 + position)}`,
      kind: "PERSON",
      nationality_id: actorId
        ? govIds[incidents.actorSponsor[Number(actorId.slice(6))]]
        : govIds[random.skewed(sizes.governments)],
      affiliated_actor_id: actorId,
      employer: random.chance(0.3) ? "Hainan Xiandun Technology Development Co." : null,
      status: random.pick(DEFENDANT_STATUSES),
    });
  }
  return defendants;
}

function chargeRows({ random }: World, { id }: Draw): Row[] {
  const charges: Row[] = [];
  // The bound is drawn again at every step (as the dataset always has been: same seed, same rows).
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
  return charges;
}

function legalActionRow({ random, govIds }: World, incidents: Incidents, draw: Draw): Row {
  const { l, id, kind, jurisdiction, related, relatedActors, announced } = draw;
  const sanction = kind === "SANCTION";
  return {
    id,
    kind,
    title: sanction
      ? `Sanctions over ${incidents.incidentNames[related[0]]}`
      : `${govName(jurisdiction)} v. ${codeName(700_000 + l)} et al.`,
    summary: `Charges over ${related.map((i) => incidents.incidentNames[i]).join(" and ")}.`,
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
  };
}
