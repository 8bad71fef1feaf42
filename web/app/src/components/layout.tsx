import { useEffect, useRef } from "react";
import { NavLink, Outlet, useLocation } from "react-router-dom";
import { paths } from "../lib/paths";
import { SearchForm } from "./search-form";

/** Landmarks on every page: skip link, banner with navigation and search, main, footer. */
export function Layout() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);
  useEffect(() => {
    // After a navigation, reading starts at the new page, as after a full page load.
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    main.current?.focus();
  }, [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="bar">
          <NavLink to={paths.home()} className="brand" end>
            attribution-graph
          </NavLink>
          <nav aria-label="Main">
            <ul>
              <li>
                <NavLink to={paths.home()} end>
                  Home
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.search()}>Search</NavLink>
              </li>
              <li>
                <NavLink to={paths.analytics()}>Analytics</NavLink>
              </li>
            </ul>
          </nav>
          {pathname !== paths.search() && <SearchForm compact />}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          Public attributions of state-linked cyber operations, each record with its sources. Data
          from the attribution-graph API on this server (<code>/graphql</code>).
        </p>
      </footer>
    </>
  );
}
