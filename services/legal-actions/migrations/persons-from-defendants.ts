import type { QueryRunner } from "typeorm";

interface DefendantRow {
  key: number;
  name: string;
  slug: string;
  nationality_id: string | null;
  affiliated_actor_id: string | null;
  employer: string | null;
  sources: unknown[];
}

/** Rows written per statement: a migration of a large table stays within the parameter limit. */
const BATCH = 1000;

/**
 * A person for each defendant that is not an organisation, linked to it: the defendant's name
 * as the PRIMARY spelling, its nationality, its actor and employer as an affiliation, citing the
 * action's sources. Slugs come from the name ("ding-xiaoyang"), numbered from the second
 * ("ding-xiaoyang-2") in the order of the actions' dates: rows are never merged by name.
 */
export async function linkDefendantsToPersons(db: QueryRunner): Promise<void> {
  const rows: DefendantRow[] = await db.query(`
    SELECT d.key, d.name, d.nationality_id, d.affiliated_actor_id, d.employer, l.sources,
      trim(both '-' from left(trim(both '-' from
        regexp_replace(lower(legal.f_unaccent(d.name)), '[^a-z0-9]+', '-', 'g')), 90)) AS slug
    FROM legal.defendant d JOIN legal.legal_action l ON l.id = d.legal_action_id
    WHERE d.kind IS DISTINCT FROM 'ORGANIZATION'
    ORDER BY l.dated_on, l.id, d.position`);
  const taken = new Set<string>();
  const ids = rows.map((row) => {
    const base = row.slug || "person";
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await writeBatch(db, batch, ids.slice(start, start + BATCH));
  }
}

async function writeBatch(db: QueryRunner, rows: DefendantRow[], ids: string[]) {
  const column = <T>(pick: (row: DefendantRow) => T) => rows.map(pick);
  const sources = column((row) => JSON.stringify(row.sources));
  const names = column((row) => row.name);
  await db.query(
    `INSERT INTO legal.person (id, name, nationality_id, sources)
     SELECT id, name, nationality_id, sources::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(id, name, nationality_id, sources)`,
    [ids, names, column((row) => row.nationality_id), sources],
  );
  await db.query(
    `INSERT INTO legal.person_name (person_id, position, name, kind, sources)
     SELECT person_id, 0, name, 'PRIMARY', sources::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[]) AS v(person_id, name, sources)`,
    [ids, names, sources],
  );
  await db.query(
    `INSERT INTO legal.person_affiliation (person_id, position, actor_id, employer, sources)
     SELECT person_id, 0, actor_id, nullif(employer, ''), sources::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       AS v(person_id, actor_id, employer, sources)
     WHERE actor_id IS NOT NULL OR nullif(employer, '') IS NOT NULL`,
    [ids, column((row) => row.affiliated_actor_id), column((row) => row.employer), sources],
  );
  await db.query(
    `UPDATE legal.defendant d SET person_id = v.person_id
     FROM unnest($1::int[], $2::text[]) AS v(key, person_id) WHERE d.key = v.key`,
    [column((row) => row.key), ids],
  );
}
