import { describe, expect, it } from "vitest";
import { types } from "pg";
import { timestamptzParser } from "../../../platform/timestamps";

// pg's own parser (postgres-date), which every form must read the same as.
const postgresDate = types.getTypeParser(types.builtins.TIMESTAMPTZ) as (text: string) => unknown;
const parse = timestamptzParser(postgresDate);
const same = (text: string) => {
  const ours = parse(text);
  const theirs = postgresDate(text);
  return ours instanceof Date && theirs instanceof Date
    ? ours.getTime() === theirs.getTime() || (isNaN(ours.getTime()) && isNaN(theirs.getTime()))
    : Object.is(ours, theirs);
};

describe("platform > timestamptzParser (pg's TIMESTAMPTZ text, read by character codes)", () => {
  it.each([
    "2026-12-07 10:19:33.694123+00",
    "2026-12-07 10:19:33.6+00",
    "2026-12-07 10:19:33.69+00",
    "2026-12-07 10:19:33.694+00",
    "2026-12-07 10:19:33.9999999+00",
    "2025-01-02 03:04:05+00",
    "2024-06-30 23:59:59.5+05:30",
    "2024-06-30 23:59:59.123-08",
    "2024-02-29 00:00:00-09:30",
    "1970-01-01 00:00:00+00",
    "1969-12-31 23:59:59.999+00",
    "0100-01-01 00:00:00+00",
  ])("reads the usual form %s as pg does", (text) => {
    expect(parse(text)).toBeInstanceOf(Date);
    expect(same(text)).toBe(true);
  });

  it.each([
    "infinity",
    "-infinity",
    "0099-01-01 00:00:00+00",
    "0001-01-01 00:00:00+00 BC",
    "12345-01-01 00:00:00+00",
    "1900-01-01 00:00:00+00:09:21",
    "2026-12-07 10:19:33Z",
    "2026-12-07T10:19:33+00",
    "2026-12-07 1a:19:33+00",
    "2026-12-07",
  ])("leaves %s to pg's parser, answering as it does", (text) => {
    expect(same(text)).toBe(true);
  });

  it("reads 2,000 random instants, every offset, as pg does", () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 2000; i++) {
      const instant = new Date(
        Date.UTC(100, 0, 1) + random() * (Date.UTC(9999, 0, 1) - Date.UTC(100, 0, 1)),
      );
      const offsetMinutes = Math.round(random() * 26 - 12) * 60 + (random() < 0.2 ? 30 : 0);
      const local = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString();
      const fraction = String(Math.floor(random() * 1_000_000))
        .padStart(6, "0")
        .replace(/0+$/, "");
      const sign = offsetMinutes < 0 ? "-" : "+";
      const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, "0");
      const minutes = Math.abs(offsetMinutes) % 60;
      const text = `${local.slice(0, 10)} ${local.slice(11, 19)}${fraction ? `.${fraction}` : ""}${sign}${hours}${minutes ? `:${String(minutes).padStart(2, "0")}` : ""}`;
      expect(same(text), text).toBe(true);
    }
  });
});
