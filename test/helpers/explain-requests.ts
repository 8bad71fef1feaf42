import { type BenchIds, STATEMENT_LIST, benchCases } from "../../bench/cases";
import type { TestFederation } from "./federation";

/** The requests test/e2e/services/explain.test.ts runs through the federation, and records. */
export interface Request {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** An API key's token: a write's editor key. */
  token?: string;
}

/** Cursors of first pages, for the requests that turn pages forwards and backwards. */
const FIRST_PAGES = /* GraphQL */ `
  query FirstPages($government: ID!, $actor: ID!) {
    government(id: $government) {
      attributionsReceived(first: 10) {
        pageInfo {
          endCursor
        }
      }
      nationalsCharged(first: 10) {
        pageInfo {
          endCursor
        }
      }
    }
    threatActor(id: $actor) {
      statements(first: 2) {
        pageInfo {
          endCursor
        }
      }
    }
  }
`;

/** A page of nested connections after (`first`/`after`) or before (`last`/`before`) a cursor. */
const pagesQuery = (name: string, size: string, bound: "after" | "before") => /* GraphQL */ `
  query ${name}($government: ID!, $actor: ID!, $attributions: String, $nationals: String,
                $statements: String) {
    government(id: $government) {
      attributionsReceived(${size}, ${bound}: $attributions) {
        nodes {
          id
        }
      }
      nationalsCharged(${size}, ${bound}: $nationals) {
        nodes {
          name
        }
      }
    }
    threatActor(id: $actor) {
      statements(${size}, ${bound}: $statements) {
        nodes {
          id
        }
      }
    }
  }
`;

/** `totalCount` of nested connections: one count statement per list for all parents. */
const NESTED_COUNTS = /* GraphQL */ `
  query NestedCounts($incident: ID!, $government: ID!, $actor: ID!) {
    incident(id: $incident) {
      suspectedActors {
        totalCount
      }
      attributions {
        totalCount
      }
      statements {
        totalCount
      }
      legalActions {
        totalCount
      }
    }
    government(id: $government) {
      members {
        totalCount
      }
      agencies {
        totalCount
      }
      statements {
        totalCount
      }
      attributionsMade {
        totalCount
      }
      sponsoredActors {
        totalCount
      }
      incidentsTargeting {
        totalCount
      }
      legalActionsBrought {
        totalCount
      }
      nationalsCharged {
        totalCount
      }
    }
    threatActor(id: $actor) {
      incidents {
        totalCount
      }
      attributions {
        totalCount
      }
      statements {
        totalCount
      }
      legalActions {
        totalCount
      }
    }
    statements(filter: { governmentIds: [$government] }, first: 5) {
      nodes {
        attributions {
          totalCount
        }
      }
    }
  }
`;

const NODE = /* GraphQL */ `
  query IncidentNode($id: ID!) {
    node(id: $id) {
      globalId
      ... on Incident {
        name
      }
    }
  }
`;

/** An actor by one of its aliases, best match first, with each alias's provenance. */
const ACTOR_SEARCH = /* GraphQL */ `
  query ActorAliasSearch($text: String!) {
    threatActors(first: 10, filter: { text: $text }) {
      totalCount
      nodes {
        id
        aliases {
          name
          namedBy
          ambiguous
          sources {
            url
          }
        }
      }
    }
  }
`;

const ACTORS_FILTERED = /* GraphQL */ `
  query ActorsFiltered($filter: ThreatActorFilter!) {
    threatActors(first: 10, filter: $filter) {
      totalCount
      nodes {
        id
      }
    }
  }
`;

/** A sync client's page of changes to every kind since a time, and of deleted statements. */
const CHANGES = /* GraphQL */ `
  query Changes($since: DateTime!, $after: String) {
    statements(
      first: 50
      after: $after
      filter: { updatedSince: $since }
      orderBy: { field: UPDATED_AT, direction: ASC }
    ) {
      nodes {
        id
        recordTime {
          updatedAt
        }
      }
      pageInfo {
        endCursor
      }
    }
    attributions(first: 50, filter: { updatedSince: $since }, orderBy: { field: UPDATED_AT }) {
      nodes {
        id
      }
    }
    incidents(first: 50, filter: { updatedSince: $since }, orderBy: { field: UPDATED_AT }) {
      nodes {
        id
      }
    }
    threatActors(first: 50, filter: { updatedSince: $since }, orderBy: { field: UPDATED_AT }) {
      nodes {
        id
      }
    }
    legalActions(first: 50, filter: { updatedSince: $since }, orderBy: { field: UPDATED_AT }) {
      nodes {
        id
      }
    }
    deletedStatements(since: $since, first: 50) {
      nodes {
        globalId
      }
    }
  }
`;

