import type { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import {
  DatePrecision,
  formatPartialDate,
  parsePartialDate,
  partialDateValue,
  periodProblems,
  toPartialDate,
} from "../../../platform/partial-date";

// A date is as precise as its source says: "2021", "2021-03" or "2021-07-19", stored as its
// first day with a precision and read back as the period it covers, never an invented day.
describe("platform > partial-date", () => {
  it("parses a year, a month and a day into the first day and a precision", () => {
    expect(parsePartialDate("2021", "f")).toEqual({ on: "2021-01-01", precision: "YEAR" });
    expect(parsePartialDate("2021-03", "f")).toEqual({ on: "2021-03-01", precision: "MONTH" });
    expect(parsePartialDate("2021-07-19", "f")).toEqual({ on: "2021-07-19", precision: "DAY" });
    expect(parsePartialDate("2024-02-29", "f").on).toBe("2024-02-29");
  });

  it.each([
    ["21-07-19", 'issuedAt: expected YYYY, YYYY-MM or YYYY-MM-DD, got "21-07-19"'],
    ["2021/07", 'issuedAt: expected YYYY, YYYY-MM or YYYY-MM-DD, got "2021/07"'],
    [" 2021", 'issuedAt: expected YYYY, YYYY-MM or YYYY-MM-DD, got " 2021"'],
    ["2021-13", 'issuedAt: "2021-13" is not a calendar date'],
    ["2023-02-29", 'issuedAt: "2023-02-29" is not a calendar date'],
    ["2021-04-31", 'issuedAt: "2021-04-31" is not a calendar date'],
    ["0000", 'issuedAt: "0000" is not a calendar date'],
  ])("refuses %j with BAD_USER_INPUT naming the field", (value, message) => {
    let error: GraphQLError | undefined;
    try {
      parsePartialDate(value, "issuedAt");
    } catch (thrown) {
      error = thrown as GraphQLError;
    }
    expect(error?.message).toBe(message);
    expect(error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "issuedAt" });
  });

  // The PartialDate scalar (each subgraph's, and the gateway's check of variables) says the same.
  it("checks a scalar value: the string itself, or a GraphQLError without a field", () => {
    expect(partialDateValue("2021-07")).toBe("2021-07");
    expect(() => partialDateValue(2021)).toThrow(
      'a partial date is a string: "2021", "2021-03" or "2021-07-19"',
    );
    let error: GraphQLError | undefined;
    try {
      partialDateValue("2021-02-30");
    } catch (thrown) {
      error = thrown as GraphQLError;
    }
    expect(error?.message).toBe('"2021-02-30" is not a calendar date');
    expect(error?.extensions).toEqual({});
    expect(() => partialDateValue("July 2021")).toThrow(
      'expected YYYY, YYYY-MM or YYYY-MM-DD, got "July 2021"',
    );
  });

  it("writes a stored date back as precise as it was given", () => {
    expect(formatPartialDate("2021-03-01", DatePrecision.MONTH)).toBe("2021-03");
    expect(formatPartialDate("2021-01-01", DatePrecision.YEAR)).toBe("2021");
    expect(formatPartialDate("2021-07-19", DatePrecision.DAY)).toBe("2021-07-19");
  });

  it("reads a stored date as the period it covers, leap years included", () => {
    expect(toPartialDate("2024-02-01", DatePrecision.MONTH)).toEqual({
      value: "2024-02",
      precision: "MONTH",
      start: "2024-02-01",
      end: "2024-02-29",
    });
    expect(toPartialDate("2023-02-01", DatePrecision.MONTH)?.end).toBe("2023-02-28");
    expect(toPartialDate("2018-01-01", DatePrecision.YEAR)?.end).toBe("2018-12-31");
    expect(toPartialDate("2021-12-31", DatePrecision.DAY)).toMatchObject({
      start: "2021-12-31",
      end: "2021-12-31",
    });
    expect(toPartialDate(null, DatePrecision.DAY)).toBeNull();
    expect(toPartialDate("2021-01-01", null)).toBeNull();
  });

  it("finds a period that ends before it starts, comparing whole periods", () => {
    const at = ["input", "roles", 0];
    expect(periodProblems("2021-07", "2021-06-30", at)).toEqual([
      { path: ["input", "roles", 0, "to"], message: '"2021-06-30" is before "2021-07"' },
    ]);
    // "2021" runs to the end of 2021: it does not end before July 2021 starts.
    expect(periodProblems("2021-07", "2021", at)).toEqual([]);
    expect(periodProblems("2021-07-19", "2021-07-19", at)).toEqual([]);
    expect(periodProblems("2011", "2018", at, "conductTo")).toEqual([]);
    expect(periodProblems("2019", "2018", at, "conductTo")[0].path).toEqual([
      "input",
      "roles",
      0,
      "conductTo",
    ]);
    // Missing or malformed ends are someone else's problem (the field's own check).
    expect(periodProblems(undefined, "2018", at)).toEqual([]);
    expect(periodProblems("2019", "not a date", at)).toEqual([]);
  });
});
