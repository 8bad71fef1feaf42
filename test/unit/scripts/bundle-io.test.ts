import { describe, expect, it } from "vitest";
import { checkBundle } from "../../../scripts/bundle-io";

// The importer checks a whole bundle before it writes anything, and says what is wrong by path.
describe("scripts > bundle-io > checkBundle", () => {
  it("reports every problem of a bad bundle by JSON path", () => {
    expect(checkBundle({ format: "nope" })).toEqual([
      "$.sources: is required",
      "$.format: must be equal to constant",
    ]);
    const problems = checkBundle({
      format: "attribution-graph.bundle/1",
      sources: {},
      statements: [
        {
          id: "s-1",
          kind: "PRESS_RELEASE",
          issuedAt: "2021-07-19",
          issuer: "us",
          language: "en",
          quotes: [
            {
              text: "x",
              language: "en",
              translations: [{ language: "fr", text: "y", source: "missing" }],
            },
          ],
          sources: ["also-missing"],
        },
      ],
    });
    expect(problems).toEqual([
      '$.statements[0].quotes[0].translations[0].source: source "missing" is not in $.sources',
      '$.statements[0].sources[0]: source "also-missing" is not in $.sources',
    ]);
  });

  it("looks source keys up as own properties: `constructor` is not a source", () => {
    const problems = checkBundle({
      format: "attribution-graph.bundle/1",
      sources: {},
      governments: [{ id: "xx", name: "X", kind: "STATE", sources: ["constructor"] }],
    });
    expect(problems).toEqual([
      '$.governments[0].sources[0]: source "constructor" is not in $.sources',
    ]);
  });
});
