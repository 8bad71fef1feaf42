import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { CONNECTION_SIZE, listSize } from "../kit/connection";
import { INCIDENT_DATES } from "../analytics/delays";
import {
  DelayStatisticsArgs,
  FIRST_EVENT_FIELDS,
  MAX_FIRST_EVENTS,
} from "../analytics/delay-statistics";
import { DelayStatisticsConnection, LegalActionDelay } from "./analytics";
import { attributionDelays, firstLegalActions, timeToFirstLegalAction } from "./analytics.queries";
import type { Context } from "./context";
import { AnalyticsRef, FirstEvent, IncidentRef } from "./references";

/**
 * What this subgraph adds to the governments subgraph's `Analytics`: its own first events, for
 * the governments subgraph to summarise, and the figures of the governments subgraph's, with
 * each incident's dates, through `@requires` (see services/governments/analytics.ts).
 */
@Resolver(() => AnalyticsRef)
export class AnalyticsContributions {
  @Directive("@inaccessible")
  @Directive(listSize(MAX_FIRST_EVENTS))
  @FieldResolver(() => [FirstEvent], {
    description:
      "For governments' legalActionDelays: each incident's earliest dated legal action overall (YEAR), per jurisdiction and per defendant nationality.",
  })
  firstLegalActions(@Ctx() ctx: Context) {
    return firstLegalActions(ctx);
  }

  @Directive(`@requires(fields: "firstAttributions { ${FIRST_EVENT_FIELDS} }")`)
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => DelayStatisticsConnection, {
    nullable: true,
    description:
      "Days from each incident's anchor date (first observed, else disclosed) to its first attribution (FORMAL, JOINT or TECHNICAL), by group: count, median, minimum, maximum. Incidents never attributed are not counted.",
  })
  attributionDelays(
    @Root() analytics: AnalyticsRef,
    @Args(() => DelayStatisticsArgs) args: DelayStatisticsArgs,
    @Ctx() ctx: Context,
  ) {
    return attributionDelays(ctx, analytics.firstAttributions ?? [], args);
  }
}

/** What this subgraph measures on the incidents subgraph's `Incident`, from its dates. */
@Resolver(() => IncidentRef)
export class IncidentAnalytics {
  @Directive(`@requires(fields: "${INCIDENT_DATES}")`)
  @FieldResolver(() => LegalActionDelay, {
    nullable: true,
    description:
      "Days from when the incident began (firstObserved, else disclosed) to its first legal action (dated by the earliest of filed, unsealed and announced), counted between period starts; null when neither date or no dated legal action is known.",
  })
  timeToFirstLegalAction(@Root() incident: IncidentRef, @Ctx() ctx: Context) {
    return timeToFirstLegalAction(ctx, incident);
  }
}
