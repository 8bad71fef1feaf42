import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { CountAsked, type WithCount } from "../kit/selection";
import { CONNECTION_SIZE, ConnectionArgs, listSize } from "../kit/connection";
import { ref } from "../kit/references";
import { RecordResolver } from "../kit/record-resolver";
import { Charge } from "./charge";
import type { Context } from "./context";
import { Defendant } from "./defendant";
import { LegalAction } from "./legal-action";
import {
  LegalActionInput,
  LegalActionListArgs,
  MAX_CHARGES,
  MAX_DEFENDANTS,
} from "./legal-action.inputs";
import { legalActionList, relatedActors, relatedIncidents } from "./legal-action.queries";
import { legalActionWrites } from "./legal-action.writes";
import { PersonConnection } from "./person";
import { PersonListArgs } from "./person.inputs";
import { AgencyRef, GovernmentRef, IncidentConnection, ThreatActorConnection } from "./references";

@Resolver(() => LegalAction)
class LegalActionFields {
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
  @FieldResolver(() => PersonConnection, {
    description:
      "The persons among its defendants (organisations are not), by name by default: each with every spelling of the name and every other legal action naming them.",
  })
  persons(
    @Root() action: LegalAction,
    @Args(() => PersonListArgs) args: PersonListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: WithCount,
  ) {
    return ctx.loaders.personsOfAction(args, withCount).load(action.id);
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
    return relatedIncidents(ctx, action, args);
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
    return relatedActors(ctx, action, args);
  }
}

/** With the record recipe: history, bundleRecord, upsertLegalAction, deleteLegalAction. */
export const LegalActionResolver = RecordResolver(LegalActionFields, {
  input: LegalActionInput,
  writes: legalActionWrites,
  dbSchema: "legal",
  args: LegalActionListArgs,
  list: legalActionList,
  byId: (ctx: Context) => ctx.loaders.legalActionById,
  description: {
    input: "The legal action.",
    byId: 'Its slug: "us-v-ding-xiaoyang-2021".',
    list: "Legal actions, newest first by default.",
    upsert:
      "Creates or updates a legal action by id, with its charges and defendants (editor key). Every problem of the input is reported at once.",
    delete:
      "Deletes a legal action with its charges and defendants (editor key); UNCHANGED if none.",
  },
});
