import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { ConnectionArgs, listSize } from "../kit/connection";
import { RecordResolver } from "../kit/record-resolver";
import { ref } from "../kit/references";
import type { Context } from "./context";
import { DefendantConnection } from "./defendant";
import { LegalActionConnection } from "./legal-action";
import { LegalActionListArgs } from "./legal-action.inputs";
import { Person } from "./person";
import { PersonAffiliation } from "./person-affiliation";
import { PersonName } from "./person-name";
import { MAX_AFFILIATIONS, MAX_PERSON_NAMES, PersonInput, PersonListArgs } from "./person.inputs";
import { personList } from "./person.queries";
import { personWrites } from "./person.writes";
import { AgencyRef, GovernmentRef, ThreatActorRef } from "./references";

@Resolver(() => Person)
class PersonFields {
  @Directive(listSize(MAX_PERSON_NAMES))
  @FieldResolver(() => [PersonName], {
    description:
      "Every spelling of the name (the PRIMARY one, transliterations, native script, aliases), with who used it.",
  })
  names(@Root() person: Person, @Ctx() ctx: Context) {
    return ctx.loaders.namesOf.load(person.id);
  }

  @FieldResolver(() => GovernmentRef, {
    nullable: true,
    description: "The government of their nationality.",
  })
  nationality(@Root() person: Person) {
    return ref(GovernmentRef, person.nationalityId);
  }

  @Directive(listSize(MAX_AFFILIATIONS))
  @FieldResolver(() => [PersonAffiliation], {
    description: "Threat actors, agencies or units and employers they worked for or with.",
  })
  affiliations(@Root() person: Person, @Ctx() ctx: Context) {
    return ctx.loaders.affiliationsOf.load(person.id);
  }
}

/** With the record recipe: history, bundleRecord, upsertPerson, deletePerson. */
export const PersonResolver = RecordResolver(PersonFields, {
  input: PersonInput,
  writes: personWrites,
  dbSchema: "legal",
  args: PersonListArgs,
  list: personList,
  byId: (ctx: Context) => ctx.loaders.personById,
  connections: {
    roles: {
      type: DefendantConnection,
      args: ConnectionArgs,
      loader: "rolesOf",
      description:
        "Their role in each legal action naming them (charged: charges and status; listed: measures), by the date of the action, oldest first.",
    },
    legalActions: {
      type: LegalActionConnection,
      args: LegalActionListArgs,
      loader: "legalActionsOfPerson",
      description: "The legal actions naming them, newest first by default.",
    },
  },
  description: {
    input: "The person.",
    byId: 'Their slug: "ding-xiaoyang".',
    list: "Persons named by legal actions, by name by default; `filter.name` finds any spelling.",
    upsert:
      "Creates or updates a person by id, with every spelling of their name and their affiliations (editor key). Every problem of the input is reported at once.",
    delete: "Deletes a person (editor key); refused while a legal action names them.",
    id: "Their slug.",
  },
});

@Resolver(() => PersonAffiliation)
export class PersonAffiliationResolver {
  @FieldResolver(() => ThreatActorRef, { nullable: true, description: "The threat actor." })
  actor(@Root() affiliation: PersonAffiliation) {
    return ref(ThreatActorRef, affiliation.actorId);
  }

  @FieldResolver(() => AgencyRef, {
    nullable: true,
    description: "The agency or military unit: GRU Unit 74455, the MSS.",
  })
  agency(@Root() affiliation: PersonAffiliation) {
    return ref(AgencyRef, affiliation.agencyId);
  }
}
