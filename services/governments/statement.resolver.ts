import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Directive, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { CountAsked, type WithCount, itemsAskRecord, recordOrKey } from "../kit/selection";
import { CONNECTION_SIZE, ConnectionArgs, listSize } from "../kit/connection";
import type { PageJoin } from "../kit/pagination";
import { RecordResolver } from "../kit/record-resolver";
import { Agency } from "./agency";
import { AttributionConnection } from "./attribution";
import type { Context } from "./context";
import { Government, GovernmentConnection } from "./government";
import { governmentsIn } from "./government.queries";
import { Official } from "./official";
import { Quote, Translation } from "./quote";
import { IncidentConnection } from "./references";
import { Statement } from "./statement";
import {
  MAX_QUOTES,
  MAX_TRANSLATIONS,
  StatementInput,
  StatementListArgs,
} from "./statement.inputs";
import { incidentsOfStatement, statementList } from "./statement.queries";
import { statementWrites } from "./statement.writes";

const withIssuer: PageJoin = (page) => {
  page.leftJoinAndMapOne("s.issuerRecord", Government, "issuer", "issuer.id = s.issuer_id");
};

@Resolver(() => Statement)
class StatementFields {
  @FieldResolver(() => Government, { description: "The government that issued the statement." })
  issuer(@Root() statement: Statement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const record = statement.issuerRecord;
    if (!record)
      return recordOrKey(ctx.loaders.governmentById, Government, statement.issuerId, info);
    ctx.loaders.governmentById.prime(record.id, record);
    return record;
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => GovernmentConnection, {
    description: "Governments that joined the statement.",
  })
  cosigners(
    @Root() statement: Statement,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return governmentsIn(ctx, statement.cosignerIds, args);
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The agency that issued it." })
  agency(@Root() statement: Statement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const id = statement.agencyId;
    return id ? recordOrKey(ctx.loaders.agencyById, Agency, id, info) : null;
  }

  @FieldResolver(() => Official, { nullable: true, description: "The official speaking." })
  speaker(@Root() statement: Statement, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const id = statement.speakerId;
    return id ? recordOrKey(ctx.loaders.officialById, Official, id, info) : null;
  }

  @Directive(listSize(MAX_QUOTES))
  @FieldResolver(() => [Quote], {
    description: "Words quoted verbatim, in the order of the statement.",
  })
  quotes(@Root() statement: Statement, @Ctx() ctx: Context) {
    return ctx.loaders.quotesOf.load(statement.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AttributionConnection, {
    description: "Who it blames, in the order of the statement.",
  })
  attributions(
    @Root() statement: Statement,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: WithCount,
  ) {
    return ctx.loaders.attributionsOfStatement(args, withCount).load(statement.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => IncidentConnection, { description: "Incidents it attributes." })
  incidents(
    @Root() statement: Statement,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return incidentsOfStatement(ctx, statement.id, args);
  }
}

/** With the record recipe: history, bundleRecord, upsertStatement, deleteStatement. */
export const StatementResolver = RecordResolver(StatementFields, {
  input: StatementInput,
  writes: statementWrites,
  dbSchema: "governments",
  args: StatementListArgs,
  list: statementList,
  byId: (ctx: Context) => ctx.loaders.statementById,
  // The issuer's name in a list of statements: read with the page, not once more by id.
  join: (info) => (itemsAskRecord(info, "issuer") ? withIssuer : undefined),
  description: {
    input: "The statement.",
    byId: "Its slug.",
    list: "Statements, newest first; by relevance when `filter.text` searches them.",
    upsert:
      "Creates or updates a statement by id, with its quotes and attributions (editor key). Every problem of the input is reported at once.",
    delete: "Deletes a statement with its quotes and attributions (editor key).",
  },
});

@Resolver(() => Quote)
export class QuoteResolver {
  @FieldResolver(() => Official, {
    nullable: true,
    description: "Who said the words, when not the statement's speaker.",
  })
  speaker(@Root() quote: Quote, @Ctx() ctx: Context) {
    return quote.speakerId ? ctx.loaders.officialById.load(quote.speakerId) : null;
  }

  @Directive(listSize(MAX_TRANSLATIONS))
  @FieldResolver(() => [Translation], { description: "The quote in other languages." })
  translations(@Root() quote: Quote) {
    return quote.translationList();
  }
}
