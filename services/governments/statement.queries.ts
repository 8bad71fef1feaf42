import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { ConnectionArgs } from "../kit/connection";
import { searchText, whereAnyOf, whereWithin } from "../kit/filters";
import { type ListFilter, recordList } from "../kit/lists";
import { datedOrdering } from "../kit/ordering";
import { referencePage } from "../kit/references";
import type { Context } from "./context";
import { IncidentConnection, IncidentRef } from "./references";
import { Statement, StatementConnection } from "./statement";
import { type StatementFilter, StatementOrderField } from "./statement.inputs";

/**
 * SQL: statement `s` issued or cosigned by the government `key`. `@>` and not
 * `key = ANY(column)`: only the containment operator can use the GIN index.
 */
export const issuedOrCosignedBy = (key: string) =>
  `(s.issuer_id = ${key} OR s.cosigner_ids @> ARRAY[${key}])`;

const SEARCH_QUERY = "governments.search_query(:text)";

/**
 * How well a statement matches: its own text or its best quote (a statement can match only in a
 * quote or its translation). Rounded: a numeric compares exactly with the value a cursor carries.
 */
const STATEMENT_RANK = `round(greatest(ts_rank(s.search, ${SEARCH_QUERY}),
  coalesce((SELECT max(ts_rank(rq.search, ${SEARCH_QUERY})) FROM governments.quote rq
            WHERE rq.statement_id = s.id), 0))::numeric, 4)`;

/** Narrows `query` (statement alias `s`) to statements issued or cosigned by any of `ids`. */
export function whereIssuedByAny(
  query: SelectQueryBuilder<ObjectLiteral>,
  name: string,
  ids: string[] | null | undefined,
) {
  if (ids)
    query.andWhere(`(s.issuer_id = ANY(:${name}) OR s.cosigner_ids && :${name})`, { [name]: ids });
}

/** Narrows `query` (alias `s`) to the statements matching `filter`. */
const applyStatementFilter: ListFilter<StatementFilter> = (query, filter, use) => {
  whereAnyOf(query, "s.id", "ids", filter.ids);
  whereAnyOf(query, "s.kind", "kinds", filter.kinds);
  whereAnyOf(query, "s.agency_id", "agencyIds", filter.agencyIds);
  whereAnyOf(query, "s.speaker_id", "speakerIds", filter.speakerIds);
  whereIssuedByAny(query, "governmentIds", filter.governmentIds);
  for (const [column, name] of [
    ["incident_id", "incidentIds"],
    ["actor_id", "actorIds"],
  ] as const) {
    if (filter[name]) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM governments.attribution fa WHERE fa.statement_id = s.id AND fa.${column} = ANY(:${name}))`,
        { [name]: filter[name] },
      );
    }
  }
  if (filter.languages) {
    const languages = filter.languages.map((language) => language.toLowerCase());
    query.andWhere(
      `(governments.language_matches(s.language, :languages) OR EXISTS (
         SELECT 1 FROM governments.quote q WHERE q.statement_id = s.id
         AND (governments.language_matches(q.language, :languages)
              OR EXISTS (SELECT 1 FROM jsonb_array_elements(q.translations) t
                         WHERE governments.language_matches(t->>'language', :languages)))))`,
      { languages },
    );
  }
  whereWithin(query, "s.issued_on", filter.issuedBetween, "filter.issuedBetween");
  const text = searchText(filter.text, "filter.text");
  if (text && use?.firstMatches) {
    // A row's condition (the quotes' words are on the row): walked in the list's order, or
    // looked up by two indexes, as PostgreSQL plans the cut (`firstMatches`).
    query.andWhere(`(s.search @@ ${SEARCH_QUERY} OR s.quotes_search @@ ${SEARCH_QUERY})`, { text });
  } else if (text) {
    query.andWhere(
      // Uncut (a nested list), the set of every match by index: as a row's condition,
      // PostgreSQL may walk the dates for a page of a rare word and read every statement.
      `s.id IN (SELECT id FROM governments.statement WHERE search @@ ${SEARCH_QUERY}
         UNION SELECT statement_id FROM governments.quote WHERE search @@ ${SEARCH_QUERY})`,
      { text },
    );
  }
};

/** Statements, newest first, or best match first when `filter.text` searches. */
export const statementList = recordList({
  entity: Statement,
  alias: "s",
  connection: StatementConnection,
  filter: applyStatementFilter,
  ordering: datedOrdering({
    alias: "s",
    dateField: StatementOrderField.ISSUED_AT,
    date: "s.issued_on",
    rank: STATEMENT_RANK,
  }),
});

/** The incidents a statement attributes, once each, in the order of its attributions. */
export async function incidentsOfStatement(ctx: Context, id: string, args: ConnectionArgs) {
  const attributions = await ctx.loaders.attributionsByStatement.load(id);
  const ids = new Set(attributions.map((a) => a.incidentId));
  return referencePage(IncidentConnection, IncidentRef, [...ids], args, ctx.budget);
}
