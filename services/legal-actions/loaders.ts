import { type DataSource, In } from "typeorm";
import { historyPages } from "../kit/audit";
import type { ResponseBudget } from "../kit/budget";
import type { ConnectionArgs } from "../kit/connection";
import { byIdLoader, groupedLoader, keyedLoader, perArguments } from "../kit/loaders";
import {
  type Ordering,
  arrayConnection,
  arrayWindow,
  nestedConnection,
  paginate,
  pageWindow,
} from "../kit/pagination";
import { snapshotLoader } from "../kit/records";
import { ref } from "../kit/references";
import { analyticsLoaders } from "./analytics.loaders";
import { Charge } from "./charge";
import { Defendant, DefendantConnection } from "./defendant";
import { LegalAction, LegalActionConnection } from "./legal-action";
import {
  type LegalActionListArgs,
  applyLegalActionFilter,
  legalActionOrdering,
} from "./legal-action.inputs";
import { legalActionWrites } from "./legal-action.writes";
import {
  IncidentConnection,
  IncidentRef,
  ThreatActorConnection,
  ThreatActorRef,
} from "./references";

/**
 * Nationals charged: by the date of the action, oldest first with undated actions last, then
 * by action and position. `dated_on` is never NULL (undated is DATE '0001-01-01'), so neither is
 * this key, and keyset cursors always compare.
 */
const BY_ACTION_DATE: Ordering = {
  name: "ACTION_DATE",
  keys: [
    {
      sql: "CASE WHEN l.dated_on = DATE '0001-01-01' THEN DATE 'infinity' ELSE l.dated_on END",
      direction: "ASC",
    },
    { sql: "l.id", direction: "ASC" },
    { sql: "d.position", direction: "ASC" },
  ],
};

export type Loaders = ReturnType<typeof createLoaders>;

/** One set per request: every list and reference costs one batch of statements, not one per row. */
export function createLoaders(db: DataSource, budget: ResponseBudget) {
  const legalActionById = byIdLoader(db, LegalAction);
  const defendantByKey = keyedLoader(
    (keys) => db.getRepository(Defendant).findBy({ key: In(keys.map(Number)) }),
    (defendant) => String(defendant.key),
  );

  const legalActions = (args: LegalActionListArgs) => {
    const query = db.getRepository(LegalAction).createQueryBuilder("l");
    if (args.filter) applyLegalActionFilter(query, args.filter);
    return query;
  };

  /** The page `args` asks for of the legal actions of each parent key, for all keys at once. */
  const legalActionsWhere = (parent: (key: string) => string) =>
    perArguments((args: LegalActionListArgs) =>
      nestedConnection(
        db,
        LegalActionConnection,
        {
          query: () => legalActions(args),
          parent,
          id: "l.id",
          fetch: (ids) => legalActionById.loadMany(ids),
        },
        pageWindow(args, legalActionOrdering(args.orderBy)),
        budget,
      ),
    );

  return {
    legalActionById,

    legalActions: (args: LegalActionListArgs) =>
      paginate(
        LegalActionConnection,
        legalActions(args),
        pageWindow(args, legalActionOrdering(args.orderBy)),
        budget,
      ),

    legalActionsBrought: legalActionsWhere((key) => `l.jurisdiction_id = ${key}`),
    legalActionsOfIncident: legalActionsWhere((key) => `l.related_incident_ids @> ARRAY[${key}]`),
    // Related to the actor, or charging one of its members (alias m: d is the filter's). A UNION
    // of two index scans: the OR of an array test and a subquery reads every legal action.
    legalActionsOfActor: legalActionsWhere(
      (key) =>
        `l.id IN (SELECT r.id FROM legal.legal_action r WHERE r.related_actor_ids @> ARRAY[${key}]
          UNION SELECT m.legal_action_id FROM legal.defendant m WHERE m.affiliated_actor_id = ${key})`,
    ),
    nationalsCharged: perArguments((args: ConnectionArgs) =>
      nestedConnection(
        db,
        DefendantConnection,
        {
          query: () =>
            db
              .getRepository(Defendant)
              .createQueryBuilder("d")
              .innerJoin(LegalAction, "l", "l.id = d.legal_action_id"),
          parent: (key) => `d.nationality_id = ${key}`,
          id: "d.key::text",
          fetch: (keys) => defendantByKey.loadMany(keys),
        },
        pageWindow(args, BY_ACTION_DATE),
        budget,
      ),
    ),

    /** Lists the record holds itself, paged in memory. */
    relatedIncidents: (action: LegalAction, args: ConnectionArgs) =>
      arrayConnection(
        IncidentConnection,
        action.relatedIncidentIds.map((id) => ref(IncidentRef, id)),
        arrayWindow(args),
        budget,
      ),
    relatedActors: (action: LegalAction, args: ConnectionArgs) =>
      arrayConnection(
        ThreatActorConnection,
        action.relatedActorIds.map((id) => ref(ThreatActorRef, id)),
        arrayWindow(args),
        budget,
      ),

    chargesOf: groupedLoader(
      (ids) =>
        db
          .getRepository(Charge)
          .find({ where: { legalActionId: In([...ids]) }, order: { position: "ASC" } }),
      (charge) => charge.legalActionId,
    ),
    defendantsOf: groupedLoader(
      (ids) =>
        db
          .getRepository(Defendant)
          .find({ where: { legalActionId: In([...ids]) }, order: { position: "ASC" } }),
      (defendant) => defendant.legalActionId,
    ),

    analytics: analyticsLoaders(db, budget, legalActionById),

    history: historyPages(db, "legal", budget),
    snapshots: { LegalAction: snapshotLoader(db, legalActionWrites) },
  };
}
