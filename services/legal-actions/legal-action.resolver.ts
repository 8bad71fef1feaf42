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
import { CONNECTION_SIZE, ConnectionArgs, listSize } from "../kit/connection";
import { SourceInput } from "../kit/inputs";
import { loadOrNotFound } from "../kit/loaders";
import { ref } from "../kit/references";
import { DeletePayload, remove, requireEditor, upsert, upsertPayload } from "../kit/write-path";
import { Charge } from "./charge";
import type { Context } from "./context";
import { Defendant } from "./defendant";
import { LegalAction, LegalActionConnection } from "./legal-action";
import {
  LegalActionInput,
  LegalActionListArgs,
  MAX_CHARGES,
  MAX_DEFENDANTS,
} from "./legal-action.inputs";
import { legalActionWrites } from "./legal-action.writes";
import {
  AgencyRef,
  GovernmentRef,
  IncidentConnection,
  ThreatActorConnection,
  ThreatActorRef,
} from "./references";

const UpsertLegalActionPayload = upsertPayload(LegalAction, "LegalAction", "legalAction");

@Resolver(() => LegalAction)
export class LegalActionResolver {
  @Query(() => LegalAction, {
    nullable: true,
    description: "A legal action by id; NOT_FOUND if none.",
  })
  legalAction(
    @Arg("id", () => ID, { description: 'Its slug: "us-v-ding-xiaoyang-2021".' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return loadOrNotFound(ctx.loaders.legalActionById, "LegalAction", id);
  }

  @Directive(CONNECTION_SIZE)
  @Query(() => LegalActionConnection, { description: "Legal actions, newest first by default." })
  legalActions(@Args(() => LegalActionListArgs) args: LegalActionListArgs, @Ctx() ctx: Context) {
    return ctx.loaders.legalActions(args);
  }

  @FieldResolver(() => GovernmentRef, { description: "The government bringing the action." })
  jurisdiction(@Root() action: LegalAction) {
    return ref(GovernmentRef, action.jurisdictionId);
  }

  @FieldResolver(() => AgencyRef, {
    nullable: true,
    description: "The agency bringing it: US DOJ, the EU Council.",
  })
  authority(@Root() action: LegalAction) {
    return ref(AgencyRef, action.authorityId);
  }

  @Directive(listSize(MAX_CHARGES))
  @FieldResolver(() => [Charge], { description: "The charges, in the order of the indictment." })
  charges(@Root() action: LegalAction, @Ctx() ctx: Context) {
    return ctx.loaders.chargesOf.load(action.id);
  }

  @Directive(listSize(MAX_DEFENDANTS))
  @FieldResolver(() => [Defendant], {
    description: "Who is charged, arrested or sanctioned, in the order of the source.",
  })
  defendants(@Root() action: LegalAction, @Ctx() ctx: Context) {
    return ctx.loaders.defendantsOf.load(action.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => IncidentConnection, {
    description: "Incidents the action is about, in the order of the record.",
  })
  relatedIncidents(
    @Root() action: LegalAction,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.relatedIncidents(action, args);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => ThreatActorConnection, {
    description: "Threat actors the action names, in the order of the record.",
  })
  relatedActors(
    @Root() action: LegalAction,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.relatedActors(action, args);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AuditEntryConnection, {
    description: "Every write to this record, oldest first (editor key).",
  })
  history(
    @Root() action: LegalAction,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    requireEditor(ctx.identity, "reading history");
    return ctx.loaders.history("LegalAction", args).load(action.id);
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      "This record in the bundle format, with the sources it cites (what export writes).",
  })
  bundleRecord(@Root() action: LegalAction, @Ctx() ctx: Context) {
    return ctx.loaders.snapshots.LegalAction.load(action.id);
  }

  @Mutation(() => UpsertLegalActionPayload, {
    description:
      "Creates or updates a legal action by id, with its charges and defendants (editor key). Every problem of the input is reported at once.",
  })
  async upsertLegalAction(
    @Arg("input", () => LegalActionInput, { validate: false, description: "The legal action." })
    input: LegalActionInput,
    @Arg("sources", () => [SourceInput], {
      nullable: true,
      validate: false,
      description: "The sources it cites.",
    })
    sources: SourceInput[] | null,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(
      new UpsertLegalActionPayload(),
      await upsert(ctx, "legal", legalActionWrites, input, sources),
    );
  }

  @Mutation(() => DeletePayload, {
    description:
      "Deletes a legal action with its charges and defendants (editor key); UNCHANGED if none.",
  })
  deleteLegalAction(
    @Arg("id", () => ID, { description: "Its slug." }) id: string,
    @Ctx() ctx: Context,
  ) {
    return remove(ctx, "legal", legalActionWrites, id);
  }
}

@Resolver(() => Defendant)
export class DefendantResolver {
  @FieldResolver(() => GovernmentRef, {
    nullable: true,
    description: "The government of the defendant's nationality.",
  })
  nationality(@Root() defendant: Defendant) {
    return ref(GovernmentRef, defendant.nationalityId);
  }

  @FieldResolver(() => ThreatActorRef, {
    nullable: true,
    description: "The threat actor the defendant is charged as a member of.",
  })
  affiliatedActor(@Root() defendant: Defendant) {
    return ref(ThreatActorRef, defendant.affiliatedActorId);
  }

  @FieldResolver(() => LegalAction, { description: "The legal action naming the defendant." })
  legalAction(@Root() defendant: Defendant, @Ctx() ctx: Context) {
    return ctx.loaders.legalActionById.load(defendant.legalActionId);
  }
}
