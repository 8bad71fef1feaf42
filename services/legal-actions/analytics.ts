import { Field, ObjectType } from "type-graphql";
import { Delay } from "../analytics/delays";
import { delayStatisticsType } from "../analytics/delay-statistics";
import { LegalAction } from "./legal-action";
import { GovernmentRef } from "./references";
import { type EnumValue, describedEnum } from "../kit/enums";

export const { DelayStatistics, DelayStatisticsConnection } = delayStatisticsType(
  GovernmentRef,
  "AttributionDelayStatistics",
);

export const LegalActionDateKind = describedEnum(
  "LegalActionDateKind",
  "Which of a legal action's dates dates it: the earliest known of filed, unsealed and announced (on the same day, in that order).",
  {
    FILED: "When the case was filed (a sealed indictment counts from then).",
    UNSEALED: "When it was unsealed.",
    ANNOUNCED: "When it was made public.",
  },
);
export type LegalActionDateKind = EnumValue<typeof LegalActionDateKind>;

@ObjectType({
  simpleResolvers: true,
  description:
    "How long after an incident began (or, when that is unknown, after it was disclosed) the first legal action over it came: the related legal action with the earliest date, a legal action being dated by the earliest known of filed, unsealed and announced.",
})
export class LegalActionDelay extends Delay {
  @Field(() => LegalActionDateKind, { description: "Which of the action's dates `eventDate` is." })
  eventDateKind: LegalActionDateKind;

  @Field(() => LegalAction, {
    description: "The first legal action (on a tie, the most precisely dated, then by id).",
  })
  legalAction: LegalAction;
}
