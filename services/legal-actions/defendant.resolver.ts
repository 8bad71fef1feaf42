import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { listSize } from "../kit/connection";
import { ref } from "../kit/references";
import { Charge } from "./charge";
import type { Context } from "./context";
import { Defendant } from "./defendant";
import { DefendantRole, LegalActionKind } from "./enums";
import { LegalAction } from "./legal-action";
import { MAX_CHARGES, MAX_MEASURES } from "./legal-action.inputs";
import { Person } from "./person";
import { GovernmentRef, ThreatActorRef } from "./references";

/** A defendant: one legal action's naming of a person or organisation. */
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

  @FieldResolver(() => Person, {
    nullable: true,
    description:
      "Who the defendant is across legal actions, with every spelling of the name; null for an organisation.",
  })
  person(@Root() defendant: Defendant, @Ctx() ctx: Context) {
    return defendant.personId ? ctx.loaders.personById.load(defendant.personId) : null;
  }

  @FieldResolver(() => DefendantRole, {
    description: "LISTED by a sanction, else DEFENDANT (charged, arrested, convicted...).",
  })
  async role(@Root() defendant: Defendant, @Ctx() ctx: Context) {
    const action = await ctx.loaders.legalActionById.load(defendant.legalActionId);
    return action?.kind === LegalActionKind.SANCTION
      ? DefendantRole.LISTED
      : DefendantRole.DEFENDANT;
  }

  @Directive(listSize(MAX_CHARGES))
  @FieldResolver(() => [Charge], {
    description:
      "The charges of the action, in its order (the sources give them per action, not per defendant).",
  })
  charges(@Root() defendant: Defendant, @Ctx() ctx: Context) {
    return ctx.loaders.chargesOf.load(defendant.legalActionId);
  }

  @Directive(listSize(MAX_MEASURES))
  @FieldResolver(() => [String], {
    description: "For a sanction: the measures imposed on those it lists; empty otherwise.",
  })
  async measures(@Root() defendant: Defendant, @Ctx() ctx: Context) {
    const action = await ctx.loaders.legalActionById.load(defendant.legalActionId);
    return action?.sanctionsMeasures ?? [];
  }
}
