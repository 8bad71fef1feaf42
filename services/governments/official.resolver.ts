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
import { Official, OfficialRole } from "./entities/official";
import { Statement } from "./entities/statement";

@InputType()
class OfficialFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: "Officials who held a role for these governments.",
  })
  governmentIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: "Officials who held a role at these agencies.",
  })
  agencyIds?: string[];

  @Field(() => String, {
    nullable: true,
    description: "Part of the name, accents ignored.",
  })
  text?: string;
}

const OfficialConnection = connectionType(Official, "Official");

@Resolver(() => Official)
export class OfficialResolver {
  @Query(() => Official, { nullable: true })
  async official(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loadOrNotFound(loaders.officialById, "Official", id);
  }

  @Query(() => OfficialConnection)
  officials(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db }: Context,
    @Arg("filter", () => OfficialFilter, { nullable: true })
    filter?: OfficialFilter,
    @Arg("orderBy", () => NameOrder, { nullable: true }) orderBy?: NameOrder,
  ) {
    const query = db.getRepository(Official).createQueryBuilder("o");
    if (filter?.ids) query.andWhere("o.id = ANY(:ids)", { ids: filter.ids });
    if (filter?.governmentIds) {
      query.andWhere(
        "EXISTS (SELECT 1 FROM governments.official_role r WHERE r.official_id = o.id AND r.government_id = ANY(:governmentIds))",
        { governmentIds: filter.governmentIds },
      );
    }
    if (filter?.agencyIds) {
      query.andWhere(
        "EXISTS (SELECT 1 FROM governments.official_role r WHERE r.official_id = o.id AND r.agency_id = ANY(:agencyIds))",
        { agencyIds: filter.agencyIds },
      );
    }
    const text = searchText(filter?.text, "filter.text");
    if (text) {
      query.andWhere("governments.f_unaccent(o.name) ILIKE governments.f_unaccent(:pattern)", {
        pattern: containsPattern(text),
      });
    }
    return paginate(OfficialConnection, query, nameOrdering("o", orderBy), page);
  }

  @FieldResolver(() => [OfficialRole], {
    description: "Roles held, oldest first.",
  })
  roles(@Root() official: Official, @Ctx() { loaders }: Context) {
    return loaders.rolesByOfficial.load(official.id);
  }

  @FieldResolver(() => [Statement], {
    description: "Statements this official made.",
  })
  statements(@Root() official: Official, @Ctx() { loaders }: Context) {
    return loaders.statementsBySpeaker.load(official.id);
  }
}

@Resolver(() => OfficialRole)
export class OfficialRoleResolver {
  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() role: OfficialRole, @Ctx() { loaders }: Context) {
    return role.agencyId ? loaders.agencyById.load(role.agencyId) : null;
  }

  @FieldResolver(() => Government)
  government(@Root() role: OfficialRole, @Ctx() { loaders }: Context) {
    return loaders.governmentById.load(role.governmentId);
  }
}
