import { describe, expect, it } from "vitest";
import { searchText } from "../../../../services/kit/filters";

// A search text is trimmed and each run of whitespace is one space: no text reaches SQL with a
// line break, which legal actions' defendants' names (one per line on the row) rely on.
describe("services > kit > searchText", () => {
  it("trims and makes each run of whitespace one space", () => {
    expect(searchText("  Ivan\n\tPetrov  ", "filter.text")).toBe("Ivan Petrov");
    expect(searchText(undefined, "filter.text")).toBeUndefined();
  });

  it("refuses a text of whitespace alone, naming the field", () => {
    expect(() => searchText(" \n\t ", "filter.text")).toThrow(/must not be empty/);
  });
});
