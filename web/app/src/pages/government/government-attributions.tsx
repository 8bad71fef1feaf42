import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { LoadMore } from "../../components/load-more";
import { PartialDateText } from "../../components/partial-date-text";
import { QueryError } from "../../components/query-state";
import { getFragmentData, graphql } from "../../gql";
import type { AttributionRowFieldsFragment } from "../../gql/graphql";
import { confidenceText } from "../../lib/labels";
import { paths } from "../../lib/paths";
import { yearOf } from "../../lib/partial-date";
import { usePageCursor } from "../../lib/use-page-cursor";

const AttributionRowFields = graphql(`
  fragment AttributionRowFields on Attribution {
    id
    confidenceWording
    confidenceLevel
    confidenceScore
    issuedAt {
      value
      precision
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
      hasNextPage
      endCursor
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
  const [after, setAfter] = usePageCursor(`${governmentId}:${direction}`);
  const [{ data, fetching, error }] = useQuery({
    query: GovernmentAttributionsQuery,
    variables: { id: governmentId, after, made: direction === "made" },
  });
  const connection = getFragmentData(
    AttributionRowPage,
    direction === "made" ? data?.government?.made : data?.government?.received,
  );
  const rows = getFragmentData(AttributionRowFields, connection?.nodes ?? []);
  const years = [...new Set(rows.map((row) => yearOf(row.issuedAt.value)))];
  const headingId = `attributions-${direction}`;
  return (
    <section aria-labelledby={headingId} className="block">
      <h2 id={headingId}>
        {direction === "made" ? "Attributions made" : "Attributions received"}{" "}
        {connection && <span className="count">{connection.totalCount}</span>}
      </h2>
      {error && <QueryError error={error} />}
      {connection?.totalCount === 0 && <p className="muted">None on record.</p>}
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
      <LoadMore
        what="attributions"
        connection={connection}
        fetching={fetching}
        onLoadMore={setAfter}
      />
    </section>
  );
}

function AttributionRow({
  row,
  direction,
}: {
  row: AttributionRowFieldsFragment;
  direction: "made" | "received";
}) {
  const counterpart =
    direction === "made" ? (
      <>
        blamed {row.state && <Link to={paths.government(row.state.id)}>{row.state.name}</Link>}
        {row.state && row.actor && " and "}
        {row.actor && <Link to={paths.threatActor(row.actor.id)}>{row.actor.name}</Link>}
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
      {row.incident && (
        <>
          {" for "}
          <Link to={paths.incident(row.incident.id)}>{row.incident.name}</Link>
        </>
      )}
      {row.confidenceWording && (
        <>
          {" "}
          · <q>{row.confidenceWording}</q>
        </>
      )}
      {row.confidenceLevel && (
        <span className="badge">{confidenceText(row.confidenceLevel, row.confidenceScore)}</span>
      )}
    </li>
  );
}
