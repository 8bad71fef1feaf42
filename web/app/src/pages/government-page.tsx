import { Link } from "react-router-dom";
import { Sources } from "../components/sources";
import { graphql } from "../gql";
import { enumLabel } from "../lib/labels";
import { paths } from "../lib/paths";
import { GovernmentAttributions } from "./government/government-attributions";
import { NationalsCharged } from "./government/nationals-charged";
import { useRecordPage } from "./use-record-page";

const GovernmentPageQuery = graphql(`
  query GovernmentPage($id: ID!) {
    government(id: $id) {
      id
      name
      kind
      isoAlpha2
      memberOf(first: 20) {
        nodes {
          id
          name
        }
      }
      sponsoredActors(first: 50) {
        totalCount
        nodes {
          id
          name
        }
      }
      jointAttributionPartners(first: 50) {
        nodes {
          id
          partner {
            id
            name
          }
          incidents
        }
      }
      sources {
        ...SourceFields
      }
    }
  }
`);

/**
 * A government: the actors it sponsors, the governments it attributes together with, the
 * attributions it made and received over time, and its nationals charged.
 */
export function GovernmentPage() {
  const page = useRecordPage(
    GovernmentPageQuery,
    "government",
    (d) => d?.government,
    (r) => r?.name,
  );
  if (!page.record) return page.instead;
  const government = page.record;
  const memberOf = government.memberOf.nodes;
  const sponsored = government.sponsoredActors?.nodes ?? [];
  const partners = government.jointAttributionPartners.nodes;
  return (
    <article className="record" aria-labelledby="government-title">
      <header className="record-header">
        <p className="eyebrow">
          {enumLabel(government.kind)}
          {government.isoAlpha2 && ` · ${government.isoAlpha2}`}
        </p>
        <h1 id="government-title">{government.name}</h1>
        {memberOf.length > 0 && (
          <p>
            Member of{" "}
            {memberOf.map((union, index) => (
              <span key={union.id}>
                {index > 0 && ", "}
                <Link to={paths.government(union.id)}>{union.name}</Link>
              </span>
            ))}
          </p>
        )}
        <Sources sources={government.sources} />
      </header>
      {sponsored.length > 0 && (
        <section aria-labelledby="sponsored" className="block">
          <h2 id="sponsored">Actors it is said to sponsor</h2>
          <ul className="inline-list">
            {sponsored.map((actor) => (
              <li key={actor.id}>
                <Link to={paths.threatActor(actor.id)}>{actor.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {partners.length > 0 && (
        <section aria-labelledby="partners" className="block">
          <h2 id="partners">Attributes together with</h2>
          <ul className="inline-list">
            {partners.map((p) => (
              <li key={p.id}>
                <Link to={paths.government(p.partner.id)}>{p.partner.name}</Link>{" "}
                <span className="muted">
                  ({p.incidents} {p.incidents === 1 ? "incident" : "incidents"})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="two-columns">
        <GovernmentAttributions governmentId={government.id} direction="made" />
        <GovernmentAttributions governmentId={government.id} direction="received" />
      </div>
      <NationalsCharged governmentId={government.id} />
    </article>
  );
}
