import { useDocumentTitle } from "../lib/use-document-title";
import { AttributionsPerYear } from "./analytics/attributions-per-year";
import { DelayFigures } from "./analytics/delay-figures";
import { IncidentDelays } from "./analytics/incident-delays";
import { JointAttributions } from "./analytics/joint-attributions";

/**
 * The API's figures (`analytics`, `Incident.timeToFirstAttribution`): how long governments take
 * to attribute and to indict, who attributes how much each year, and who attributes together.
 */
export function AnalyticsPage() {
  useDocumentTitle("Analytics");
  return (
    <>
      <h1>Analytics</h1>
      <p className="lead">
        How long governments take to blame a state for a cyber operation, and to take it to court;
        who speaks each year, and with whom. Delays run from when an incident was first observed
        (or, when that is unknown, disclosed) to its first formal, joint or technical attribution,
        and to its first dated legal action.
      </p>
      <DelayFigures />
      <AttributionsPerYear />
      <JointAttributions />
      <IncidentDelays />
    </>
  );
}
