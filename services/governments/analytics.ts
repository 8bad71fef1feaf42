import { ArgsType, Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionArgs, connectionType } from "../kit/connection";
import { Delay } from "../analytics/delays";
import {
  type RequiredFirstEvent,
  delayStatisticsType,
  firstEventType,
} from "../analytics/delay-statistics";
import { Government } from "./government";
import { IncidentRef } from "./references";
import { Statement } from "./statement";
import { type EnumValue, describedEnum } from "../kit/enums";

/**
 * How long governments take to attribute an incident, and to act in law, over the whole
 * dataset. Federation lets a field `@require` only what other subgraphs resolve, and every
 * delay needs the incident's dates (incidents subgraph) beside the events (attributions here,
 * legal actions in legal-actions). So each subgraph lists its first events per incident and
 * group as an `@inaccessible` field of this entity, and the *other* subgraph computes the
 * figures from that list, `@requires`-ing it with each incident's dates: the query planner
 * fetches the list, then the dates by Incident key, then the figures, in a fixed number of
 * fetches however many incidents there are. Here: `firstAttributions` for legal-actions'
 * `attributionDelays`, and `legalActionDelays` from legal-actions' `firstLegalActions`.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description:
    "Figures over the whole dataset: how long governments take to attribute an incident and to act in law, who attributes how much each year, and who attributes together.",
})
export class Analytics {
  @Field(() => ID, { description: '"all": the figures cover the whole dataset.' }) id: string;

  /** Listed by the legal-actions subgraph: here only for `@requires` of `legalActionDelays`. */
  @Directive("@external")
  @Field(() => [FirstEvent])
  firstLegalActions?: RequiredFirstEvent[];
}

export const ALL = "all";

export const FirstEvent = firstEventType(IncidentRef, Government);
export const { DelayStatistics, DelayStatisticsConnection } = delayStatisticsType(
  Government,
  "LegalActionDelayStatistics",
);

@ObjectType({
  simpleResolvers: true,
  description:
    "How long after an incident began (or, when that is unknown, after it was disclosed) it was first attributed: by the earliest statement with an attribution of kind FORMAL, JOINT or TECHNICAL naming it.",
})
export class AttributionDelay extends Delay {
  @Field(() => Statement, {
    description:
      "The first attributing statement (on a tie, the most precisely dated, then by id).",
  })
  statement: Statement;
}

export const AttributionCountGrouping = describedEnum(
  "AttributionCountGrouping",
  "Whose attributions a yearly count is of.",
  {
    ISSUER: "The government issuing the statement.",
    ACCUSER: "The issuer and each cosigner of the statement.",
    ACCUSED_STATE: "The state the attribution names (`Attribution.state`).",
  },
);
export type AttributionCountGrouping = EnumValue<typeof AttributionCountGrouping>;

@ArgsType()
export class AttributionCountArgs extends ConnectionArgs {
  @Field(() => AttributionCountGrouping, { description: "Whose attributions to count." })
  groupBy: AttributionCountGrouping;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Attributions of one year by one government: attributions of kind FORMAL, JOINT or TECHNICAL, in statements issued that year.",
})
export class AttributionCount {
  @Field(() => ID, { description: 'Stable key of the row: "ISSUER:2021:us".' }) id: string;

  @Field(() => Int, { description: "The year the statements were issued." }) year: number;

  @Field(() => Government, {
    nullable: true,
    description: "The issuer, accuser or accused state (as grouped).",
  })
  government: Government | null;

  @Field(() => Int, { description: "Attributions (one per statement and incident or target)." })
  attributions: number;

  @Field(() => Int, { description: "Distinct statements holding them." }) statements: number;

  @Field(() => Int, { description: "Distinct incidents they are about." }) incidents: number;
}

export const AttributionCountConnection = connectionType(AttributionCount, "AttributionCount");

const JOINTLY =
  "on the same day: in one statement (issuer and cosigners), or in separate statements dated that same day (statements dated only to a month or year pair within themselves)";

@ObjectType({
  simpleResolvers: true,
  description: `Two governments that attributed incidents together: both issued or cosigned an attributing statement (FORMAL, JOINT or TECHNICAL) on the incident ${JOINTLY}.`,
})
export class JointAttribution {
  @Field(() => ID, { description: 'Stable key of the pair: "gb+us" (ids in order).' }) id: string;

  @Field(() => Government, { description: "The first of the two, by id." }) government: Government;

  @Field(() => Government, { description: "The other." }) partner: Government;

  @Field(() => Int, { description: "Incidents they attributed together." }) incidents: number;

  @Field(() => Int, { description: "Attributing statements both issued or cosigned." })
  sharedStatements: number;
}

export const JointAttributionConnection = connectionType(JointAttribution, "JointAttribution");

@ObjectType({
  simpleResolvers: true,
  description: `A government's partner in joint attributions (see JointAttribution): both accused the same incident ${JOINTLY}.`,
})
export class JointAttributionPartner {
  @Field(() => ID, { description: 'Stable key: the government, then the partner: "us+gb".' })
  id: string;

  @Field(() => Government, { description: "The partner." }) partner: Government;

  @Field(() => Int, { description: "Incidents they attributed together." }) incidents: number;

  @Field(() => Int, { description: "Attributing statements both issued or cosigned." })
  sharedStatements: number;
}

export const JointAttributionPartnerConnection = connectionType(
  JointAttributionPartner,
  "JointAttributionPartner",
);
