import { validate } from "class-validator";
import { Field, ID, ObjectType, getMetadataStorage } from "type-graphql";
import { describe, expect, it } from "vitest";
import {
  CONNECTION_SIZE,
  ConnectionArgs,
  DEFAULT_PAGE_SIZE,
  MAX_CURSOR_LENGTH,
  MAX_PAGE_SIZE,
  connectionType,
  listSize,
} from "../../../../services/kit/connection";

@ObjectType("UnitThing")
class Thing {
  @Field(() => ID)
  id: string;
}

// A connection's contract with the gateway and clients: the demand-control hints the cost
// analysis reads, cursors bounded in length, and totalCount counted only when it is read.
describe("services > kit > connection", () => {
  it("declares the page sizes the cost analysis assumes", () => {
    expect([DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE]).toEqual([20, 100]);
    expect(CONNECTION_SIZE).toBe(
      '@listSize(assumedSize: 20, slicingArguments: ["first", "last"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)',
    );
    expect(listSize(50)).toBe("@listSize(assumedSize: 50)");
  });

  it("refuses a cursor longer than MAX_CURSOR_LENGTH before it is decoded", async () => {
    const args = (after: string) => Object.assign(new ConnectionArgs(), { first: 5, after });
    expect(await validate(args("x".repeat(MAX_CURSOR_LENGTH)))).toEqual([]);
    const [problem] = await validate(args("x".repeat(MAX_CURSOR_LENGTH + 1)));
    expect(problem.property).toBe("after");
    expect(Object.values(problem.constraints ?? {})).toEqual(["is not a valid cursor (too long)"]);
    const before = Object.assign(new ConnectionArgs(), { before: "y".repeat(1001) });
    expect((await validate(before)).map((p) => p.property)).toEqual(["before"]);
  });

  it("names its types <name>Connection and <name>Edge, counts only when totalCount is read, makes edges once when read", async () => {
    const Connection = connectionType(Thing, "UnitThing");
    let counted = 0;
    let made = 0;
    const page = Object.assign(new Connection(), {
      makeEdges: () => {
        made += 1;
        return [];
      },
      nodes: [],
      count: async () => ++counted * 10,
    });
    expect(counted).toBe(0);
    expect(await page.totalCount).toBe(10);
    expect(await page.totalCount).toBe(20);
    expect(made).toBe(0);
    expect([page.edges, page.edges]).toEqual([[], []]);
    expect(made).toBe(1);
    const names = getMetadataStorage().objectTypes.map((type) => type.name);
    expect(names).toEqual(expect.arrayContaining(["UnitThingConnection", "UnitThingEdge"]));
  });
});
