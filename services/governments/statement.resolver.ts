import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { SelectQueryBuilder } from "typeorm";
import { badUserInput } from "../common/errors";
import { dateRangeBounds, searchText, whereAnyOf } from "../common/filters";
import { loadAll, loadOrNotFound } from "../common/loaders";
import {
  type Ordering,
  PageArgs,
  SortDirection,
  connectionType,
  paginate,
} from "../common/pagination";
import type { Context } from "./context";
import { Agency } from "./entities/agency";
import { Attribution } from "./entities/attribution";
import { Government } from "./entities/government";
import { Official } from "./entities/official";
import { Quote } from "./entities/quote";
import { IncidentRef, incidentRef } from "./entities/references";
import { Statement } from "./entities/statement";
import { StatementFilter, StatementOrder, StatementOrderField } from "./statement.inputs";

const StatementConnection = connectionType(Statement, "Statement");

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => Statement, { nullable: true })
  async statement(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loadOrNotFound(loaders.statementById, "Statement", id);
  }

  @Query(() => StatementConnection)
  statements(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db }: Context,
    @Arg("filter", () => StatementFilter, { nullable: true })
    filter?: StatementFilter,
    @Arg("orderBy", () => StatementOrder, { nullable: true })
    orderBy?: StatementOrder,
  ) {
    const query = db.getRepository(Statement).createQueryBuilder("s");
    const text = applyStatementFilter(query, filter ?? {});
    return paginate(StatementConnection, query, statementOrdering(orderBy, text), page);
  }

  @FieldResolver(() => Government, {
    description: "The government that issued the statement.",
  })
  issuer(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return loaders.governmentById.load(statement.issuerId);
  }

  @FieldResolver(() => [Government], {
    description: "Governments that joined the statement.",
  })
  cosigners(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return loadAll(loaders.governmentById, statement.cosignerIds);
  }

  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return statement.agencyId ? loaders.agencyById.load(statement.agencyId) : null;
  }

  @FieldResolver(() => Official, { nullable: true })
  speaker(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return statement.speakerId ? loaders.officialById.load(statement.speakerId) : null;
  }

  @FieldResolver(() => [Quote])
  quotes(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return loaders.quotesByStatement.load(statement.id);
  }

  @FieldResolver(() => [Attribution])
  attributions(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    return loaders.attributionsByStatement.load(statement.id);
  }

  @FieldResolver(() => [IncidentRef], {
    description: "Incidents the statement attributes.",
  })
  async incidents(@Root() statement: Statement, @Ctx() { loaders }: Context) {
    const attributions = await loaders.attributionsByStatement.load(statement.id);
    return [...new Set(attributions.map((a) => a.incidentId))].map(incidentRef);
  }
}

@Resolver(() => Quote)
export class QuoteResolver {
  @FieldResolver(() => Official, { nullable: true })
  speaker(@Root() quote: Quote, @Ctx() { loaders }: Context) {
    return quote.speakerId ? loaders.officialById.load(quote.speakerId) : null;
  }
}

const SEARCH_QUERY = "governments.search_query(:text)";

/** Applies the filter; returns the search text, if any, for relevance ordering. */
function applyStatementFilter(query: SelectQueryBuilder<Statement>, filter: StatementFilter) {
  whereAnyOf(query, "s.id", "ids", filter.ids);
  whereAnyOf(query, "s.kind", "kinds", filter.kinds);
  whereAnyOf(query, "s.agency_id", "agencyIds", filter.agencyIds);
  whereAnyOf(query, "s.speaker_id", "speakerIds", filter.speakerIds);
  if (filter.governmentIds) {
    query.andWhere("(s.issuer_id = ANY(:governmentIds) OR s.cosigner_ids && :governmentIds)", {
      governmentIds: filter.governmentIds,
    });
  }
  for (const [column, name] of [
    ["incident_id", "incidentIds"],
    ["actor_id", "actorIds"],
  ] as const) {
    if (filter[name]) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM governments.attribution a WHERE a.statement_id = s.id AND a.${column} = ANY(:${name}))`,
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
  if (filter.issuedBetween) {
    const { from, to } = dateRangeBounds(filter.issuedBetween, "filter.issuedBetween");
    if (from) query.andWhere("s.issued_on >= :from", { from });
    if (to) query.andWhere("s.issued_on <= :to", { to });
  }
  const text = searchText(filter.text, "filter.text");
  if (text) {
    query.andWhere(
      // A UNION of two index scans: "search @@ q OR EXISTS (quote ...)" reads every statement.
      `s.id IN (SELECT id FROM governments.statement WHERE search @@ ${SEARCH_QUERY}
         UNION SELECT statement_id FROM governments.quote WHERE search @@ ${SEARCH_QUERY})`,
      { text },
    );
  }
  return text;
}

function statementOrdering(order: StatementOrder | undefined, text: string | undefined): Ordering {
  const field =
    order?.field ?? (text ? StatementOrderField.RELEVANCE : StatementOrderField.ISSUED_AT);
  const direction = order?.direction ?? SortDirection.DESC;
  const name = `${field}_${direction}`;
  switch (field) {
    case StatementOrderField.ID:
      return { name, keys: [{ sql: "s.id", direction }] };
    case StatementOrderField.ISSUED_AT:
      return {
        name,
        keys: [
          { sql: "s.issued_on", direction },
          { sql: "s.id", direction },
        ],
      };
    case StatementOrderField.RELEVANCE:
      if (!text) throw badUserInput("orderBy.field", "RELEVANCE needs filter.text");
      return {
        name: `${name}:${text}`,
        keys: [
          { sql: `ts_rank(s.search, ${SEARCH_QUERY})`, direction },
          { sql: "s.id", direction: SortDirection.ASC },
        ],
      };
  }
}
