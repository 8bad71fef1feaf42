import { type DataSource, In } from "typeorm";
import { groupedLoader, keyedLoader } from "../common/loaders";
import { Charge } from "./entities/charge";
import { Defendant } from "./entities/defendant";
import { LegalAction } from "./entities/legal-action";

const UNDATED_LAST = "NULLIF(l.dated_on, DATE '0001-01-01')";

export type Loaders = ReturnType<typeof createLoaders>;

/** One set per request: every list-valued field and reference costs one query per batch. */
export function createLoaders(db: DataSource) {
  // Oldest first, by the date lists are ordered by (see the migration); undated last.
  const actionsWhere = (condition: string, parameters: Record<string, unknown>) =>
    db
      .getRepository(LegalAction)
      .createQueryBuilder("l")
      .where(condition, parameters)
      .orderBy(UNDATED_LAST, "ASC", "NULLS LAST")
      .addOrderBy("l.id")
      .getMany();

  return {
    legalActionById: keyedLoader(
      (ids) => db.getRepository(LegalAction).findBy({ id: In([...ids]) }),
      (action) => action.id,
    ),

    chargesByLegalAction: groupedLoader(
      (ids) =>
        db.getRepository(Charge).find({
          where: { legalActionId: In([...ids]) },
          order: { position: "ASC" },
        }),
      (charge) => charge.legalActionId,
    ),
    defendantsByLegalAction: groupedLoader(
      (ids) =>
        db.getRepository(Defendant).find({
          where: { legalActionId: In([...ids]) },
          order: { position: "ASC" },
        }),
      (defendant) => defendant.legalActionId,
    ),
    defendantsByNationality: groupedLoader(
      (ids) =>
        db
          .getRepository(Defendant)
          .createQueryBuilder("d")
          .innerJoin(LegalAction, "l", "l.id = d.legal_action_id")
          .where("d.nationality_id = ANY(:ids)", { ids })
          .orderBy(UNDATED_LAST, "ASC", "NULLS LAST")
          .addOrderBy("l.id")
          .addOrderBy("d.position")
          .getMany(),
      (defendant) => defendant.nationalityId,
    ),

    legalActionsByJurisdiction: groupedLoader(
      (ids) => actionsWhere("l.jurisdiction_id = ANY(:ids)", { ids }),
      (action) => action.jurisdictionId,
    ),
    legalActionsByIncident: groupedLoader(
      (ids) => actionsWhere("l.related_incident_ids && :ids", { ids }),
      (action) => action.relatedIncidentIds,
    ),
    // Related to the actor, or charging one of its members: two queries per batch.
    legalActionsByActor: groupedLoader(
      async (ids) => {
        const members: { legal_action_id: string; actor_id: string }[] = await db.query(
          `SELECT DISTINCT legal_action_id, affiliated_actor_id AS actor_id FROM legal.defendant
           WHERE affiliated_actor_id = ANY($1)`,
          [ids],
        );
        const memberActors = new Map<string, string[]>();
        for (const m of members) {
          memberActors.set(m.legal_action_id, [
            ...(memberActors.get(m.legal_action_id) ?? []),
            m.actor_id,
          ]);
        }
        const rows = await actionsWhere("l.related_actor_ids && :ids OR l.id = ANY(:memberOf)", {
          ids,
          memberOf: [...memberActors.keys()],
        });
        return rows.map((action) => ({
          action,
          actorIds: [
            ...new Set([...action.relatedActorIds, ...(memberActors.get(action.id) ?? [])]),
          ],
        }));
      },
      (row) => row.actorIds,
    ),
  };
}
