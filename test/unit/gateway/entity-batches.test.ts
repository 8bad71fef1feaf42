import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { mergeEntityFetches } from "../../../gateway/entity-batches";

const INCIDENTS = `query Story__incidents__1($representations: [_Any!]!, $first: Int) {
  _entities(representations: $representations) { ... on Incident { ...Named attributions(first: $first) { totalCount } } }
}
fragment Named on Incident { name }`;
const ACTORS = `query Story__incidents__2($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on ThreatActor { ...Named } }
}
fragment Named on ThreatActor { name }`;

describe("gateway > parallel entity fetches as one request", () => {
  it("aliases each _entities and renames its variables and fragments", () => {
    const merged = mergeEntityFetches([
      { query: INCIDENTS, variables: { representations: [{ id: "a" }], first: 2 } },
      { query: ACTORS, variables: { representations: [{ id: "b" }] } },
    ])!;
    expect(merged.request.variables).toEqual({
      _f0_representations: [{ id: "a" }],
      _f0_first: 2,
      _f1_representations: [{ id: "b" }],
    });
    expect(merged.request.operationName).toBe("Story__incidents__1__merged");
    const document = parse(merged.request.query); // valid GraphQL
    const printed = merged.request.query.replace(/\s+/g, " ");
    expect(printed).toContain("_f0: _entities(representations: $_f0_representations)");
    expect(printed).toContain("attributions(first: $_f0_first)");
    expect(printed).toContain("_f1: _entities(representations: $_f1_representations)");
    expect(printed).toContain("fragment Named_f0 on Incident");
    expect(printed).toContain("fragment Named_f1 on ThreatActor");
    expect(document.definitions).toHaveLength(3);
  });

  it("gives each fetch its entities and the errors on its part or on none", () => {
    const merged = mergeEntityFetches([
      { query: INCIDENTS, variables: {} },
      { query: ACTORS, variables: {} },
    ])!;
    const [incidents, actors] = merged.split({
      data: { _f0: [{ name: "A" }], _f1: [null] },
      errors: [{ message: "actor gone", path: ["_f1", 0, "name"] }, { message: "whole request" }],
    });
    expect(incidents).toEqual({
      data: { _entities: [{ name: "A" }] },
      errors: [{ message: "whole request" }],
    });
    expect(actors).toEqual({
      data: { _entities: [null] },
      errors: [
        { message: "actor gone", path: ["_entities", 0, "name"] },
        { message: "whole request" },
      ],
    });
    const [failed] = merged.split({ data: null, errors: [{ message: "refused" }] });
    expect(failed).toEqual({ data: null, errors: [{ message: "refused" }] });
  });

  it("merges only lone, unaliased _entities queries", () => {
    const root = `query Q { incidents { totalCount } }`;
    expect(mergeEntityFetches([{ query: INCIDENTS }, { query: root }])).toBe(undefined);
    const mutation = `mutation M($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }`;
    expect(mergeEntityFetches([{ query: INCIDENTS }, { query: mutation }])).toBe(undefined);
    expect(mergeEntityFetches([{ query: INCIDENTS }, { query: "{ not graphql" }])).toBe(undefined);
  });
});
