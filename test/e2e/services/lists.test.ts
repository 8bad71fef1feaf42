import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedDataset } from "../../helpers/dataset";
import { type TestFederation, startTestFederation } from "../../helpers/federation";

const GOVERNMENT_PAGE = /* GraphQL */ `
  query Governments($first: Int, $after: String, $filter: GovernmentFilter) {
    governments(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`;

// Relay connections: every page in order, no row twice, clear errors for bad page arguments.
const data = shippedDataset();
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation?.stop());

// Every page in order, no row twice, forwards and backwards; bad page arguments named.
describe("services > lists > pagination", () => {
  it("walks every government page by page, sorted by name, up to the last page", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: any = await federation.query(GOVERNMENT_PAGE, { first: 7, after });
      expect(result.errors).toBeUndefined();
      const page = result.data.governments;
      expect(page.totalCount).toBe(data.governments.length);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((e: any) => e.node.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const byName = [...data.governments].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1,
    );
    expect(seen).toEqual(byName.map((g) => g.id));
    expect(pages).toBe(Math.ceil(data.governments.length / 7));
  });

  it("answers an empty last page and first: 0 without error", async () => {
    const result: any = await federation.query(GOVERNMENT_PAGE, { first: 0 });
    expect(result.data.governments.edges).toEqual([]);
    expect(result.data.governments.pageInfo.hasNextPage).toBe(true);
  });

  it.each([
    ["not base64 at all", "%%%"],
    ["valid base64 of garbage", Buffer.from("hello").toString("base64url")],
    [
      "a cursor of another ordering",
      Buffer.from(JSON.stringify(["ID_ASC", "us"])).toString("base64url"),
    ],
  ])("rejects a bad cursor (%s) with BAD_USER_INPUT naming `after`", async (_label, after) => {
    const result = await federation.query(GOVERNMENT_PAGE, { first: 5, after });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].message).toMatch(/^after: /);
  });

  it.each([-1, 101])("rejects first: %i with BAD_USER_INPUT naming `first`", async (first) => {
    const result = await federation.query(GOVERNMENT_PAGE, { first });
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].message).toMatch(/^first: must be between 0 and 100/);
  });

  it("pages backwards with last and before, and refuses first with last", async () => {
    const forward: any = await federation.query(GOVERNMENT_PAGE, { first: 6 });
    const cursor = forward.data.governments.edges[5].cursor;
    const backward: any = await federation.query(
      /* GraphQL */ `
        query ($before: String) {
          governments(last: 3, before: $before) {
            edges {
              node {
                id
              }
            }
            pageInfo {
              hasPreviousPage
              hasNextPage
            }
          }
        }
      `,
      { before: cursor },
    );
    expect(backward.data.governments.edges.map((e: any) => e.node.id)).toEqual(
      forward.data.governments.edges.slice(2, 5).map((e: any) => e.node.id),
    );
    expect(backward.data.governments.pageInfo).toEqual({
      hasPreviousPage: true,
      hasNextPage: true,
    });
    const both = await federation.query(`{ governments(first: 2, last: 2) { totalCount } }`);
    expect(both.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(both.errors?.[0].message).toMatch(/^last: /);
  });
});

