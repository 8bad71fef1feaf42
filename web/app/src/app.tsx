import { Suspense, lazy } from "react";
import { Route, Routes } from "react-router-dom";
import { Layout } from "./components/layout";
import { Loading } from "./components/query-state";
import { GovernmentPage } from "./pages/government-page";
import { HomePage } from "./pages/home-page";
import { IncidentPage } from "./pages/incident-page";
import { LegalActionPage } from "./pages/legal-action-page";
import { NotFoundPage } from "./pages/not-found-page";
import { PersonPage } from "./pages/person-page";
import { SearchPage } from "./pages/search-page";
import { ThreatActorPage } from "./pages/threat-actor-page";

// The charts library is loaded with the analytics page only.
const AnalyticsPage = lazy(() =>
  import("./pages/analytics-page").then((module) => ({ default: module.AnalyticsPage })),
);

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="incidents/:id" element={<IncidentPage />} />
        <Route path="actors/:id" element={<ThreatActorPage />} />
        <Route path="governments/:id" element={<GovernmentPage />} />
        <Route path="legal-actions/:id" element={<LegalActionPage />} />
        <Route path="persons/:id" element={<PersonPage />} />
        <Route
          path="analytics"
          element={
            <Suspense fallback={<Loading what="charts" />}>
              <AnalyticsPage />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
