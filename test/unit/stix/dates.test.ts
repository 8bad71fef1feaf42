import { describe, expect, it } from "vitest";
import {
  UNDATED,
  createdModified,
  periodEnd,
  periodStart,
  precisionOf,
  precisions,
  widen,
} from "../../../stix/dates";

// STIX wants instants, our dates are as precise as their sources: a timestamp is the first
// millisecond of the period, or its last where it closes an interval; the precision goes along.
describe("stix > dates", () => {
  it("opens a period on its first millisecond and closes it on its last", () => {
    expect(periodStart("2021")).toBe("2021-01-01T00:00:00.000Z");
    expect(periodStart("2021-07-19")).toBe("2021-07-19T00:00:00.000Z");
    expect(periodEnd("2024-02")).toBe("2024-02-29T23:59:59.999Z");
    expect(periodEnd("2018")).toBe("2018-12-31T23:59:59.999Z");
    expect(precisionOf("2021-03")).toBe("month");
    expect(
      precisions({ first_seen: "2021", last_seen: undefined, published: "2021-07-19" }),
    ).toEqual({ first_seen: "year", published: "day" });
  });

  it("dates an object from the earliest and latest of its sources, then its own dates", () => {
    expect(createdModified(["2021-07-19", "2021-07", null])).toEqual({
      created: "2021-07-01T00:00:00.000Z",
      modified: "2021-07-19T00:00:00.000Z",
    });
    expect(createdModified([undefined], ["2020-06-15"])).toEqual({
      created: "2020-06-15T00:00:00.000Z",
      modified: "2020-06-15T00:00:00.000Z",
    });
    expect(createdModified([], [])).toEqual({ created: UNDATED, modified: UNDATED });
    const a = { created: "2021-01-01", modified: "2021-02-01" };
    const b = { created: "2020-01-01", modified: "2020-06-01" };
    expect(widen(a, b)).toEqual({ created: "2020-01-01", modified: "2021-02-01" });
  });
});