// Filters on membership, dates, languages and kinds, as the data files say; bad dates refused.
describe("services > lists > filters", () => {
  it("filters governments by membership and by accent-insensitive name", async () => {
    const members: any = await federation.query(GOVERNMENT_PAGE, {
      first: 100,
      filter: { memberOf: "nato" },
    });
    expect(members.data.governments.edges.map((e: any) => e.node.id).sort()).toEqual(
      data.governments
        .filter((g) => g.memberOf?.includes("nato"))
        .map((g) => g.id)
        .sort(),
    );
    const named: any = await federation.query(GOVERNMENT_PAGE, { filter: { text: "kingdom" } });
    expect(named.data.governments.edges.map((e: any) => e.node.id)).toContain("gb");
  });

  it("filters statements by government, date range, language and kind, newest first", async () => {
    const result: any = await federation.query(/* GraphQL */ `
      query {
        statements(
          first: 100
          filter: {
            governmentIds: ["us"]
            issuedBetween: { from: "2021-07", to: "2021-07" }
            languages: ["fr"]
          }
        ) {
          totalCount
          nodes {
            id
            issuedAt {
              value
            }
          }
        }
      }
    `);
    expect(result.errors).toBeUndefined();
    const expected = data.statements.filter(
      (s) =>
        (s.issuer === "us" || s.cosigners?.includes("us")) &&
        s.issuedAt.startsWith("2021-07") &&
        (s.language === "fr" ||
          (s.quotes ?? []).some(
            (q) => q.language === "fr" || (q.translations ?? []).some((t) => t.language === "fr"),
          )),
    );
    expect(result.data.statements.totalCount).toBe(expected.length);
    expect(result.data.statements.nodes.map((s: any) => s.id).sort()).toEqual(
      expected.map((s) => s.id).sort(),
    );
    const dates = result.data.statements.nodes.map((s: any) => s.issuedAt.value);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  // Dates are the PartialDate scalar: a literal is refused by validation, a variable by coercion.
  it("rejects a malformed date, as a literal or as a variable", async () => {
    const literal = await federation.query(/* GraphQL */ `
      query {
        statements(filter: { issuedBetween: { from: "2021-13" } }) {
          totalCount
        }
      }
    `);
    expect(literal.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(literal.errors?.[0].message).toBe('"2021-13" is not a calendar date');
    const variable = await federation.query(
      /* GraphQL */ `
        query ($range: DateRangeInput) {
          statements(filter: { issuedBetween: $range }) {
            totalCount
          }
        }
      `,
      { range: { from: "2021-13" } },
    );
    expect(variable.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    // One line: where, then what (issue 22: the gateway lists each refused value at its path).
    expect(variable.errors?.[0].message).toBe('$range.from: "2021-13" is not a calendar date');
  });
});

// An unknown id answers NOT_FOUND at its path; aliases and defendants' names are found by text.
describe("services > lists > lookups and text search", () => {
  it("answers NOT_FOUND for an unknown id of every entity kind", async () => {
    for (const field of [
      "government",
      "agency",
      "official",
      "statement",
      "attribution",
      "incident",
      "threatActor",
      "legalAction",
    ]) {
      const result = await federation.query(`query { ${field}(id: "no-such-id") { id } }`);
      expect(result.data?.[field]).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe("NOT_FOUND");
      expect(result.errors?.[0].path).toEqual([field]);
      expect(result.errors?.[0].extensions?.stacktrace).toBeUndefined();
    }
  });

  /** The ids of the threat actors and of the incidents each text finds. */
  async function searchIds(actorText: string, incidentText: string) {
    const result: any = await federation.query(
      /* GraphQL */ `
        query ($actorText: String!, $incidentText: String!) {
          threatActors(filter: { text: $actorText }) {
            nodes {
              id
            }
          }
          incidents(filter: { text: $incidentText }) {
            nodes {
              id
            }
          }
        }
      `,
      { actorText, incidentText },
    );
    expect(result.errors).toBeUndefined();
    return {
      actors: result.data.threatActors.nodes.map((a: any) => a.id),
      incidents: result.data.incidents.nodes.map((i: any) => i.id),
    };
  }

  it("finds a threat actor by an alias and an incident by its alias", async () => {
    const found = await searchIds("Leviathan", "proxylogon");
    expect(found.actors).toEqual(["apt40"]);
    expect(found.incidents).toEqual(["microsoft-exchange-2021"]);
  });

  // "xylo" is too short a part of "ProxyLogon" for the trigram match: only the substring finds it.
  it("finds a name by a part of a word, whatever its case and accents", async () => {
    const found = await searchIds("VIATH", "XÝLO");
    expect(found.incidents).toEqual(["microsoft-exchange-2021"]);
    expect(found.actors).toContain("apt40");
  });

  // Under three characters the LIKE is written for no trigram index to serve (kit/filters.ts).
  it("finds every incident whose name holds a part of one or two letters", async () => {
    const unaccented = (text: string) =>
      text
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase();
    for (const part of ["x", "zz"]) {
      const result: any = await federation.query(
        `query ($text: String!) { incidents(filter: { text: $text }, first: 100) { nodes { id } } }`,
        { text: part.toUpperCase() },
      );
      expect(result.errors).toBeUndefined();
      const holding = data.incidents.filter((incident) =>
        [incident.name, ...(incident.aliases ?? [])].some((name) =>
          unaccented(name).includes(part),
        ),
      );
      expect(holding.length, part).toBeGreaterThan(0);
      const ids = result.data.incidents.nodes.map((node: { id: string }) => node.id);
      expect(ids).toEqual(expect.arrayContaining(holding.map((incident) => incident.id)));
    }
  });

  it("lists legal actions by defendant nationality and finds one by a defendant's name", async () => {
    const result: any = await federation.query(/* GraphQL */ `
      query {
        byNationality: legalActions(first: 100, filter: { defendantNationalityIds: ["cn"] }) {
          totalCount
          nodes {
            id
          }
        }
        byName: legalActions(filter: { text: "Xiaoyang" }) {
          nodes {
            id
          }
        }
      }
    `);
    expect(result.errors).toBeUndefined();
    const expected = data.legalActions.filter((l) =>
      (l.defendants ?? []).some((d) => d.nationality === "cn"),
    );
    expect(result.data.byNationality.nodes.map((l: any) => l.id).sort()).toEqual(
      expected.map((l) => l.id).sort(),
    );
    expect(result.data.byName.nodes.map((l: any) => l.id)).toEqual(["us-v-ding-xiaoyang-2021"]);
  });
});

const RECEIVED = /* GraphQL */ `
  query Received($first: Int!) {
    governments(first: 100) {
      nodes {
        id
        attributionsReceived(first: $first) {
          totalCount
          nodes {
            id
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`;

const RECEIVED_AFTER = /* GraphQL */ `
  query ReceivedAfter($id: ID!, $after: String) {
    government(id: $id) {
      attributionsReceived(first: 3, after: $after) {
        totalCount
        nodes {
          id
        }
      }
    }
  }
`;

// A page of attributions with their statements is read by id once its window is chosen, and a
// first page counts its parent's items in the same statement (services/kit/nested.ts).
describe("services > lists > nested pages read by id", () => {
  const received = (id: string) => data.attributions.filter((a: any) => a.state === id);

  it("counts every government's attributions with its first page, none as 0", async () => {
    const result: any = await federation.query(RECEIVED, { first: 3 });
    expect(result.errors).toBeUndefined();
    const governments = result.data.governments.nodes;
    expect(governments.length).toBe(data.governments.length);
    for (const { id, attributionsReceived: page } of governments) {
      const expected = received(id);
      expect(page.totalCount, id).toBe(expected.length);
      expect(page.nodes.length, id).toBe(Math.min(3, expected.length));
      expect(page.pageInfo.hasNextPage, id).toBe(expected.length > 3);
    }
    expect(governments.some((g: any) => g.attributionsReceived.totalCount === 0)).toBe(true);
  });

  it("pages on in the first page's order, counting the same after a cursor", async () => {
    const [{ id }] = data.governments.filter((g) => received(g.id).length > 6);
    const whole: any = await federation.query(RECEIVED, { first: 6 });
    const first = whole.data.governments.nodes.find((g: any) => g.id === id);
    const start: any = await federation.query(RECEIVED, { first: 3 });
    const cursor = start.data.governments.nodes.find((g: any) => g.id === id).attributionsReceived
      .pageInfo.endCursor;
    const next: any = await federation.query(RECEIVED_AFTER, { id, after: cursor });
    expect(next.errors).toBeUndefined();
    const page = next.data.government.attributionsReceived;
    expect(page.totalCount).toBe(received(id).length);
    expect(page.nodes).toEqual(first.attributionsReceived.nodes.slice(3, 6));
  });
});
