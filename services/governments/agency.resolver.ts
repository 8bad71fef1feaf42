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
import { NameOrder, nameOrdering } from "../common/ordering";
import { PageArgs, connectionType, paginate } from "../common/pagination";
import { loadOrNotFound } from "../common/loaders";
import type { Context } from "./context";
import { Agency } from "./entities/agency";
import { Government } from "./entities/government";
import { AgencyKind } from "./enums";

@InputType()
class AgencyFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => [ID], { nullable: true })
  governmentIds?: string[];

  @Field(() => [AgencyKind], { nullable: true })
  kinds?: AgencyKind[];

  @Field(() => String, {
    nullable: true,
    description: "Part of the name or acronym.",
  })
  text?: string;
}

const AgencyConnection = connectionType(Agency, "Agency");

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true })
  async agency(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loadOrNotFound(loaders.agencyById, "Agency", id);
  }

  @Query(() => AgencyConnection)
  agencies(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db }: Context,
    @Arg("filter", () => AgencyFilter, { nullable: true })
    filter?: AgencyFilter,
    @Arg("orderBy", () => NameOrder, { nullable: true }) orderBy?: NameOrder,
  ) {
    const query = db.getRepository(Agency).createQueryBuilder("a");
    if (filter?.ids) query.andWhere("a.id = ANY(:ids)", { ids: filter.ids });
    if (filter?.governmentIds) {
      query.andWhere("a.government_id = ANY(:governmentIds)", {
        governmentIds: filter.governmentIds,
      });
    }
    if (filter?.kinds) query.andWhere("a.kind = ANY(:kinds)", { kinds: filter.kinds });
    const text = searchText(filter?.text, "filter.text");
    if (text) {
      query.andWhere(
        "(governments.f_unaccent(a.name) ILIKE governments.f_unaccent(:pattern) OR a.acronym ILIKE :pattern)",
        { pattern: containsPattern(text) },
      );
    }
    return paginate(AgencyConnection, query, nameOrdering("a", orderBy), page);
  }

  @FieldResolver(() => Government)
  government(@Root() agency: Agency, @Ctx() { loaders }: Context) {
    return loaders.governmentById.load(agency.governmentId);
  }

  @FieldResolver(() => Agency, {
    nullable: true,
    description: "The agency this one is part of.",
  })
  parent(@Root() agency: Agency, @Ctx() { loaders }: Context) {
    return agency.parentId ? loaders.agencyById.load(agency.parentId) : null;
  }
}
