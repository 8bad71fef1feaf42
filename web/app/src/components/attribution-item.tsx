import { Link } from "react-router-dom";
import { type FragmentType, getFragmentData, graphql } from "../gql";
import { confidenceText, enumLabel } from "../lib/labels";
import { paths } from "../lib/paths";
import { roleOn } from "../lib/roles";
import { PartialDateText } from "./partial-date-text";
import { QuoteBlock } from "./quote-block";
import { Sources } from "./sources";

export const AttributionFields = graphql(`
  fragment AttributionFields on Attribution {
    id
    kind
    confidenceWording
    confidenceLevel
    confidenceScore
    issuedAt {
      value
      precision
      start
    }
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
        <Accused state={a.state} agency={a.agency} actor={a.actor} />
        {showIncident && a.incident && (
          <>
            {" for "}
            <Link to={paths.incident(a.incident.id)}>{a.incident.name}</Link>
          </>
        )}
      </h3>
      {(a.confidenceWording || a.confidenceLevel) && (
        <p className="confidence">
          Confidence: {a.confidenceWording && <q className="wording">{a.confidenceWording}</q>}
          {a.confidenceLevel && (
            <span className={`level level-${a.confidenceLevel.toLowerCase()}`}>
              {confidenceText(a.confidenceLevel, a.confidenceScore)}
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
          Joined by{" "}
          {cosigners.map((government, index) => (
            <span key={government.id}>
              {index > 0 && ", "}
              <Link to={paths.government(government.id)}>{government.name}</Link>
            </span>
          ))}
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
