import { Link } from "react-router-dom";
import { Block } from "../components/block";
import { LegalActionBody } from "../components/legal-action-body";
import { graphql } from "../gql";
import { paths } from "../lib/paths";
import { useRecordPage } from "./use-record-page";

const LegalActionPageQuery = graphql(`
  query LegalActionPage($id: ID!) {
    legalAction(id: $id) {
      id
      title
      ...LegalActionFields
      relatedIncidents(first: 20) {
        nodes {
          id
          name
        }
      }
      relatedActors(first: 20) {
        nodes {
          id
          name
        }
      }
    }
  }
`);

/** A legal action: charges, defendants, court, dates, conduct period, and what it concerns. */
export function LegalActionPage() {
  const page = useRecordPage(LegalActionPageQuery, "legal action", (d) => d?.legalAction);
  if (!page.record) return page.instead;
  const action = page.record;
  const incidents = action.relatedIncidents.nodes;
  const actors = action.relatedActors.nodes;
  return (
    <div className="record">
      <p className="eyebrow">Legal action</p>
      <LegalActionBody legalAction={action} titleAs="h1" linkTitle={false} />
      {(incidents.length > 0 || actors.length > 0) && (
        <Block id="concerns" title="What it concerns">
          <ul className="plain-list">
            {incidents.map((incident) => (
              <li key={incident.id}>
                Incident: <Link to={paths.incident(incident.id)}>{incident.name}</Link>
              </li>
            ))}
            {actors.map((actor) => (
              <li key={actor.id}>
                Threat actor: <Link to={paths.threatActor(actor.id)}>{actor.name}</Link>
              </li>
            ))}
          </ul>
        </Block>
      )}
    </div>
  );
}
