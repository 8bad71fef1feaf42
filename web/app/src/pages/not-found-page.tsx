import { Link } from "react-router-dom";
import { paths } from "../lib/paths";
import { useDocumentTitle } from "../lib/use-document-title";

export function NotFoundPage({ what = "page" }: { what?: string }) {
  useDocumentTitle("Not found");
  return (
    <section aria-labelledby="not-found">
      <h1 id="not-found">No such {what}</h1>
      <p>
        Try the <Link to={paths.search()}>search</Link> or go back to the{" "}
        <Link to={paths.home()}>home page</Link>.
      </p>
    </section>
  );
}
