import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { BarChartFigure } from "../../components/bar-chart-figure";
import { Block } from "../../components/block";
import { QueryStatus } from "../../components/query-state";
import { graphql } from "../../gql";
import { paths } from "../../lib/paths";

const JointAttributionsQuery = graphql(`
  query JointAttributions {
    analytics {
      id
      jointAttributions(first: 100) {
        totalCount
        nodes {
          id
          government {
            id
            name
          }
          partner {
            id
            name
          }
          incidents
          sharedStatements
        }
      }
    }
  }
`);

/** The cosigner network: pairs of governments that blamed the same incident on the same day. */
export function JointAttributions() {
  const [{ data, fetching, error }] = useQuery({ query: JointAttributionsQuery });
  const pairs = data?.analytics.jointAttributions;
  return (
    <Block id="joint-title" title="Who attributes together">
      <p className="muted">
        Two governments attribute together when both issued or cosigned an attributing statement on
        the same incident on the same day, in one statement or in separate ones.
      </p>
      <QueryStatus error={error} loading={!pairs && fetching} what="joint attributions" />
      {pairs && (
        <div className="charts">
          <BarChartFigure
            title="Incidents attributed together, by pair of governments"
            labelName="Pair"
            data={pairs.nodes.slice(0, 15).map((p) => ({
              label: `${p.government.name} + ${p.partner.name}`,
              incidents: p.incidents,
              shared: p.sharedStatements,
            }))}
            series={[
              { key: "incidents", name: "Incidents" },
              { key: "shared", name: "Statements both signed", plotted: false },
            ]}
            horizontal
          />
          <div className="chart">
            <h3>Every pair ({pairs.totalCount})</h3>
            <ul className="pairs">
              {pairs.nodes.map((p) => (
                <li key={p.id}>
                  <Link to={paths.government(p.government.id)}>{p.government.name}</Link> and{" "}
                  <Link to={paths.government(p.partner.id)}>{p.partner.name}</Link>: {p.incidents}{" "}
                  {p.incidents === 1 ? "incident" : "incidents"}
                  {p.sharedStatements > 0 &&
                    `, ${p.sharedStatements} ${p.sharedStatements === 1 ? "statement" : "statements"} signed together`}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </Block>
  );
}
