import { Link } from "react-router-dom";
import { Block } from "../components/block";
import { LegalActionBody } from "../components/legal-action-body";
import { PartialDateText } from "../components/partial-date-text";
import { QueryError } from "../components/query-state";
import { RecordHeader } from "../components/record-header";
import { Sources } from "../components/sources";
import { graphql } from "../gql";
import type { IncidentPageQuery as IncidentPageData } from "../gql/graphql";
import { enumLabel } from "../lib/labels";
import { paths } from "../lib/paths";
import { IncidentAttributions } from "./incident/incident-attributions";
import { IncidentFacts } from "./incident/incident-facts";
import { useRecordPage } from "./use-record-page";

const IncidentPageQuery = graphql(`
  query IncidentPage($id: ID!) {
    incident(id: $id) {
      id
      name
      aliases
      kind
      summary
      ...IncidentFacts
      sources {
        ...SourceFields
      }
      suspectedActors(first: 20) {
        nodes {
          id
          name
          kind
          sponsorState {
            id
            name
          }
          affiliatedAgency {
            id
            name
          }
          sources {
            ...SourceFields
          }
        }
      }
      timeline {
        description
        date {
          value
          precision
        }
        sources {
          ...SourceFields
        }
      }
      legalActions(first: 10) {
        totalCount
        nodes {
          id
          ...LegalActionFields
        }
      }
    }
  }
`);

/** An incident: what happened, who blamed whom and in which words, and what the law did. */
export function IncidentPage() {
  const page = useRecordPage(IncidentPageQuery, "incident", (d) => d?.incident);
  if (!page.record) return page.instead;
  const { record: incident, error } = page;
  return (
    <article className="record" aria-labelledby="incident-title">
      <RecordHeader
        id="incident-title"
        eyebrow={`Incident · ${enumLabel(incident.kind)}`}
        title={incident.name}
      >
        {incident.aliases.length > 0 && (
          <p className="aliases">Also known as {incident.aliases.join(", ")}</p>
        )}
      </RecordHeader>
      {error && <QueryError error={error} />}
      <nav aria-label="On this page" className="toc">
        <a href="#what-happened">What happened</a>
        <a href="#who-blamed-whom">Who blamed whom</a>
        <a href="#suspected-actors">Suspected actors</a>
        {incident.timeline.length > 0 && <a href="#timeline">Timeline</a>}
        <a href="#legal-actions">Legal action</a>
      </nav>

      <Block id="what-happened" title="What happened">
        {incident.summary && <p>{incident.summary}</p>}
        <IncidentFacts incident={incident} />
        <Sources sources={incident.sources} />
      </Block>

      <IncidentAttributions incidentId={incident.id} />

      <SuspectedActors actors={incident.suspectedActors.nodes} />
      <Timeline events={incident.timeline} />
      <LegalActions legalActions={incident.legalActions?.nodes} />
    </article>
  );
}

type Incident = NonNullable<IncidentPageData["incident"]>;

function SuspectedActors({ actors }: { actors: Incident["suspectedActors"]["nodes"] }) {
  return (
    <Block id="suspected-actors" title="Suspected actors and their sponsors">
      {actors.length === 0 && <p className="muted">No actor named.</p>}
      <ul className="cards">
        {actors.map((actor) => (
          <li key={actor.id} className="card">
            <h3>
              <Link to={paths.threatActor(actor.id)}>{actor.name}</Link>
            </h3>
            <p className="muted">{enumLabel(actor.kind)}</p>
            {actor.sponsorState && (
              <p>
                Sponsor:{" "}
                <Link to={paths.government(actor.sponsorState.id)}>{actor.sponsorState.name}</Link>
                {actor.affiliatedAgency && <> · {actor.affiliatedAgency.name}</>}
              </p>
            )}
            <Sources sources={actor.sources} />
          </li>
        ))}
      </ul>
    </Block>
  );
}

function Timeline({ events }: { events: Incident["timeline"] }) {
  if (events.length === 0) return null;
  return (
    <Block id="timeline" title="Timeline">
      <ol className="events">
        {events.map((event, index) => (
          <li key={index}>
            <PartialDateText date={event.date} />
            <p>{event.description}</p>
            <Sources sources={event.sources} />
          </li>
        ))}
      </ol>
    </Block>
  );
}

/** The incident's legal actions; `undefined` or `null` when the legal subgraph did not answer. */
function LegalActions({
  legalActions,
}: {
  legalActions: NonNullable<Incident["legalActions"]>["nodes"] | undefined;
}) {
  return (
    <Block id="legal-actions" title="Legal action">
      {legalActions === undefined || legalActions === null ? (
        <p className="muted">Legal actions are unavailable right now.</p>
      ) : legalActions.length === 0 ? (
        <p className="muted">None on record.</p>
      ) : (
        legalActions.map((action) => <LegalActionBody key={action.id} legalAction={action} />)
      )}
    </Block>
  );
}
