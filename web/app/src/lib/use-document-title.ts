import { useEffect } from "react";

/** Names the page in the tab and for screen readers announcing the navigation. */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · attribution-graph` : "attribution-graph";
  }, [title]);
}
