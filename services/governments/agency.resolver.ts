import { GraphQLJSONObject } from "graphql-scalars";
import {
  Arg,
  Args,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { AuditEntryConnection } from "../kit/audit";
import { CONNECTION_SIZE, ConnectionArgs } from "../kit/connection";
import { SourceInput } from "../kit/inputs";
import { loadOrNotFound } from "../kit/loaders";
import { DeletePayload, requireEditor, remove, upsert, upsertPayload } from "../kit/write-path";
import { Agency, AgencyConnection } from "./agency";
import { AgencyInput, AgencyListArgs } from "./agency.inputs";
import { agencyWrites } from "./agency.writes";
import type { Context } from "./context";
import { Government } from "./government";

const UpsertAgencyPayload = upsertPayload(Agency, "Agency", "agency");

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true, description: "An agency by id; NOT_FOUND if none." })
  agency(
    @Arg("id", () => ID, { description: 'Its slug: "cn-mss".' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return loadOrNotFound(ctx.loaders.agencyById, "Agency", id);
  }

  @Directive(CONNECTION_SIZE)
  @Query(() => AgencyConnection, { description: "Agencies, by name by default." })
  agencies(@Args(() => AgencyListArgs) args: AgencyListArgs, @Ctx() ctx: Context) {
    return ctx.loaders.agencies(args);
  }

  @FieldResolver(() => Government, { description: "The government it belongs to." })
  government(@Root() agency: Agency, @Ctx() ctx: Context) {
    return ctx.loaders.governmentById.load(agency.governmentId);
  }

  @FieldResolver(() => Agency, { nullable: true, description: "The agency this one is part of." })
  parent(@Root() agency: Agency, @Ctx() ctx: Context) {
    return agency.parentId ? ctx.loaders.agencyById.load(agency.parentId) : null;
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AuditEntryConnection, {
    description: "Every write to this record, oldest first (editor key).",
  })
  history(
    @Root() agency: Agency,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    requireEditor(ctx.identity, "reading history");
    return ctx.loaders.history("Agency", args).load(agency.id);
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      "This record in the bundle format, with the sources it cites (what export writes).",
  })
  bundleRecord(@Root() agency: Agency, @Ctx() ctx: Context) {
    return ctx.loaders.snapshots.Agency.load(agency.id);
  }

  @Mutation(() => UpsertAgencyPayload, {
    description:
      "Creates or updates an agency by id (editor key). Re-sending it unchanged answers UNCHANGED.",
  })
  async upsertAgency(
    @Arg("input", () => AgencyInput, { validate: false, description: "The agency." })
    input: AgencyInput,
    @Arg("sources", () => [SourceInput], {
      nullable: true,
      validate: false,
      description: "The sources it cites.",
    })
    sources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(
      new UpsertAgencyPayload(),
      await upsert(ctx, "governments", agencyWrites, input, sources),
    );
  }

  @Mutation(() => DeletePayload, {
    description: "Deletes an agency (editor key); refused while records refer to it.",
  })
  deleteAgency(@Arg("id", () => ID, { description: "Its slug." }) id: string, @Ctx() ctx: Context) {
    return remove(ctx, "governments", agencyWrites, id);
  }
}
