/** The four cross-source queries of DESIGN.md, as the README shows them. */

export const INCIDENT_STORY = /* GraphQL */ `
  query IncidentStory($id: ID!) {
    incident(id: $id) {
      id
      name
      aliases
      firstObserved {
        value
        precision
      }
      suspectedActors {
        nodes {
          id
          name
          sponsorState {
            id
            name
          }
        }
      }
      attributions(first: 100) {
        totalCount
        nodes {
          id
          kind
          confidenceWording
          confidenceLevel
          confidenceScore
          state {
            id
            name
          }
          agency {
            id
            name
          }
          actor {
            id
            name
          }
          statement {
            id
            issuedAt {
              value
              precision
            }
            issuer {
              id
              name
            }
            cosigners {
              nodes {
                id
                name
              }
            }
            speaker {
              id
              name
            }
            quotes {
              text
              language
              translations {
                language
                text
              }
            }
          }
        }
      }
      legalActions {
        nodes {
          id
          title
          charges {
            description
            counts
          }
          defendants {
            name
            status
            nationality {
              id
              name
            }
          }
        }
      }
    }
  }
`;

export const GOVERNMENT_STORY = /* GraphQL */ `
  query GovernmentStory($id: ID!) {
    government(id: $id) {
      id
      name
      sponsoredActors(first: 100) {
        nodes {
          id
          name
        }
      }
      attributionsReceived(first: 100) {
        totalCount
        nodes {
          id
          issuedAt {
            value
          }
          attributedBy {
            nodes {
              id
              name
            }
          }
          incident {
            id
            name
          }
          actor {
            id
          }
        }
      }
      nationalsCharged(first: 100) {
        nodes {
          name
          legalAction {
            id
            title
          }
        }
      }
    }
  }
`;

export const ACTOR_STORY = /* GraphQL */ `
  query ActorStory($id: ID!) {
    threatActor(id: $id) {
      id
      name
      aliases {
        name
        namedBy
      }
      sponsorState {
        id
        name
      }
      incidents(first: 100) {
        nodes {
          id
          name
        }
      }
      statements(first: 100) {
        nodes {
          id
          issuedAt {
            value
          }
          issuer {
            id
          }
        }
      }
      legalActions(first: 100) {
        nodes {
          id
          kind
          defendants {
            name
            nationality {
              id
            }
          }
          charges {
            description
          }
        }
      }
    }
  }
`;

export const SEARCH_STORY = /* GraphQL */ `
  query SearchStory($text: String!, $first: Int) {
    statements(filter: { text: $text }, first: $first) {
      totalCount
      nodes {
        id
        language
        issuer {
          id
        }
        quotes {
          text
          language
          translations {
            language
            text
          }
        }
        incidents(first: 5) {
          nodes {
            id
            name
            legalActions(first: 5) {
              nodes {
                id
                title
                defendants {
                  name
                }
              }
            }
          }
        }
      }
    }
  }
`;
