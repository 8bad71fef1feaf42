/**
 * Relay fragments over the API schema, compiled by relay-compiler in test/e2e/schema/client-tooling.test.ts:
 * every entity type can be refetched through `node(id:)` (@refetchable), and an entity's list
 * is a Relay connection (@connection). relay-compiler only reads the tagged templates.
 */
const graphql = (strings: TemplateStringsArray) => strings.join("");

export const government = graphql`
  fragment Entities_government on Government
  @refetchable(queryName: "EntitiesGovernmentRefetchQuery") {
    id
    name
    kind
  }
`;

export const agency = graphql`
  fragment Entities_agency on Agency @refetchable(queryName: "EntitiesAgencyRefetchQuery") {
    id
    name
    acronym
  }
`;

export const official = graphql`
  fragment Entities_official on Official @refetchable(queryName: "EntitiesOfficialRefetchQuery") {
    id
    name
  }
`;

export const statement = graphql`
  fragment Entities_statement on Statement
  @refetchable(queryName: "EntitiesStatementRefetchQuery") {
    id
    title
    issuedAt {
      value
    }
  }
`;

export const attribution = graphql`
  fragment Entities_attribution on Attribution
  @refetchable(queryName: "EntitiesAttributionRefetchQuery") {
    id
    kind
    confidenceLevel
  }
`;

export const incident = graphql`
  fragment Entities_incident on Incident @refetchable(queryName: "EntitiesIncidentRefetchQuery") {
    id
    name
    aliases
  }
`;

export const threatActor = graphql`
  fragment Entities_threatActor on ThreatActor
  @refetchable(queryName: "EntitiesThreatActorRefetchQuery") {
    id
    name
    aliases {
      name
      namedBy
    }
  }
`;

export const legalAction = graphql`
  fragment Entities_legalAction on LegalAction
  @refetchable(queryName: "EntitiesLegalActionRefetchQuery") {
    id
    title
    kind
  }
`;

export const governmentStatements = graphql`
  fragment Entities_governmentStatements on Government
  @refetchable(queryName: "EntitiesGovernmentStatementsPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) {
    statements(first: $count, after: $cursor) @connection(key: "Entities_statements") {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`;

export const incidentAttributions = graphql`
  fragment Entities_incidentAttributions on Incident
  @refetchable(queryName: "EntitiesIncidentAttributionsPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) {
    attributions(first: $count, after: $cursor) @connection(key: "Entities_attributions") {
      edges {
        node {
          id
          confidenceWording
        }
      }
    }
  }
`;
