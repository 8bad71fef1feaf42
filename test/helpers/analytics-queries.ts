/** The analytics queries of test/e2e/services/analytics.test.ts. */

export const DELAYS = /* GraphQL */ `
  query Delays($groupBy: DelayGrouping!) {
    analytics {
      attributionDelays(groupBy: $groupBy, first: 100) {
        nodes {
          ...Figures
        }
      }
      legalActionDelays(groupBy: $groupBy, first: 100) {
        nodes {
          ...Figures
        }
      }
    }
  }
  fragment Figures on DelayStatistics {
    government {
      id
      name
    }
    year
    count
    undatedIncidents
    medianDays
    minDays
    maxDays
  }
`;

export const INCIDENT_DELAYS = /* GraphQL */ `
  query IncidentDelays($ids: [ID!]!, $first: Int!) {
    incidents(filter: { ids: $ids }, first: $first) {
      nodes {
        id
        timeToFirstAttribution {
          id
          days
          minDays
          maxDays
          precision
          anchor
          anchorDate {
            value
          }
          eventDate {
            value
          }
          statement {
            id
          }
        }
        timeToFirstLegalAction {
          days
          minDays
          maxDays
          precision
          anchor
          anchorDate {
            value
          }
          eventDate {
            value
          }
          eventDateKind
          legalAction {
            id
          }
        }
      }
    }
  }
`;

export const COUNTS = /* GraphQL */ `
  query Counts($groupBy: AttributionCountGrouping!) {
    analytics {
      attributionsPerYear(groupBy: $groupBy, first: 100) {
        nodes {
          year
          government {
            id
          }
          attributions
          statements
          incidents
        }
      }
      jointAttributions(first: 100) {
        totalCount
        nodes {
          id
          government {
            id
          }
          partner {
            id
          }
          incidents
          sharedStatements
        }
      }
    }
  }
`;

export const PARTNERS = /* GraphQL */ `
  query Partners($id: ID!) {
    government(id: $id) {
      jointAttributionPartners(first: 100) {
        nodes {
          partner {
            id
          }
          incidents
          sharedStatements
        }
      }
    }
  }
`;
