/** Where each kind of record lives in the app (relative to its base, /app/). */
export const paths = {
  home: () => "/",
  search: (text?: string) => (text ? `/search?q=${encodeURIComponent(text)}` : "/search"),
  incident: (id: string) => `/incidents/${encodeURIComponent(id)}`,
  threatActor: (id: string) => `/actors/${encodeURIComponent(id)}`,
  government: (id: string) => `/governments/${encodeURIComponent(id)}`,
  legalAction: (id: string) => `/legal-actions/${encodeURIComponent(id)}`,
  person: (id: string) => `/persons/${encodeURIComponent(id)}`,
  analytics: () => "/analytics",
};

/** The seed's story: the July 2021 attribution of the Microsoft Exchange hack. */
export const FEATURED_INCIDENT_ID = "microsoft-exchange-2021";
