import { Link } from "react-router-dom";
import { PartialDateText } from "../../components/partial-date-text";
import { AttributionGistFields } from "../../components/attribution-item";
import { getFragmentData, graphql } from "../../gql";
import type { AttributionRowFieldsFragment } from "../../gql/graphql";
import { confidenceText } from "../../lib/labels";
import { paths } from "../../lib/paths";
import { yearOf } from "../../lib/partial-date";
import { ListSection } from "../../components/list-section";
import { usePagedQuery } from "../../lib/use-paged-query";

const AttributionRowFields = graphql(`
  fragment AttributionRowFields on Attribution {
    id
    issuedAt {
      value
      precision
    }
    ...AttributionGistFields
    statement {
      id
      issuer {
        id
        name
      }
    }
  }
`);

const GovernmentAttributionsQuery = graphql(`
  query GovernmentAttributions($id: ID!, $after: String, $made: Boolean!) {
    government(id: $id) {
      id
      made: attributionsMade(first: 20, after: $after) @include(if: $made) {
        ...AttributionRowPage
      }
      received: attributionsReceived(first: 20, after: $after) @skip(if: $made) {
        ...AttributionRowPage
      }
    }
  }
`);

const AttributionRowPage = graphql(`
  fragment AttributionRowPage on AttributionConnection {
    totalCount
    pageInfo {
      ...PageFields
    }
    nodes {
      id
      ...AttributionRowFields
    }
  }
`);

/** Attributions a government made (or received), newest first, under a heading per year. */
export function GovernmentAttributions({
  governmentId,
  direction,
}: {
  governmentId: string;
  direction: "made" | "received";
}) {
  const page = usePagedQuery(`${governmentId}:${direction}`, GovernmentAttributionsQuery, {
    id: governmentId,
    made: direction === "made",
  });
  const connection = getFragmentData(
    AttributionRowPage,
    direction === "made" ? page.data?.government?.made : page.data?.government?.received,
  );
  const rows = getFragmentData(AttributionRowFields, connection?.nodes ?? []);
  const years = [...new Set(rows.map((row) => yearOf(row.issuedAt.value)))];
  return (
    <ListSection
      id={`attributions-${direction}`}
      title={direction === "made" ? "Attributions made" : "Attributions received"}
      what="attributions"
      count
      page={page}
      connection={connection}
    >
      {years.map((year) => (
        <section key={year} aria-label={String(year)} className="year">
          <h3>{year}</h3>
          <ul className="plain-list">
            {rows
              .filter((row) => yearOf(row.issuedAt.value) === year)
              .map((row) => (
                <AttributionRow key={row.id} row={row} direction={direction} />
              ))}
          </ul>
        </section>
      ))}
    </ListSection>
  );
}

function AttributionRow({
  row,
  direction,
}: {
  row: AttributionRowFieldsFragment;
  direction: "made" | "received";
}) {
  const gist = getFragmentData(AttributionGistFields, row);
  const { incident, actor, state } = gist;
  const counterpart =
    direction === "made" ? (
      <>
        blamed {state && <Link to={paths.government(state.id)}>{state.name}</Link>}
        {state && actor && " and "}
        {actor && <Link to={paths.threatActor(actor.id)}>{actor.name}</Link>}
      </>
    ) : (
      <>
        blamed by{" "}
        <Link to={paths.government(row.statement.issuer.id)}>{row.statement.issuer.name}</Link>
      </>
    );
  return (
    <li>
      <PartialDateText date={row.issuedAt} /> · {counterpart}
      {incident && (
        <>
          {" for "}
          <Link to={paths.incident(incident.id)}>{incident.name}</Link>
        </>
      )}
      {gist.confidenceWording && (
        <>
          {" "}
          · <q>{gist.confidenceWording}</q>
        </>
      )}
      {gist.confidenceLevel && (
        <span className="badge">{confidenceText(gist.confidenceLevel, gist.confidenceScore)}</span>
      )}
    </li>
  );
}
