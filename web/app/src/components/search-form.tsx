import { useId, useState } from "react";
import { useNavigate } from "react-router-dom";
import { paths } from "../lib/paths";

/** One box over statements (English and French), incidents, actors and legal actions. */
export function SearchForm({
  compact = false,
  initial = "",
  onSearch,
}: {
  compact?: boolean;
  initial?: string;
  onSearch?: (text: string) => void;
}) {
  const [text, setText] = useState(initial);
  const navigate = useNavigate();
  const id = useId();
  return (
    <form
      role="search"
      className={compact ? "search-form compact" : "search-form"}
      onSubmit={(event) => {
        event.preventDefault();
        const query = text.trim();
        if (onSearch) onSearch(query);
        else navigate(paths.search(query));
      }}
    >
      <label htmlFor={id} className={compact ? "visually-hidden" : undefined}>
        Search statements, incidents, threat actors and legal actions
      </label>
      <div className="search-row">
        <input
          id={id}
          type="search"
          name="q"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={compact ? "Search" : "piratage, Leviathan, ProxyLogon, indictment…"}
          maxLength={200}
          autoComplete="off"
        />
        <button type="submit">Search</button>
      </div>
    </form>
  );
}
