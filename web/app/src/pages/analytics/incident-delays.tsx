import { Link } from "react-router-dom";
import {
  AttributionDelayFields,
  DelayText,
  LegalActionDelayFields,
} from "../../components/delay-text";
import { getFragmentData, graphql } from "../../gql";
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
  const incidents = page.data?.incidents;
  return (
    <ListSection
      id="incident-delays-title"
      title="Incident by incident"
      what="incidents"
      empty={null}
      loading
      page={page}
      connection={incidents}
    >
      {incidents && (
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
                <tr key={incident.id}>
                  <th scope="row">
                    <Link to={paths.incident(incident.id)}>{incident.name}</Link>
                  </th>
                  {!incident.firstObserved && !incident.disclosed ? (
                    <td colSpan={2} className="muted" data-label="Delays">
                      Neither first observed nor disclosed on record: not measured
                    </td>
                  ) : (
                    <>
                      <td data-label="First attribution">
                        <DelayText
                          delay={getFragmentData(
                            AttributionDelayFields,
                            incident.timeToFirstAttribution,
                          )}
                        />
                      </td>
                      <td data-label="First legal action">
                        <DelayText
                          delay={getFragmentData(
                            LegalActionDelayFields,
                            incident.timeToFirstLegalAction,
                          )}
                        />
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ListSection>
  );
}
