import { ConnectionArgs } from "../kit/connection";
import { ConnectionFields } from "../kit/connection-fields";
import type { Context } from "./context";
import { DefendantConnection } from "./defendant";
import { LegalActionConnection } from "./legal-action";
import { LegalActionListArgs } from "./legal-action.inputs";
import { PersonConnection } from "./person";
import { PersonListArgs } from "./person.inputs";
import { GovernmentRef, IncidentRef, ThreatActorRef } from "./references";

/** What this subgraph adds to the governments subgraph's `Government`. */
export const GovernmentContributions = ConnectionFields<Context>(GovernmentRef, {
  legalActionsBrought: {
    type: LegalActionConnection,
    args: LegalActionListArgs,
    loader: "legalActionsBrought",
    nullable: true,
    description: "Legal actions it brought, newest first.",
  },
  nationalsCharged: {
    type: DefendantConnection,
    args: ConnectionArgs,
    loader: "nationalsCharged",
    nullable: true,
    description:
      "Its nationals charged, arrested or sanctioned, by anyone: by the date of the action, oldest first (undated last), then in the order of each action.",
  },
});

/** What this subgraph adds to the incidents subgraph's `Incident`. */
export const IncidentContributions = ConnectionFields<Context>(IncidentRef, {
  legalActions: {
    type: LegalActionConnection,
    args: LegalActionListArgs,
    loader: "legalActionsOfIncident",
    nullable: true,
    description: "Legal actions over this incident, newest first.",
  },
});

/** What this subgraph adds to the incidents subgraph's `ThreatActor`. */
export const ThreatActorContributions = ConnectionFields<Context>(ThreatActorRef, {
  legalActions: {
    type: LegalActionConnection,
    args: LegalActionListArgs,
    loader: "legalActionsOfActor",
    nullable: true,
    description: "Legal actions naming this actor or charging one of its members, newest first.",
  },
  persons: {
    type: PersonConnection,
    args: PersonListArgs,
    loader: "personsOfActor",
    nullable: true,
    description:
      "Its members charged or listed by legal actions, and persons affiliated with it, by name by default.",
  },
});
