import { AttributionConnection } from "./attribution";
import { AttributionListArgs } from "./attribution.inputs";
import { ConnectionFields } from "../kit/connection-fields";
import type { Context } from "./context";
import { IncidentRef, ThreatActorRef } from "./references";
import { StatementConnection } from "./statement";
import { StatementListArgs } from "./statement.inputs";

/** What this subgraph adds to the incidents subgraph's `Incident`. */
export const IncidentContributions = ConnectionFields<Context>(IncidentRef, {
  attributions: {
    type: AttributionConnection,
    args: AttributionListArgs,
    loader: "attributionsOfIncident",
    nullable: true,
    description: "Who blamed whom for this incident, newest first.",
  },
  statements: {
    type: StatementConnection,
    args: StatementListArgs,
    loader: "statementsOfIncident",
    nullable: true,
    description: "Statements attributing this incident, newest first.",
  },
});

/** What this subgraph adds to the incidents subgraph's `ThreatActor`. */
export const ThreatActorContributions = ConnectionFields<Context>(ThreatActorRef, {
  attributions: {
    type: AttributionConnection,
    args: AttributionListArgs,
    loader: "attributionsOfActor",
    nullable: true,
    description: "Attributions naming this actor, newest first.",
  },
  statements: {
    type: StatementConnection,
    args: StatementListArgs,
    loader: "statementsOfActor",
    nullable: true,
    description: "Statements naming this actor, newest first.",
  },
});
