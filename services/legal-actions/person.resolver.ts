import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { CountAsked } from "../kit/selection";
import { CONNECTION_SIZE, ConnectionArgs, listSize } from "../kit/connection";
import { loadOrNotFound } from "../kit/loaders";
import { RecordResolver } from "../kit/record-resolver";
import { ref } from "../kit/references";
import type { Context } from "./context";
import { DefendantConnection } from "./defendant";
import { LegalActionConnection } from "./legal-action";
import { LegalActionListArgs } from "./legal-action.inputs";
import { Person, PersonConnection } from "./person";
import { PersonAffiliation } from "./person-affiliation";
import { PersonName } from "./person-name";
import { MAX_AFFILIATIONS, MAX_PERSON_NAMES, PersonInput, PersonListArgs } from "./person.inputs";
import { personList } from "./person.queries";
import { personWrites } from "./person.writes";
import { AgencyRef, GovernmentRef, ThreatActorRef } from "./references";

@Resolver(() => Person)
class PersonFields {
  @Query(() => Person, { nullable: true, description: "A person by id; NOT_FOUND if none." })
  person(
    @Arg("id", () => ID, { description: 'Their slug: "ding-xiaoyang".' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return loadOrNotFound(ctx.loaders.personById, "Person", id);
  }

  @Directive(CONNECTION_SIZE)
  @Query(() => PersonConnection, {
    description:
      "Persons named by legal actions, by name by default; `filter.name` finds any spelling.",
  })
  persons(
    @Args(() => PersonListArgs) args: PersonListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return personList.page(ctx, args, withCount);
  }

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

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => DefendantConnection, {
    description:
      "Their role in each legal action naming them (charged: charges and status; listed: measures), by the date of the action, oldest first.",
  })
  roles(
    @Root() person: Person,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.rolesOf(args, withCount).load(person.id);
  }

  @Directive(CONNECTION_SIZE)
  @FieldResolver(() => LegalActionConnection, {
    description: "The legal actions naming them, newest first by default.",
  })
  legalActions(
    @Root() person: Person,
    @Args(() => LegalActionListArgs) args: LegalActionListArgs,
    @Ctx() ctx: Context,
    @CountAsked() withCount: boolean,
  ) {
    return ctx.loaders.legalActionsOfPerson(args, withCount).load(person.id);
  }
}

/** With the record recipe: history, bundleRecord, upsertPerson, deletePerson. */
export const PersonResolver = RecordResolver(PersonFields, {
  input: PersonInput,
  writes: personWrites,
  dbSchema: "legal",
  description: {
    input: "The person.",
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
