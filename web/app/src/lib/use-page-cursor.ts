import { useCallback, useState } from "react";

/**
 * The `after` cursor of a paged list, back to the first page whenever `listKey` (the record or
 * search text the list belongs to) changes.
 */
export function usePageCursor(listKey: string) {
  const [state, setState] = useState<{ listKey: string; after: string | null }>({
    listKey,
    after: null,
  });
  const after = state.listKey === listKey ? state.after : null;
  const setAfter = useCallback((cursor: string) => setState({ listKey, after: cursor }), [listKey]);
  return [after, setAfter] as const;
}
