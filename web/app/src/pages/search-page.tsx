import { useSearchParams } from "react-router-dom";
import { SearchForm } from "../components/search-form";
import { useDocumentTitle } from "../lib/use-document-title";
import { ActorResults } from "./search/actor-results";
import { IncidentResults } from "./search/incident-results";
import { LegalActionResults } from "./search/legal-action-results";
import { StatementResults } from "./search/statement-results";

/** One box, four groups of results, each paged on its own. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const text = params.get("q")?.trim() ?? "";
  useDocumentTitle(text ? `Search: ${text}` : "Search");
  return (
    <>
      <h1>Search</h1>
      <SearchForm
        key={text}
        initial={text}
        onSearch={(query) => setParams(query ? { q: query } : {})}
      />
      {text ? (
        <div className="result-groups">
          <StatementResults text={text} />
          <IncidentResults text={text} />
          <ActorResults text={text} />
          <LegalActionResults text={text} />
        </div>
      ) : (
        <p className="muted">
          Statements are searched in English and French (stems and accents ignored: “piratage”,
          “ecosysteme”); incidents, actors and legal actions by name and any alias (“Leviathan”,
          “ProxyLogon”).
        </p>
      )}
    </>
  );
}
