import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { RecordResolver } from "../kit/record-resolver";
import { Agency } from "./agency";
import { AgencyInput, AgencyListArgs } from "./agency.inputs";
import { agencyList } from "./agency.queries";
import { agencyWrites } from "./agency.writes";
import type { Context } from "./context";
import { Government } from "./government";

@Resolver(() => Agency)
class AgencyFields {
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
  args: AgencyListArgs,
  list: agencyList,
  byId: (ctx: Context) => ctx.loaders.agencyById,
  description: {
    input: "The agency.",
    byId: 'Its slug: "cn-mss".',
    list: "Agencies, by name by default.",
    upsert:
      "Creates or updates an agency by id (editor key). Re-sending it unchanged answers UNCHANGED.",
    delete: "Deletes an agency (editor key); refused while records refer to it.",
  },
});
