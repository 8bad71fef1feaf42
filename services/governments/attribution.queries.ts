import type { ConnectionArgs } from "../kit/connection";
import { whereAnyOf, whereWithin } from "../kit/filters";
import { type ListFilter, recordList } from "../kit/lists";
import { type Ordering, SortDirection } from "../kit/pagination";
import { Attribution, AttributionConnection } from "./attribution";
import {
  type AttributionFilter,
  type AttributionOrder,
  AttributionOrderField,
} from "./attribution.inputs";
import type { Context } from "./context";
import { governmentsIn } from "./government.queries";
import { whereIssuedByAny } from "./statement.queries";
import { Statement } from "./statement";

/** Narrows `query` (alias `a`, its statement joined as `s`) to the attributions matching `filter`. */
const applyAttributionFilter: ListFilter<AttributionFilter> = (query, filter) => {
  whereAnyOf(query, "a.id", "ids", filter.ids);
  whereAnyOf(query, "a.incident_id", "incidentIds", filter.incidentIds);
  whereAnyOf(query, "a.actor_id", "actorIds", filter.actorIds);
  whereAnyOf(query, "a.state_id", "stateIds", filter.stateIds);
  whereAnyOf(query, "a.kind", "kinds", filter.kinds);
  whereAnyOf(query, "a.confidence_level", "levels", filter.confidenceLevels);
  whereIssuedByAny(query, "by", filter.attributedByIds);
  if (filter.minConfidenceScore !== undefined && filter.minConfidenceScore !== null) {
    query.andWhere("a.confidence_score >= :minScore", { minScore: filter.minConfidenceScore });
  }
  whereWithin(query, "s.issued_on", filter.issuedBetween, "filter.issuedBetween");
};

/** Newest statement first unless `order` says otherwise. */
function attributionOrdering(order: AttributionOrder | undefined): Ordering {
  const direction = order?.direction ?? SortDirection.DESC;
  const field = order?.field ?? AttributionOrderField.ISSUED_AT;
  const id = { sql: "a.id", direction };
  return {
    name: `${field}_${direction}`,
    keys: field === AttributionOrderField.ID ? [id] : [{ sql: "s.issued_on", direction }, id],
  };
}

/** Attributions (alias `a`) with their statement (`s`), newest statement first by default. */
export const attributionList = recordList({
  entity: Attribution,
  alias: "a",
  connection: AttributionConnection,
  filter: applyAttributionFilter,
  ordering: attributionOrdering,
  // The statement is read with the page (ordered by its date anyway), not once more by id.
  join: (query) =>
    query.innerJoinAndMapOne("a.statementRecord", Statement, "s", "s.id = a.statement_id"),
});

/** An attribution's statement: read with it by a list, else by id (and then kept). */
export function statementOf(ctx: Context, attribution: Attribution) {
  const record = attribution.statementRecord;
  if (!record) return ctx.loaders.statementById.load(attribution.statementId);
  ctx.loaders.statementById.prime(record.id, record);
  return Promise.resolve(record);
}

/** When an attribution was made: its statement's date. */
export async function attributionIssuedAt(ctx: Context, attribution: Attribution) {
  return (await statementOf(ctx, attribution))?.issuedAt;
}

/** Who made an attribution: its statement's issuer, then the cosigners. */
export async function attributedBy(ctx: Context, attribution: Attribution, args: ConnectionArgs) {
  const statement = await statementOf(ctx, attribution);
  return governmentsIn(ctx, statement ? [statement.issuerId, ...statement.cosignerIds] : [], args);
}
