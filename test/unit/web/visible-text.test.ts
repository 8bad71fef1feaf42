import { describe, expect, it } from "vitest";
import { revealHidden, revealHiddenIn } from "../../../web/app/src/lib/visible-text";

// The web app renders every string of every answer through revealHiddenIn (api-client.ts): a
// quote that holds U+200F, kept verbatim by the API, shows it as a visible mark.
describe("web > visible text", () => {
  it("shows each hidden character as its code point", () => {
    expect(revealHidden("\u202eanihC fo cilbupeR s’elpoeP")).toBe(
      "⟨U+202E⟩anihC fo cilbupeR s’elpoeP",
    );
    expect(revealHidden("we attribute\u200f this")).toBe("we attribute⟨U+200F⟩ this");
    expect(revealHidden("red \x1b[31m")).toBe("red ⟨U+001B⟩[31m");
    expect(revealHidden("two lines\n\tindented")).toBe("two lines\n\tindented");
  });

  it("reveals every string of an answer, keys and other values untouched", () => {
    const answer = {
      statement: {
        __typename: "Statement",
        quotes: [{ text: "\u200fverbatim", translations: [] }],
        count: 2,
        missing: null,
      },
    };
    expect(revealHiddenIn(answer)).toEqual({
      statement: {
        __typename: "Statement",
        quotes: [{ text: "⟨U+200F⟩verbatim", translations: [] }],
        count: 2,
        missing: null,
      },
    });
  });
});