/** `pageInfo.endCursor` of the connection at `path` in `data`. */
function endCursor(data: unknown, ...path: string[]): string {
  let value = data;
  for (const key of path) value = (value as Record<string, unknown>)[key];
  return (value as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
}

/** Runs `request` through the gateway and returns every statement the subgraphs ran for it. */
export async function record(federation: TestFederation, request: Request) {
  const recorded: { query: string; parameters?: unknown[] }[] = [];
  for (const subgraph of federation.subgraphs) subgraph.statements.recording = recorded;
  try {
    const answer = await federation.query(request.query, request.variables, {
      token: request.token,
    });
    if (answer.errors) throw new Error(`${request.name}: ${JSON.stringify(answer.errors)}`);
    return { data: answer.data, recorded };
  } finally {
    for (const subgraph of federation.subgraphs) subgraph.statements.recording = undefined;
  }
}

/** The operation name of a GraphQL document: "IncidentStory". */
const operationName = (query: string) => /(?:query|mutation) (\w+)/.exec(query)?.[1] ?? "anonymous";

/**
 * The benchmark's queries, a second page, a page backwards, nested counts, `node(id:)` and a
 * sync client's pages of changes since `since`.
 */
export async function requests(
  federation: TestFederation,
  ids: BenchIds,
  alias: string,
  since: string,
): Promise<Request[]> {
  const cases = benchCases(ids).map(({ query, variables }) => ({
    name: operationName(query),
    query,
    variables,
  }));
  const list = cases.find((c) => c.query === STATEMENT_LIST)!;
  const page = await record(federation, list);
  const first = await record(federation, {
    name: "FirstPages",
    query: FIRST_PAGES,
    variables: { government: ids.government, actor: ids.actor },
  });
  const changes = await record(federation, {
    name: "Changes",
    query: CHANGES,
    variables: { since },
  });
  const cursors = {
    government: ids.government,
    actor: ids.actor,
    attributions: endCursor(first.data, "government", "attributionsReceived"),
    nationals: endCursor(first.data, "government", "nationalsCharged"),
    statements: endCursor(first.data, "threatActor", "statements"),
  };
  return [
    ...cases,
    {
      name: "StatementList, second page",
      query: STATEMENT_LIST,
      variables: { ...list.variables, after: endCursor(page.data, "statements") },
    },
    { name: "NextPages", query: pagesQuery("NextPages", "first: 10", "after"), variables: cursors },
    {
      name: "PreviousPages",
      query: pagesQuery("PreviousPages", "last: 5", "before"),
      variables: cursors,
    },
    {
      name: "NestedCounts",
      query: NESTED_COUNTS,
      variables: { incident: ids.incident, government: ids.government, actor: ids.actor },
    },
    { name: "IncidentNode", query: NODE, variables: { id: `Incident:${ids.incident}` } },
    { name: "Changes", query: CHANGES, variables: { since } },
    {
      name: "Changes, next page",
      query: CHANGES,
      variables: { since, after: endCursor(changes.data, "statements") },
    },
    { name: "ActorAliasSearch", query: ACTOR_SEARCH, variables: { text: alias } },
    // Producers and systems no synthetic actor has: the GIN indexes of the MISP connector's
    // columns must answer them (a common value may rightly be a scan of the rows).
    {
      name: "ActorsNamedBy",
      query: ACTORS_FILTERED,
      variables: { filter: { aliasNamedBy: ["Secureworks"] } },
    },
    {
      name: "ActorsByExternalSystem",
      query: ACTORS_FILTERED,
      variables: { filter: { externalIdSystems: ["misp-galaxy"] } },
    },
  ];
}
