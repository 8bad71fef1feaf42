import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { listSize } from "../kit/connection";
import { RecordResolver } from "../kit/record-resolver";
import { Agency } from "./agency";
import type { Context } from "./context";
import { Government } from "./government";
import { Official, OfficialRole } from "./official";
import { MAX_ROLES, OfficialInput, OfficialListArgs } from "./official.inputs";
import { officialList } from "./official.queries";
import { officialWrites } from "./official.writes";
import { StatementConnection } from "./statement";
import { StatementListArgs } from "./statement.inputs";

@Resolver(() => Official)
class OfficialFields {
  @Directive(listSize(MAX_ROLES))
  @FieldResolver(() => [OfficialRole], { description: "Roles held, oldest first." })
  roles(@Root() official: Official, @Ctx() ctx: Context) {
    return ctx.loaders.rolesOf.load(official.id);
  }
}

/** With the record recipe: history, bundleRecord, upsertOfficial, deleteOfficial. */
export const OfficialResolver = RecordResolver(OfficialFields, {
  input: OfficialInput,
  writes: officialWrites,
  dbSchema: "governments",
  args: OfficialListArgs,
  list: officialList,
  byId: (ctx: Context) => ctx.loaders.officialById,
  connections: {
    statements: {
      type: StatementConnection,
      args: StatementListArgs,
      loader: "statementsOfOfficial",
      description: "Statements this official made, newest first.",
    },
  },
  description: {
    input: "The official.",
    byId: 'Their slug: "antony-blinken".',
    list: "Officials, by name by default.",
    upsert: "Creates or updates an official by id, with their roles (editor key).",
    delete: "Deletes an official (editor key); refused while records refer to them.",
    id: "Their slug.",
  },
});

@Resolver(() => OfficialRole)
export class OfficialRoleResolver {
  @FieldResolver(() => Agency, { nullable: true, description: "The agency of the role." })
  agency(@Root() role: OfficialRole, @Ctx() ctx: Context) {
    return role.agencyId ? ctx.loaders.agencyById.load(role.agencyId) : null;
  }

  @FieldResolver(() => Government, { description: "The government of the role." })
  government(@Root() role: OfficialRole, @Ctx() ctx: Context) {
    return ctx.loaders.governmentById.load(role.governmentId);
  }
}
