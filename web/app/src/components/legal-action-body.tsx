import { Link } from "react-router-dom";
import { type FragmentType, getFragmentData, graphql } from "../gql";
import type { LegalActionFieldsFragment } from "../gql/graphql";
import { enumLabel } from "../lib/labels";
import { formatPeriod } from "../lib/partial-date";
import { paths } from "../lib/paths";
import { DefendantName, DefendantTies } from "./defendant";
import { DateFact, Fact } from "./fact";
import { Sources } from "./sources";

export const LegalActionFields = graphql(`
  fragment LegalActionFields on LegalAction {
    id
    kind
    title
    summary
    status
    court
    caseNumber
    filed {
      value
      precision
    }
    unsealed {
      value
      precision
    }
    announced {
      value
      precision
    }
    conductFrom {
      value
      precision
    }
    conductTo {
      value
      precision
    }
    jurisdiction {
      id
      name
    }
    authority {
      id
      name
    }
    charges {
      statute
      description
      counts
      maximumPenalty
    }
    defendants {
      name
      kind
      person {
        id
      }
      employer
      status
      nationality {
        id
        name
      }
      affiliatedActor {
        id
        name
      }
    }
    sanctions {
      regime
      measures
    }
    sources {
      ...SourceFields
    }
  }
`);

/**
 * What the law did: court and dates, the conduct period, charges and defendants, sanctions and
 * sources. `titleAs` is the heading level it sits at (h1 on its own page, h3 inside another).
 */
export function LegalActionBody({
  legalAction,
  titleAs: Title = "h3",
  linkTitle = true,
}: {
  legalAction: FragmentType<typeof LegalActionFields>;
  titleAs?: "h1" | "h3";
  linkTitle?: boolean;
}) {
  const action = getFragmentData(LegalActionFields, legalAction);
  const conduct = formatPeriod(action.conductFrom, action.conductTo);
  const Sub = Title === "h1" ? "h2" : "h4";
  return (
    <article className="legal-action" aria-labelledby={`legal-${action.id}`}>
      <Title id={`legal-${action.id}`}>
        {linkTitle ? <Link to={paths.legalAction(action.id)}>{action.title}</Link> : action.title}
      </Title>
      <p className="meta">
        <span className="badge">{enumLabel(action.kind)}</span>
        <span className="badge">{enumLabel(action.status)}</span>
        <Link to={paths.government(action.jurisdiction.id)}>{action.jurisdiction.name}</Link>
        {action.authority && <> · {action.authority.name}</>}
      </p>
      <dl className="facts">
        {action.court && <Fact term="Court">{action.court}</Fact>}
        {action.caseNumber && <Fact term="Case number">{action.caseNumber}</Fact>}
        <DateFact term="Filed" date={action.filed} />
        <DateFact term="Unsealed" date={action.unsealed} />
        <DateFact term="Announced" date={action.announced} />
        {conduct && <Fact term="Conduct period">{conduct}</Fact>}
      </dl>
      {action.summary && <p>{action.summary}</p>}
      <Charges charges={action.charges} Heading={Sub} />
      <Defendants defendants={action.defendants} Heading={Sub} />
      {action.sanctions && (
        <>
          <Sub>Sanctions: {action.sanctions.regime}</Sub>
          <ul>
            {action.sanctions.measures.map((measure) => (
              <li key={measure}>{measure}</li>
            ))}
          </ul>
        </>
      )}
      <Sources sources={action.sources} />
    </article>
  );
}

type Action = LegalActionFieldsFragment;
type Heading = "h2" | "h4";

function Charges({ charges, Heading }: { charges: Action["charges"]; Heading: Heading }) {
  if (charges.length === 0) return null;
  return (
    <>
      <Heading>Charges</Heading>
      <ul className="charges">
        {charges.map((charge, index) => (
          <li key={index}>
            {charge.description}
            {charge.statute && <span className="muted"> ({charge.statute})</span>}
            {charge.counts !== null && charge.counts !== undefined && (
              <> · {charge.counts === 1 ? "1 count" : `${charge.counts} counts`}</>
            )}
            {charge.maximumPenalty && <> · up to {charge.maximumPenalty}</>}
          </li>
        ))}
      </ul>
    </>
  );
}

function Defendants({
  defendants,
  Heading,
}: {
  defendants: Action["defendants"];
  Heading: Heading;
}) {
  if (defendants.length === 0) return null;
  return (
    <>
      <Heading>Defendants</Heading>
      <ul className="defendants">
        {defendants.map((defendant) => (
          <li key={defendant.name}>
            <strong className="defendant-name">
              <DefendantName name={defendant.name} person={defendant.person} />
            </strong>
            {defendant.nationality && (
              <>
                {" · "}
                <Link to={paths.government(defendant.nationality.id)}>
                  {defendant.nationality.name}
                </Link>
              </>
            )}
            <DefendantTies
              employer={defendant.employer}
              affiliatedActor={defendant.affiliatedActor}
            />
            <span className="badge">{enumLabel(defendant.status)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
