import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { type FragmentType, getFragmentData, graphql } from "../gql";
import { paths } from "../lib/paths";
import { PartialDateText } from "./partial-date-text";

/** A statement as a list shows it: the actor page's statements and the search results. */
export const StatementSummaryFields = graphql(`
  fragment StatementSummaryFields on Statement {
    id
    title
    language
    issuedAt {
      value
      precision
    }
    issuer {
      id
      name
    }
    speaker {
      id
      name
    }
    quotes {
      ...QuoteFields
    }
  }
`);

/** The statement's title, then its date, issuer and speaker (and `children` after them). */
export function StatementHeading({
  statement,
  children,
}: {
  statement: FragmentType<typeof StatementSummaryFields>;
  children?: ReactNode;
}) {
  const { title, issuedAt, issuer, speaker } = getFragmentData(StatementSummaryFields, statement);
  return (
    <>
      <h3>{title ?? "Untitled statement"}</h3>
      <p className="muted">
        <PartialDateText date={issuedAt} /> ·{" "}
        <Link to={paths.government(issuer.id)}>{issuer.name}</Link>
        {speaker && <> · {speaker.name}</>}
        {children}
      </p>
    </>
  );
}
