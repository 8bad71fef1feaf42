import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProxy } from "../../helpers/proxy";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const ATTRIBUTED_INCIDENTS = /* GraphQL */ `
  {
    statements(first: 100) {
      nodes {
        attributions(first: 100) {
          nodes {
            incident {
              id
              name
            }
          }
        }
      }
    }
  }
`;

interface Answer {
  statements: {
    nodes: { attributions: { nodes: { incident: { id: string; name: string } }[] } }[];
  };
}

// Many attributions name the same incident: the incidents subgraph is asked for each one once,
// and every place still gets its incident.
describe("gateway > entity fetches ask for each entity once", () => {
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let federation: TestFederation;
  beforeAll(async () => {
    proxy = await startProxy();
    federation = await startTestFederation(undefined, { subgraphUrls: { incidents: proxy.url } });
    proxy.forwardTo(federation.subgraphs.find((s) => s.name === "incidents")!.url);
  });
  afterAll(async () => {
    await federation?.stop();
    await proxy?.close();
  });

  it("sends each representation once and answers every place with its own entity", async () => {
    const result = await federation.query<Answer>(ATTRIBUTED_INCIDENTS);
    expect(result.errors).toBeUndefined();
    const places = result.data!.statements.nodes.flatMap((s) =>
      s.attributions.nodes.map((a) => a.incident),
    );
    const ids = places.map((incident) => incident.id);
    const distinct = new Set(ids);
    expect(distinct.size).toBeLessThan(ids.length); // the dataset repeats incidents

    const fetches = proxy.captured
      .map((c) => JSON.parse(c.body) as { variables?: { representations?: { id: string }[] } })
      .filter((body) => body.variables?.representations);
    expect(fetches).toHaveLength(1);
    const sent = fetches[0].variables!.representations!.map((r) => r.id);
    expect(sent).toHaveLength(distinct.size);
    expect(new Set(sent)).toEqual(distinct);

    const names = await federation.query<{ incidents: { nodes: { id: string; name: string }[] } }>(
      `query($ids: [ID!]) { incidents(filter: { ids: $ids }, first: 100) { nodes { id name } } }`,
      { ids: [...distinct] },
    );
    const nameOf = new Map(names.data!.incidents.nodes.map((i) => [i.id, i.name]));
    expect(nameOf.size).toBe(distinct.size);
    for (const incident of places) expect(incident.name).toBe(nameOf.get(incident.id));
  });

  it("sends the parallel entity fetches of a plan step to one subgraph as one request", async () => {
    proxy.captured.length = 0;
    const result = await federation.query<{
      statements: {
        nodes: {
          attributions: {
            nodes: { incident: Named | null; actor: Named | null }[];
          };
        }[];
      };
    }>(`{
      statements(first: 100) {
        nodes { attributions(first: 100) { nodes { incident { id name } actor { id name } } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const fetches = proxy.captured.map((c) => JSON.parse(c.body) as { query: string });
    expect(fetches).toHaveLength(1);
    expect(fetches[0].query).toMatch(/_f0: _entities/);
    expect(fetches[0].query).toMatch(/_f1: _entities/);

    const attributions = result.data!.statements.nodes.flatMap((s) => s.attributions.nodes);
    const incidents = attributions.flatMap((a) => (a.incident ? [a.incident] : []));
    const actors = attributions.flatMap((a) => (a.actor ? [a.actor] : []));
    expect(incidents.length).toBeGreaterThan(0);
    expect(actors.length).toBeGreaterThan(0);
    const read = await federation.query<{
      incidents: { nodes: Named[] };
      threatActors: { nodes: Named[] };
    }>(
      `query($incidents: [ID!], $actors: [ID!]) {
        incidents(filter: { ids: $incidents }, first: 100) { nodes { id name } }
        threatActors(filter: { ids: $actors }, first: 100) { nodes { id name } }
      }`,
      {
        incidents: [...new Set(incidents.map((i) => i.id))],
        actors: [...new Set(actors.map((a) => a.id))],
      },
    );
    const nameOf = new Map(
      [...read.data!.incidents.nodes, ...read.data!.threatActors.nodes].map((n) => [n.id, n.name]),
    );
    for (const named of [...incidents, ...actors]) expect(named.name).toBe(nameOf.get(named.id));
  });
});

interface Named {
  id: string;
  name: string;
}
