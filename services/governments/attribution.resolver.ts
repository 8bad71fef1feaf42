import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { DateRangeInput, dateRangeBounds, whereAnyOf } from "../common/filters";
import { PageArgs, SortDirection, connectionType, paginate } from "../common/pagination";
import { PartialDate } from "../common/partial-date";
import { loadOrNotFound } from "../common/loaders";
import type { Context } from "./context";
import { Agency } from "./entities/agency";
import { Attribution } from "./entities/attribution";
import { Government } from "./entities/government";
import { IncidentRef, ThreatActorRef, incidentRef, threatActorRef } from "./entities/references";
import { Statement } from "./entities/statement";
import { AttributionKind, ConfidenceLevel } from "./enums";

@InputType()
class AttributionFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => [ID], { nullable: true })
  incidentIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: "Attributed to these threat actors.",
  })
  actorIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: "Attributed to these states.",
  })
  stateIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: "Made by these governments (issuer or cosigner).",
  })
  attributedByIds?: string[];

  @Field(() => [AttributionKind], { nullable: true })
  kinds?: AttributionKind[];

  @Field(() => [ConfidenceLevel], { nullable: true })
  confidenceLevels?: ConfidenceLevel[];

  @Field(() => Int, {
    nullable: true,
    description: "Normalised confidence at least this (0-100).",
  })
  minConfidenceScore?: number;

  @Field(() => DateRangeInput, {
    nullable: true,
    description: "Date of the attributing statement.",
  })
  issuedBetween?: DateRangeInput;
}

const AttributionConnection = connectionType(Attribution, "Attribution");

@Resolver(() => Attribution)
export class AttributionResolver {
  @Query(() => Attribution, { nullable: true })
  async attribution(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loadOrNotFound(loaders.attributionById, "Attribution", id);
  }

  @Query(() => AttributionConnection, {
    description: "Attributions, newest statement first.",
  })
  attributions(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db }: Context,
    @Arg("filter", () => AttributionFilter, { nullable: true })
    filter?: AttributionFilter,
  ) {
    const query = db
      .getRepository(Attribution)
      .createQueryBuilder("a")
      .innerJoin(Statement, "s", "s.id = a.statement_id");
    whereAnyOf(query, "a.id", "ids", filter?.ids);
    whereAnyOf(query, "a.incident_id", "incidentIds", filter?.incidentIds);
    whereAnyOf(query, "a.actor_id", "actorIds", filter?.actorIds);
    whereAnyOf(query, "a.state_id", "stateIds", filter?.stateIds);
    whereAnyOf(query, "a.kind", "kinds", filter?.kinds);
    whereAnyOf(query, "a.confidence_level", "levels", filter?.confidenceLevels);
    if (filter?.attributedByIds) {
      query.andWhere("(s.issuer_id = ANY(:by) OR s.cosigner_ids && :by)", {
        by: filter.attributedByIds,
      });
    }
    if (filter?.minConfidenceScore !== undefined && filter.minConfidenceScore !== null) {
      query.andWhere("a.confidence_score >= :minScore", {
        minScore: filter.minConfidenceScore,
      });
    }
    if (filter?.issuedBetween) {
      const { from, to } = dateRangeBounds(filter.issuedBetween, "filter.issuedBetween");
      if (from) query.andWhere("s.issued_on >= :from", { from });
      if (to) query.andWhere("s.issued_on <= :to", { to });
    }
    const direction = SortDirection.DESC;
    const ordering = {
      name: "ISSUED_AT_DESC",
      keys: [
        { sql: "s.issued_on", direction },
        { sql: "a.id", direction },
      ],
    };
    return paginate(AttributionConnection, query, ordering, page);
  }

  @FieldResolver(() => Statement, {
    description: "The statement making the attribution.",
  })
  statement(@Root() attribution: Attribution, @Ctx() { loaders }: Context) {
    return loaders.statementById.load(attribution.statementId);
  }

  @FieldResolver(() => PartialDate, {
    description: "When it was made: the statement's date.",
  })
  async issuedAt(@Root() attribution: Attribution, @Ctx() { loaders }: Context) {
    return (await loaders.statementById.load(attribution.statementId))?.issuedAt;
  }

  @FieldResolver(() => [Government], {
    description: "Who made it: the issuer and the cosigners.",
  })
  async attributedBy(@Root() attribution: Attribution, @Ctx() { loaders }: Context) {
    const statement = await loaders.statementById.load(attribution.statementId);
    if (!statement) return [];
    const governments = await loaders.governmentById.loadMany([
      statement.issuerId,
      ...statement.cosignerIds,
    ]);
    return governments.filter((g) => g !== null && !(g instanceof Error));
  }

  @FieldResolver(() => IncidentRef, {
    nullable: true,
    description: "The incident; null with a NOT_FOUND error if the incidents source lacks it.",
  })
  incident(@Root() attribution: Attribution) {
    return incidentRef(attribution.incidentId);
  }

  @FieldResolver(() => ThreatActorRef, {
    nullable: true,
    description: "The threat actor blamed.",
  })
  actor(@Root() attribution: Attribution) {
    return threatActorRef(attribution.actorId);
  }

  @FieldResolver(() => Government, {
    nullable: true,
    description: "The state blamed.",
  })
  state(@Root() attribution: Attribution, @Ctx() { loaders }: Context) {
    return attribution.stateId ? loaders.governmentById.load(attribution.stateId) : null;
  }

  @FieldResolver(() => Agency, {
    nullable: true,
    description: "The state agency blamed (e.g. MSS).",
  })
  agency(@Root() attribution: Attribution, @Ctx() { loaders }: Context) {
    return attribution.agencyId ? loaders.agencyById.load(attribution.agencyId) : null;
  }
}

@Resolver(() => IncidentRef)
export class IncidentAttributionsResolver {
  @FieldResolver(() => [Attribution], {
    nullable: true,
    description: "Who blamed whom for this incident.",
  })
  attributions(@Root() incident: IncidentRef, @Ctx() { loaders }: Context) {
    return loaders.attributionsByIncident.load(incident.id);
  }

  @FieldResolver(() => [Statement], {
    nullable: true,
    description: "Statements attributing this incident.",
  })
  async statements(@Root() incident: IncidentRef, @Ctx() { loaders }: Context) {
    return (await loaders.statementsByIncident.load(incident.id)).map((row) => row.statement);
  }
}

@Resolver(() => ThreatActorRef)
export class ThreatActorAttributionsResolver {
  @FieldResolver(() => [Attribution], {
    nullable: true,
    description: "Attributions naming this actor.",
  })
  attributions(@Root() actor: ThreatActorRef, @Ctx() { loaders }: Context) {
    return loaders.attributionsByActor.load(actor.id);
  }

  @FieldResolver(() => [Statement], {
    nullable: true,
    description: "Statements naming this actor.",
  })
  async statements(@Root() actor: ThreatActorRef, @Ctx() { loaders }: Context) {
    return (await loaders.statementsByActor.load(actor.id)).map((row) => row.statement);
  }
}
