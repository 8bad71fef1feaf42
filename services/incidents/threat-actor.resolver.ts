import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { containsPattern, searchText } from "../common/filters";
import { loadAll, loadOrNotFound } from "../common/loaders";
import { NameOrder, nameOrdering } from "../common/ordering";
import { PageArgs, connectionType, paginate } from "../common/pagination";
import type { Context } from "./context";
import { Incident } from "./entities/incident";
import { AgencyRef, GovernmentRef, ref } from "./entities/references";
import { ThreatActor } from "./entities/threat-actor";
import { ThreatActorKind } from "./enums";

@InputType({ description: "Every field narrows the list; a list field matches any of its values." })
class ThreatActorFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => [ThreatActorKind], { nullable: true })
  kinds?: ThreatActorKind[];

  @Field(() => [ID], { nullable: true, description: "Actors sponsored by these governments." })
  sponsorStateIds?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Name or alias, accents ignored, typos tolerated: "Leviathan", "bronze mohawk".',
  })
  text?: string;
}

const ThreatActorConnection = connectionType(ThreatActor, "ThreatActor");

@Resolver(() => ThreatActor)
export class ThreatActorResolver {
  @Query(() => ThreatActor, {
    nullable: true,
    description: "A threat actor by id; NOT_FOUND if none.",
  })
  async threatActor(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loadOrNotFound(loaders.threatActorById, "ThreatActor", id);
  }

  @Query(() => ThreatActorConnection, { description: "Threat actors, by name by default." })
  threatActors(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db }: Context,
    @Arg("filter", () => ThreatActorFilter, { nullable: true }) filter?: ThreatActorFilter,
    @Arg("orderBy", () => NameOrder, { nullable: true }) orderBy?: NameOrder,
  ) {
    const query = db.getRepository(ThreatActor).createQueryBuilder("a");
    if (filter?.ids) query.andWhere("a.id = ANY(:ids)", { ids: filter.ids });
    if (filter?.kinds) query.andWhere("a.kind = ANY(:kinds)", { kinds: filter.kinds });
    if (filter?.sponsorStateIds) {
      query.andWhere("a.sponsor_state_id = ANY(:sponsorStateIds)", {
        sponsorStateIds: filter.sponsorStateIds,
      });
    }
    const text = searchText(filter?.text, "filter.text");
    if (text) {
      query.andWhere(
        `(a.search_names ILIKE incidents.f_unaccent(:pattern)
          OR incidents.f_unaccent(lower(:text)) <% a.search_names)`,
        { text, pattern: containsPattern(text) },
      );
    }
    return paginate(ThreatActorConnection, query, nameOrdering("a", orderBy), page);
  }

  @FieldResolver(() => GovernmentRef, {
    nullable: true,
    description: "The state said to sponsor it.",
  })
  sponsorState(@Root() actor: ThreatActor) {
    return ref(GovernmentRef, actor.sponsorStateId);
  }

  @FieldResolver(() => AgencyRef, {
    nullable: true,
    description:
      "The state agency it is said to work for (e.g. MSS Hainan State Security Department).",
  })
  affiliatedAgency(@Root() actor: ThreatActor) {
    return ref(AgencyRef, actor.affiliatedAgencyId);
  }

  @FieldResolver(() => [Incident], {
    description: "Incidents it is suspected of, most recent first.",
  })
  async incidents(@Root() actor: ThreatActor, @Ctx() { loaders }: Context) {
    const links = await loaders.incidentLinksByActor.load(actor.id);
    return loadAll(
      loaders.incidentById,
      links.map((link) => link.incidentId),
    );
  }
}
