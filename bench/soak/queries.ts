/** What the soak sends besides the four cross-source stories: lists, searches, writes. */

export const SEARCH_TEXTS = [
  "piratage",
  "hacking",
  "ransomware",
  "espionage",
  "indictment",
  "sanctions",
];
export const ACTOR_SEARCHES = ["leviathan", "bronze mohawk", "lazarus", "sandworm", "fancy bear"];

export const STATEMENT_LIST = /* GraphQL */ `
  query SoakStatementList($first: Int) {
    statements(first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        issuedAt {
          value
        }
        issuer {
          id
          name
        }
      }
    }
  }
`;

export const INCIDENT_LIST = /* GraphQL */ `
  query SoakIncidentList {
    incidents(first: 20) {
      nodes {
        id
        name
        suspectedActors {
          nodes {
            id
            name
          }
        }
      }
    }
    legalActions(first: 20) {
      nodes {
        id
        title
        kind
      }
    }
  }
`;

export const ACTOR_SEARCH = /* GraphQL */ `
  query SoakActorSearch($text: String!) {
    threatActors(filter: { text: $text }, first: 10) {
      nodes {
        id
        name
        sponsorState {
          id
          name
        }
      }
    }
  }
`;

export const STATEMENT_READ = /* GraphQL */ `
  query SoakStatement($id: ID!) {
    statement(id: $id) {
      id
      title
      attributions {
        nodes {
          id
          incident {
            id
            name
          }
        }
      }
    }
  }
`;

export const VERIFY = /* GraphQL */ `
  query SoakVerify($ids: [ID!], $first: Int) {
    statements(filter: { ids: $ids }, first: $first) {
      nodes {
        id
        title
        attributions {
          nodes {
            id
            incident {
              id
            }
          }
        }
      }
    }
  }
`;

export const UPSERT_STATEMENT = /* GraphQL */ `
  mutation SoakUpsert($input: StatementInput!, $sources: [SourceInput!]) {
    upsertStatement(input: $input, sources: $sources) {
      action
      statement {
        id
      }
      problems {
        code
        message
      }
    }
  }
`;

export const SOURCES = [
  {
    key: "soak-source",
    url: "https://example.org/soak",
    title: "Soak test",
    publisher: "attribution-graph soak test",
    language: "en",
  },
];
