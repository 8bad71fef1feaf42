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
import { PageArgs, connectionType, paginate } from "../common/pagination";
import type { Context } from "./context";
import { Agency } from "./entities/agency";
import { Attribution } from "./entities/attribution";
import { Government } from "./entities/government";
import { Statement } from "./entities/statement";
import { GovernmentKind } from "./enums";
import { NameOrder, nameOrdering } from "../common/ordering";

@InputType()
class GovernmentFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => [GovernmentKind], { nullable: true })
  kinds?: GovernmentKind[];

  @Field(() => ID, {
    nullable: true,
    description: 'Members of this union or alliance: "eu", "nato".',
  })
  memberOf?: string;

  @Field(() => String, {
    nullable: true,
    description: "Part of the name, accents ignored.",
  })
  text?: string;
}

export const GovernmentConnection = connectionType(Government, "Government");

@Resolver(() => Government)
export class GovernmentResolver {
  @Query(() => Government, {
    nullable: true,
    description: "A government by id; NOT_FOUND if none.",
  })
  async government(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loadOrNotFound(loaders.governmentById, "Government", id);
  }

  @Query(() => GovernmentConnection)
  governments(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { db }: Context,
    @Arg("filter", () => GovernmentFilter, { nullable: true })
    filter?: GovernmentFilter,
    @Arg("orderBy", () => NameOrder, { nullable: true }) orderBy?: NameOrder,
  ) {
    const query = db.getRepository(Government).createQueryBuilder("g");
    if (filter?.ids) query.andWhere("g.id = ANY(:ids)", { ids: filter.ids });
    if (filter?.kinds) query.andWhere("g.kind = ANY(:kinds)", { kinds: filter.kinds });
    if (filter?.memberOf)
      query.andWhere(":union = ANY(g.member_of_ids)", {
        union: filter.memberOf,
      });
    const text = searchText(filter?.text, "filter.text");
    if (text) {
      query.andWhere("governments.f_unaccent(g.name) ILIKE governments.f_unaccent(:pattern)", {
        pattern: containsPattern(text),
      });
    }
    return paginate(GovernmentConnection, query, nameOrdering("g", orderBy), page);
  }

  @FieldResolver(() => [Government], {
    description: "Unions and alliances it belongs to.",
  })
  memberOf(@Root() government: Government, @Ctx() { loaders }: Context) {
    return loadAll(loaders.governmentById, government.memberOfIds);
  }

  @FieldResolver(() => [Government], {
    description: "Members, for a union or an alliance.",
  })
  members(@Root() government: Government, @Ctx() { loaders }: Context) {
    return loaders.membersByUnion.load(government.id);
  }

  @FieldResolver(() => [Agency])
  agencies(@Root() government: Government, @Ctx() { loaders }: Context) {
    return loaders.agenciesByGovernment.load(government.id);
  }

  @FieldResolver(() => [Statement], {
    description: "Statements it issued or cosigned.",
  })
  statements(@Root() government: Government, @Ctx() { loaders }: Context) {
    return loaders.statementsByIssuer.load(government.id);
  }

  @FieldResolver(() => [Attribution], {
    description: "Attributions in statements it issued or cosigned.",
  })
  async attributionsMade(@Root() government: Government, @Ctx() { loaders }: Context) {
    return (await loaders.attributionsMade.load(government.id)).map((row) => row.attribution);
  }

  @FieldResolver(() => [Attribution], {
    description: "Attributions naming it as responsible.",
  })
  attributionsReceived(@Root() government: Government, @Ctx() { loaders }: Context) {
    return loaders.attributionsReceived.load(government.id);
  }
}
