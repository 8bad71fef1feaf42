import { describe, expect, it } from "vitest";
import { uniqueRepresentations } from "../../../gateway/representations";

const incident = (id: string) => ({ __typename: "Incident", id });

describe("gateway > each entity fetched once", () => {
  it("sends each representation once and answers every place, in order", () => {
    const planned = [incident("a"), incident("b"), incident("a"), incident("c"), incident("b")];
    const unique = uniqueRepresentations({ representations: planned, other: 1 })!;
    expect(unique.variables).toEqual({
      representations: [incident("a"), incident("b"), incident("c")],
      other: 1,
    });
    const answer = unique.spread({
      data: { _entities: [{ name: "A" }, { name: "B" }, null] },
    });
    expect(answer.data?._entities).toEqual([
      { name: "A" },
      { name: "B" },
      { name: "A" },
      null,
      { name: "B" },
    ]);
    // Each place its own object: the gateway merges later fetches into them.
    const entities = answer.data?._entities as object[];
    expect(entities[2]).not.toBe(entities[0]);
  });

  it("repeats an error at a unique entity at each of its places; others stay as they are", () => {
    const unique = uniqueRepresentations({
      representations: [incident("a"), incident("b"), incident("a")],
    })!;
    const answer = unique.spread({
      data: { _entities: [null, { name: "B" }] },
      errors: [
        { message: "gone", path: ["_entities", 0, "name"] },
        { message: "elsewhere", path: ["other"] },
        { message: "no path" },
      ],
    });
    expect(answer.errors).toEqual([
      { message: "gone", path: ["_entities", 0, "name"] },
      { message: "gone", path: ["_entities", 2, "name"] },
      { message: "elsewhere", path: ["other"] },
      { message: "no path" },
    ]);
    expect(answer.data?._entities).toEqual([null, { name: "B" }, null]);
  });

  it("leaves fetches without repeats or without representations alone", () => {
    expect(uniqueRepresentations({ representations: [incident("a"), incident("b")] })).toBe(
      undefined,
    );
    expect(uniqueRepresentations({ id: "x" })).toBe(undefined);
    expect(uniqueRepresentations(undefined)).toBe(undefined);
    // Same id, another type: another entity.
    expect(
      uniqueRepresentations({
        representations: [incident("a"), { __typename: "ThreatActor", id: "a" }],
      }),
    ).toBe(undefined);
  });
});
