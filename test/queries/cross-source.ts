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
        id
        name
        sponsorState {
          id
          name
        }
      }
      attributions {
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
            id
            name
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
      legalActions {
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
`;

export const GOVERNMENT_STORY = /* GraphQL */ `
  query GovernmentStory($id: ID!) {
    government(id: $id) {
      id
      name
      sponsoredActors {
        id
        name
      }
      attributionsReceived {
        id
        issuedAt {
          value
        }
        attributedBy {
          id
          name
        }
        incident {
          id
          name
        }
        actor {
          id
        }
      }
      nationalsCharged {
        name
        legalAction {
          id
          title
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
      incidents {
        id
        name
      }
      statements {
        id
        issuedAt {
          value
        }
        issuer {
          id
        }
      }
      legalActions {
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
        incidents {
          id
          name
          legalActions {
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
`;
