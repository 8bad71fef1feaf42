import { Link } from "react-router-dom";
import { useQuery } from "urql";
import {
  AttributionDelayFields,
  DelayText,
  LegalActionDelayFields,
} from "../../components/delay-text";
import { LoadMore } from "../../components/load-more";
import { Loading, QueryError } from "../../components/query-state";
import { getFragmentData, graphql } from "../../gql";
import { paths } from "../../lib/paths";
import { usePageCursor } from "../../lib/use-page-cursor";

// Oldest first: the home page pages through the same connection latest first.
const IncidentDelaysQuery = graphql(`
  query IncidentDelays($after: String) {
    incidents(first: 20, after: $after, orderBy: { field: OCCURRED_AT, direction: ASC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
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
  const [after, setAfter] = usePageCursor("incident-delays");
  const [{ data, fetching, error }] = useQuery({
    query: IncidentDelaysQuery,
    variables: { after },
  });
  const incidents = data?.incidents;
  return (
    <section aria-labelledby="incident-delays-title" className="block">
      <h2 id="incident-delays-title">Incident by incident</h2>
      {error && <QueryError error={error} />}
      {!incidents && fetching && <Loading what="incidents" />}
      {incidents && (
        <>
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
          <LoadMore
            what="incidents"
            connection={incidents}
            fetching={fetching}
            onLoadMore={setAfter}
          />
        </>
      )}
    </section>
  );
}
