import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { Loading, QueryError } from "../components/query-state";
import { SearchForm } from "../components/search-form";
import { graphql } from "../gql";
import { FEATURED_INCIDENT_ID, paths } from "../lib/paths";
import { useDocumentTitle } from "../lib/use-document-title";
import { LatestIncidents } from "./latest-incidents";

const FeaturedStory = graphql(`
  query FeaturedStory($id: ID!) {
    incident(id: $id) {
      id
      name
      aliases
      summary
      attributions(first: 20, orderBy: { field: ISSUED_AT, direction: ASC }) {
        totalCount
        nodes {
          id
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
      }
      legalActions(first: 10) {
        nodes {
          id
          defendants {
            name
          }
        }
      }
    }
  }
`);

export function HomePage() {
  useDocumentTitle(null);
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">Who blamed whom for which cyber operation?</h1>
        <p className="lead">
          Official attributions of state-linked cyber operations: the governments that spoke, their
          exact words and confidence, the actors they named, and the indictments and sanctions that
          followed. Every record cites its sources.
        </p>
        <SearchForm />
      </section>
      <Featured />
      <LatestIncidents />
    </>
  );
}

function Featured() {
  const [{ data, fetching, error }] = useQuery({
    query: FeaturedStory,
    variables: { id: FEATURED_INCIDENT_ID },
  });
  const incident = data?.incident;
  if (fetching && !incident) return <Loading what="the featured story" />;
  if (error && !incident) return <QueryError error={error} />;
  if (!incident) return null;
  const accusers = [
    ...new Map(
      (incident.attributions?.nodes ?? []).map((a) => [
        a.statement.issuer.id,
        a.statement.issuer.name,
      ]),
    ).values(),
  ];
  const accused = [
    ...new Set((incident.attributions?.nodes ?? []).flatMap((a) => a.state?.name ?? [])),
  ];
  const defendants = (incident.legalActions?.nodes ?? []).flatMap((l) => l.defendants);
  return (
    <section className="featured card" aria-labelledby="featured-title">
      <p className="eyebrow">The story this dataset starts from · July 2021</p>
      <h2 id="featured-title">
        <Link to={paths.incident(incident.id)}>{incident.name}</Link>
      </h2>
      {incident.aliases.length > 0 && (
        <p className="muted">Also known as {incident.aliases.join(", ")}</p>
      )}
      <p>
        {accusers.length > 0 && (
          <>
            <strong>{accusers.join(", ")}</strong> blame <strong>{accused.join(", ")}</strong>.{" "}
          </>
        )}
        {defendants.length > 0 &&
          `${defendants.length} nationals indicted: ${defendants.map((d) => d.name).join(", ")}.`}
      </p>
      <p>
        <Link className="button" to={paths.incident(incident.id)}>
          Read who said what, in which words
        </Link>
      </p>
    </section>
  );
}
