import { Link } from "react-router-dom";
import { Block } from "../components/block";
import { RecordHeader } from "../components/record-header";
import { Sources } from "../components/sources";
import { graphql } from "../gql";
import { enumLabel } from "../lib/labels";
import { paths } from "../lib/paths";
import { ActorIncidents } from "./actor/actor-incidents";
import { ActorLegalActions } from "./actor/actor-legal-actions";
import { ActorStatements } from "./actor/actor-statements";
import { useRecordPage } from "./use-record-page";

const ThreatActorPageQuery = graphql(`
  query ThreatActorPage($id: ID!) {
    threatActor(id: $id) {
      id
      name
      kind
      description
      aliases {
        name
        namedBy
      }
      sponsorState {
        id
        name
      }
      suspectedOrigin {
        government {
          id
          name
        }
        claimedBy
        sources {
          id
          url
          title
        }
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
`);

/** A threat actor: its names and who coined them, its sponsor, incidents, statements, cases. */
export function ThreatActorPage() {
  const page = useRecordPage(ThreatActorPageQuery, "threat actor", (d) => d?.threatActor);
  if (!page.record) return page.instead;
  const actor = page.record;
  return (
    <article className="record" aria-labelledby="actor-title">
      <RecordHeader
        id="actor-title"
        eyebrow={`Threat actor · ${enumLabel(actor.kind)}`}
        title={actor.name}
      >
        {actor.sponsorState && (
          <p>
            Sponsor:{" "}
            <Link to={paths.government(actor.sponsorState.id)}>{actor.sponsorState.name}</Link>
            {actor.affiliatedAgency && <> · {actor.affiliatedAgency.name}</>}
          </p>
        )}
        {actor.suspectedOrigin && <SuspectedOrigin origin={actor.suspectedOrigin} />}
      </RecordHeader>
      <Block id="about-actor" title="About">
        {actor.description && <p>{actor.description}</p>}
        {actor.aliases.length > 0 && (
          <>
            <h3>Also known as</h3>
            <ul className="aliases-list">
              {actor.aliases.map((alias) => (
                <li key={alias.name}>
                  <strong>{alias.name}</strong>
                  {alias.namedBy && <span className="muted"> named by {alias.namedBy}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
        <Sources sources={actor.sources} />
      </Block>
      <ActorIncidents actorId={actor.id} />
      <ActorStatements actorId={actor.id} />
      <ActorLegalActions actorId={actor.id} />
    </article>
  );
}

/** Where it is said to operate from, who says so and where: not a sponsorship. */
function SuspectedOrigin({
  origin,
}: {
  origin: {
    government: { id: string; name: string };
    claimedBy?: string | null;
    sources: { id: string; url?: string | null; title?: string | null }[];
  };
}) {
  const source = origin.sources.find((s) => s.url);
  return (
    <p className="suspected-origin">
      Suspected origin:{" "}
      <Link to={paths.government(origin.government.id)}>{origin.government.name}</Link>
      {origin.claimedBy && <span className="muted"> · according to {origin.claimedBy}</span>}
      {source?.url && (
        <>
          {" "}
          (
          <a href={source.url} rel="noreferrer">
            source
          </a>
          )
        </>
      )}
    </p>
  );
}
