import { Link } from "react-router-dom";
import { type FragmentType, getFragmentData, graphql } from "../gql";
import { confidenceText, enumLabel } from "../lib/labels";
import { paths } from "../lib/paths";
import { roleOn } from "../lib/roles";
import { LinkList } from "./link-list";
import { PartialDateText } from "./partial-date-text";
import { QuoteBlock } from "./quote-block";
import { Sources } from "./sources";

/**
 * Whom an attribution blames, for which incident, with which confidence: the card below and a
 * government's rows.
 */
export const AttributionGistFields = graphql(`
  fragment AttributionGistFields on Attribution {
    confidenceWording
    confidenceLevel
    confidenceScore
    incident {
      id
      name
    }
    actor {
      id
      name
    }
    state {
      id
      name
    }
  }
`);

export const AttributionFields = graphql(`
  fragment AttributionFields on Attribution {
    id
    kind
    issuedAt {
      value
      precision
      start
    }
    ...AttributionGistFields
    agency {
      id
      name
    }
    statement {
      id
      title
      kind
      url
      language
      issuer {
        id
        name
      }
      cosigners(first: 50) {
        nodes {
          id
          name
        }
      }
      agency {
        id
        name
      }
      speaker {
        id
        name
        roles {
          title
          from {
            start
          }
          to {
            end
          }
        }
      }
      quotes {
        ...QuoteFields
      }
      sources {
        ...SourceFields
      }
    }
  }
`);

/**
 * One attribution: who blamed whom, when, in which words and with which confidence, the
 * statement it was made in (speaker, cosigners, quotes) and its sources.
 */
export function AttributionItem({
  attribution,
  showIncident = false,
}: {
  attribution: FragmentType<typeof AttributionFields>;
  showIncident?: boolean;
}) {
  const a = getFragmentData(AttributionFields, attribution);
  const gist = getFragmentData(AttributionGistFields, a);
  const { incident, actor, state } = gist;
  const { statement } = a;
  const role = statement.speaker && roleOn(statement.speaker.roles, a.issuedAt.start);
  const cosigners = statement.cosigners.nodes;
  return (
    <article className="attribution" aria-labelledby={`attribution-${a.id}`}>
      <p className="when">
        <PartialDateText date={a.issuedAt} />
        <span className="badge">{enumLabel(a.kind)}</span>
      </p>
      <h3 id={`attribution-${a.id}`}>
        <Link to={paths.government(statement.issuer.id)}>{statement.issuer.name}</Link>
        {" blames "}
        <Accused state={state} agency={a.agency} actor={actor} />
        {showIncident && incident && (
          <>
            {" for "}
            <Link to={paths.incident(incident.id)}>{incident.name}</Link>
          </>
        )}
      </h3>
      {(gist.confidenceWording || gist.confidenceLevel) && (
        <p className="confidence">
          Confidence:{" "}
          {gist.confidenceWording && <q className="wording">{gist.confidenceWording}</q>}
          {gist.confidenceLevel && (
            <span className={`level level-${gist.confidenceLevel.toLowerCase()}`}>
              {confidenceText(gist.confidenceLevel, gist.confidenceScore)}
            </span>
          )}
        </p>
      )}
      <p className="statement">
        In{" "}
        {statement.url ? (
          <a href={statement.url} rel="noreferrer">
            {statement.title ?? enumLabel(statement.kind)}
          </a>
        ) : (
          <cite>{statement.title ?? enumLabel(statement.kind)}</cite>
        )}{" "}
        <span className="muted">({enumLabel(statement.kind)})</span>
        {statement.speaker && (
          <>
            {", by "}
            <strong>{statement.speaker.name}</strong>
            {role && `, ${role.title}`}
          </>
        )}
        {statement.agency && <>, {statement.agency.name}</>}
      </p>
      {cosigners.length > 0 && (
        <p className="cosigners">
          Joined by <LinkList records={cosigners} to={paths.government} />
        </p>
      )}
      {statement.quotes.map((quote, index) => (
        <QuoteBlock key={index} quote={quote} statementLanguage={statement.language} />
      ))}
      <Sources sources={statement.sources} />
    </article>
  );
}

interface Named {
  id: string;
  name: string;
}

/** "China (Ministry of State Security) and APT40": the state, its agency, the actor. */
function Accused({
  state,
  agency,
  actor,
}: {
  state?: Named | null;
  agency?: Named | null;
  actor?: Named | null;
}) {
  const stateOrAgency = state ? (
    <>
      <Link to={paths.government(state.id)}>{state.name}</Link>
      {agency && ` (${agency.name})`}
    </>
  ) : (
    agency?.name
  );
  const actorLink = actor && <Link to={paths.threatActor(actor.id)}>{actor.name}</Link>;
  if (!stateOrAgency && !actorLink) return <span className="muted">an unnamed party</span>;
  return (
    <>
      {stateOrAgency}
      {stateOrAgency && actorLink && " and "}
      {actorLink}
    </>
  );
}
