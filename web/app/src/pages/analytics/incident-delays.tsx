import { Link } from "react-router-dom";
import {
  AttributionDelayFields,
  DelayText,
  LegalActionDelayFields,
} from "../../components/delay-text";
import { getFragmentData, graphql } from "../../gql";
import type { IncidentDelaysQuery } from "../../gql/graphql";
import { paths } from "../../lib/paths";
import { ListSection } from "../../components/list-section";
import { usePagedQuery } from "../../lib/use-paged-query";

// Oldest first: the home page pages through the same connection latest first.
const IncidentDelaysQuery = graphql(`
  query IncidentDelays($after: String) {
    incidents(first: 20, after: $after, orderBy: { field: OCCURRED_AT, direction: ASC }) {
      totalCount
      pageInfo {
        ...PageFields
      }
      nodes {
        id
        name
        firstObserved {
          value
        }
        disclosed {
          value
        }
        timeToFirstAttribution {
          ...AttributionDelayFields
        }
        timeToFirstLegalAction {
          ...LegalActionDelayFields
        }
      }
    }
  }
`);

/** Each incident's delays, the figures the medians are made of. */
export function IncidentDelays() {
  const page = usePagedQuery("incident-delays", IncidentDelaysQuery, {});
  return (
    <ListSection
      id="incident-delays-title"
      title="Incident by incident"
      what="incidents"
      empty={null}
      loading
      page={page}
      connection={page.data?.incidents}
    >
      {(incidents) => (
        <div className="table-scroll">
          <table className="delays">
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col">First attribution</th>
                <th scope="col">First legal action</th>
              </tr>
            </thead>
            <tbody>
              {incidents.nodes.map((incident) => (
                <DelayRow key={incident.id} incident={incident} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ListSection>
  );
}

type Incident = IncidentDelaysQuery["incidents"]["nodes"][number];

/** An incident and its two delays, or why they were not measured. */
function DelayRow({ incident }: { incident: Incident }) {
  const { timeToFirstAttribution: attributed, timeToFirstLegalAction: charged } = incident;
  const delays = [
    ["First attribution", getFragmentData(AttributionDelayFields, attributed)],
    ["First legal action", getFragmentData(LegalActionDelayFields, charged)],
  ] as const;
  return (
    <tr>
      <th scope="row">
        <Link to={paths.incident(incident.id)}>{incident.name}</Link>
      </th>
      {!incident.firstObserved && !incident.disclosed ? (
        <td colSpan={2} className="muted" data-label="Delays">
          Neither first observed nor disclosed on record: not measured
        </td>
      ) : (
        delays.map(([label, delay]) => (
          <td key={label} data-label={label}>
            <DelayText delay={delay} />
          </td>
        ))
      )}
    </tr>
  );
}
