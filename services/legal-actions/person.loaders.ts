import type { DataSource } from "typeorm";
import type { ResponseBudget } from "../kit/budget";
import { byIdLoader, childrenLoader } from "../kit/loaders";
import { Person } from "./person";
import { PersonAffiliation } from "./person-affiliation";
import { PersonName } from "./person-name";
import { PERSONS_OF_ACTION, PERSONS_OF_ACTOR, personList } from "./person.queries";

/** Persons by id, their names and affiliations, and the persons of each actor and action, batched. */
export function personLoaders(db: DataSource, budget: ResponseBudget) {
  const personById = byIdLoader(db, budget, Person);
  return {
    personById,
    namesOf: childrenLoader(db, budget, PersonName, "personId"),
    affiliationsOf: childrenLoader(db, budget, PersonAffiliation, "personId"),
    personsOfActor: personList.nested(db, budget, personById, PERSONS_OF_ACTOR),
    personsOfAction: personList.nested(db, budget, personById, PERSONS_OF_ACTION),
  };
}
