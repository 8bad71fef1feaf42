import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "./context";
import { Defendant } from "./entities/defendant";
import { LegalAction } from "./entities/legal-action";
import { GovernmentRef, ThreatActorRef, ref } from "./entities/references";

@Resolver(() => Defendant)
export class DefendantResolver {
  @FieldResolver(() => GovernmentRef, { nullable: true })
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

  @FieldResolver(() => LegalAction)
  legalAction(@Root() defendant: Defendant, @Ctx() { loaders }: Context) {
    return loaders.legalActionById.load(defendant.legalActionId);
  }
}
