import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { LinkList } from "../components/link-list";
import { Block } from "../components/block";
import { RecordHeader } from "../components/record-header";
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
  const page = useRecordPage(GovernmentPageQuery, "government", (d) => d?.government);
  if (!page.record) return page.instead;
  const government = page.record;
  const memberOf = government.memberOf.nodes;
  const sponsored = government.sponsoredActors?.nodes ?? [];
  const partners = government.jointAttributionPartners.nodes;
  return (
    <article className="record" aria-labelledby="government-title">
      <RecordHeader
        id="government-title"
        eyebrow={
          <>
            {enumLabel(government.kind)}
            {government.isoAlpha2 && ` · ${government.isoAlpha2}`}
          </>
        }
        title={government.name}
      >
        {memberOf.length > 0 && (
          <p>
            Member of <LinkList records={memberOf} to={paths.government} />
          </p>
        )}
        <Sources sources={government.sources} />
      </RecordHeader>
      <InlineListBlock id="sponsored" title="Actors it is said to sponsor" items={sponsored}>
        {(actor) => <Link to={paths.threatActor(actor.id)}>{actor.name}</Link>}
      </InlineListBlock>
      <InlineListBlock id="partners" title="Attributes together with" items={partners}>
        {(p) => (
          <>
            <Link to={paths.government(p.partner.id)}>{p.partner.name}</Link>{" "}
            <span className="muted">
              ({p.incidents} {p.incidents === 1 ? "incident" : "incidents"})
            </span>
          </>
        )}
      </InlineListBlock>
      <div className="two-columns">
        <GovernmentAttributions governmentId={government.id} direction="made" />
        <GovernmentAttributions governmentId={government.id} direction="received" />
      </div>
      <NationalsCharged governmentId={government.id} />
    </article>
  );
}

/** A block listing records inline, left out when there are none. */
function InlineListBlock<T extends { id: string }>({
  id,
  title,
  items,
  children,
}: {
  id: string;
  title: string;
  items: readonly T[];
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <Block id={id} title={title}>
      <ul className="inline-list">
        {items.map((item) => (
          <li key={item.id}>{children(item)}</li>
        ))}
      </ul>
    </Block>
  );
}
