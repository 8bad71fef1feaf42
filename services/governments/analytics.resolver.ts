import { Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { CONNECTION_SIZE, ConnectionArgs, listSize } from "../kit/connection";
import { INCIDENT_DATES } from "../analytics/delays";
import {
  DelayStatisticsArgs,
  FIRST_EVENT_FIELDS,
  MAX_FIRST_EVENTS,
} from "../analytics/delay-statistics";
import {
  ALL,
  Analytics,
  AttributionCountArgs,
  AttributionCountConnection,
  AttributionDelay,
  DelayStatisticsConnection,
  FirstEvent,
  JointAttributionConnection,
  JointAttributionPartnerConnection,
} from "./analytics";
import {
  attributionsPerYear,
  firstAttributions,
  jointAttributionPartners,
  jointAttributions,
  legalActionDelays,
  timeToFirstAttribution,
} from "./analytics.queries";
import type { Context } from "./context";
import { Government } from "./government";
import { IncidentRef } from "./references";

/** The analytics entity (see analytics.ts for why its figures are split between subgraphs). */
@Resolver(() => Analytics)
export class AnalyticsResolver {
  @Query(() => Analytics, {
    description:
      "Figures over the whole dataset: delays to attribution and to legal action, attributions per year, joint attributions.",
  })
  analytics(): Analytics {
    return Object.assign(new Analytics(), { id: ALL });
  }

  @Directive("@inaccessible")
  @Directive(listSize(MAX_FIRST_EVENTS))
  @FieldResolver(() => [FirstEvent], {
    description:
      "For legal-actions' attributionDelays: each attributed incident's earliest attributing statement overall (YEAR), per accuser and per accused state.",
  })
  firstAttributions(@Ctx() ctx: Context) {
    return firstAttributions(ctx);
  }

  @Directive(`@requires(fields: "firstLegalActions { ${FIRST_EVENT_FIELDS} }")`)
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => DelayStatisticsConnection, {
    nullable: true,
    description:
      "Days from each incident's anchor date (first observed, else disclosed) to its first legal action, by group: count, median, minimum, maximum. A legal action's date is the earliest of filed, unsealed and announced; incidents with no dated legal action are not counted.",
  })
  legalActionDelays(
    @Root() analytics: Analytics,
    @Args(() => DelayStatisticsArgs) args: DelayStatisticsArgs,
    @Ctx() ctx: Context,
  ) {
    return legalActionDelays(ctx, analytics.firstLegalActions ?? [], args);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => AttributionCountConnection, {
    description:
      "Attributions (FORMAL, JOINT or TECHNICAL) per year of the statement and per government: oldest year first, then the most attributions.",
  })
  attributionsPerYear(
    @Args(() => AttributionCountArgs) args: AttributionCountArgs,
    @Ctx() ctx: Context,
  ) {
    return attributionsPerYear(ctx, args);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => JointAttributionConnection, {
    description:
      "Pairs of governments that attributed incidents together (the cosigner network): most incidents first, then most shared statements, then by ids.",
  })
  jointAttributions(@Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: Context) {
    return jointAttributions(ctx, args);
  }
}

/** What this subgraph measures on the incidents subgraph's `Incident`, from its dates. */
@Resolver(() => IncidentRef)
export class IncidentAnalytics {
  @Directive(`@requires(fields: "${INCIDENT_DATES}")`)
  @FieldResolver(() => AttributionDelay, {
    nullable: true,
    description:
      "Days from when the incident began (firstObserved, else disclosed) to its first attribution (FORMAL, JOINT or TECHNICAL), counted between period starts; null when neither date or no attribution is known.",
  })
  timeToFirstAttribution(@Root() incident: IncidentRef, @Ctx() ctx: Context) {
    return timeToFirstAttribution(ctx, incident);
  }
}

@Resolver(() => Government)
export class GovernmentAnalytics {
  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => JointAttributionPartnerConnection, {
    description:
      "Governments it attributed incidents together with (see JointAttribution): most incidents first.",
  })
  jointAttributionPartners(
    @Root() government: Government,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    return jointAttributionPartners(ctx, government.id, args);
  }
}
