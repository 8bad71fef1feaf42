import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { CountAsked } from "../kit/selection";
import { CONNECTION_SIZE } from "../kit/connection";
import { loadOrNotFound } from "../kit/loaders";
import { RecordResolver } from "../kit/record-resolver";
import { Agency, AgencyConnection } from "./agency";
import { AgencyInput, AgencyListArgs } from "./agency.inputs";
import { agencyList } from "./agency.queries";
import { agencyWrites } from "./agency.writes";
import type { Context } from "./context";
import { Government } from "./government";

@Resolver(() => Agency)
class AgencyFields {
  @Query(() => Agency, { nullable: true, description: "An agency by id; NOT_FOUND if none." })
  agency(
    @Arg("id", () => ID, { description: 'Its slug: "cn-mss".' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return loadOrNotFound(ctx.loaders.agencyById, "Agency", id);
  }

  @Directive(CONNECTION_SIZE)
  @Query(() => AgencyConnection, { description: "Agencies, by name by default." })
  agencies(
    @Args(() => AgencyListArgs) args: AgencyListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return agencyList.page(ctx, args, withCount);
  }

  @FieldResolver(() => Government, { description: "The government it belongs to." })
  government(@Root() agency: Agency, @Ctx() ctx: Context) {
    return ctx.loaders.governmentById.load(agency.governmentId);
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The agency this one is part of." })
  parent(@Root() agency: Agency, @Ctx() ctx: Context) {
    return agency.parentId ? ctx.loaders.agencyById.load(agency.parentId) : null;
  }
}

/** With the record recipe: history, bundleRecord, upsertAgency, deleteAgency. */
export const AgencyResolver = RecordResolver(AgencyFields, {
  input: AgencyInput,
  writes: agencyWrites,
  dbSchema: "governments",
  description: {
    input: "The agency.",
    upsert:
      "Creates or updates an agency by id (editor key). Re-sending it unchanged answers UNCHANGED.",
    delete: "Deletes an agency (editor key); refused while records refer to it.",
  },
});
