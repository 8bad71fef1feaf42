import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { type FragmentType, getFragmentData, graphql } from "../gql";
import { enumLabel } from "../lib/labels";
import { paths } from "../lib/paths";
import { PartialDateText } from "./partial-date-text";

/** An incident in a list: its name, kind and when it was first observed. */
export const IncidentLineFields = graphql(`
  fragment IncidentLineFields on Incident {
    id
    name
    kind
    firstObserved {
      value
      precision
    }
  }
`);

/** A page of incidents as the actor page and the home page list them (one query shape). */
export const IncidentLinePage = graphql(`
  fragment IncidentLinePage on IncidentConnection {
    totalCount
    pageInfo {
      ...PageFields
    }
    nodes {
      ...IncidentLineFields
    }
  }
`);

type Incident = FragmentType<typeof IncidentLineFields>;

/** "July 2021 · espionage": when it was first observed and its kind. */
export function IncidentWhenKind({ incident }: { incident: Incident }) {
  const { firstObserved, kind } = getFragmentData(IncidentLineFields, incident);
  return (
    <>
      <PartialDateText date={firstObserved} /> · {enumLabel(kind)}
    </>
  );
}

/** The incident's name as a heading linking to its page, then when and what (and `children`). */
export function IncidentHeading({
  incident,
  children,
}: {
  incident: Incident;
  children?: ReactNode;
}) {
  const { id, name } = getFragmentData(IncidentLineFields, incident);
  return (
    <>
      <h3>
        <Link to={paths.incident(id)}>{name}</Link>
      </h3>
      <p className="muted">
        <IncidentWhenKind incident={incident} />
        {children}
      </p>
    </>
  );
}
