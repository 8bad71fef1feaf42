import { codeName } from "../random";
import type { Row, Tables, World } from "./tables";
import { INCIDENT_KINDS, SECTORS, SOURCES } from "./vocabulary";

/** What statements and legal actions refer to: per actor its sponsor, per incident its facts. */
export interface Incidents {
  actorSponsor: number[];
  incidentActors: string[][];
  incidentNames: string[];
  incidentSectors: string[];
}

/** Threat actors, incidents (with their actors and timelines), and what later tables need. */
export function incidentTables(world: World): { tables: Tables; incidents: Incidents } {
  const { actorSponsor, actors } = threatActors(world);
  const cast: Incidents = {
    actorSponsor,
    incidentActors: [],
    incidentNames: [],
    incidentSectors: [],
  };
  const incidents = incidentRows(world, actors, cast);
  const { random } = world;
  const tables: Tables = [
    { table: "incidents.threat_actor", rows: actors },
    { table: "incidents.incident", rows: incidents },
    {
      table: "incidents.incident_actor",
      rows: cast.incidentActors.flatMap((actorIds, i) =>
        actorIds.map((actorId, position) => ({
          incident_id: `incident-${i}`,
          actor_id: actorId,
          position,
        })),
      ),
    },
    {
      table: "incidents.timeline_event",
      rows: incidents.flatMap((incident) =>
        Array.from({ length: random.int(0, 2) }, (_, position) => ({
          incident_id: incident.id,
          position,
          date_on: incident.first_observed_on,
          date_precision: "DAY",
          description: "Public advisory published.",
          sources: SOURCES,
        })),
      ),
    },
  ];
  return { tables, incidents: cast };
}

function threatActors({ random, sizes, govIds }: World) {
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
  return { actorSponsor, actors };
}

/** The incident rows; fills `cast` with each incident's name, sector and actors. */
function incidentRows({ random, sizes, govIds }: World, actors: Row[], cast: Incidents): Row[] {
  return Array.from({ length: sizes.incidents }, (_, i) => {
    const name = `Operation ${codeName(i)}`;
    const sector = random.pick(SECTORS);
    const observed = random.date(2005, 2024);
    cast.incidentNames.push(name);
    cast.incidentSectors.push(sector);
    cast.incidentActors.push(
      random.sample(actors, random.int(1, 3)).map((actor) => actor.id as string),
    );
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
}
