import { validate } from "class-validator";
import { InputType } from "type-graphql";
import { describe, expect, it } from "vitest";
import { IdField, NameField, NameListField, TextField } from "../../../../services/kit/inputs";
import { PLAIN_TEXT_PATTERN, hiddenCharacterProblem } from "../../../../services/kit/plain-text";
import { revealHidden } from "../../../../web/app/src/lib/visible-text";

@InputType("PlainTextProbe")
class Probe {
  @NameField({ description: "A name.", maxLength: 300 })
  name: string;

  @NameListField({ nullable: true, description: "Aliases.", maxItems: 5, maxLength: 100 })
  aliases?: string[];

  @IdField({ description: "A slug." })
  id: string;

  @TextField({ nullable: true, description: "Words as said.", maxLength: 5000 })
  text?: string;
}

const problems = async (fields: Partial<Probe>) => {
  const probe = Object.assign(new Probe(), { name: "Name", id: "an-id", ...fields });
  const errors = await validate(probe);
  return Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
};

// Issue 21, finding 8: a threat actor named "\u202eanihC fo cilbupeR s’elpoeP" displays as
// "People's Republic of China". Names, aliases and slugs refuse such characters, naming the
// character and its position; verbatim text keeps them.
describe("services > kit > plain text in names", () => {
  it("refuses the issue's right-to-left override, naming U+202E at position 1", async () => {
    const found = await problems({ name: "\u202eanihC fo cilbupeR s’elpoeP" });
    expect(found.name).toEqual([
      "contains U+202E (a bidirectional control) at position 1: names, titles, aliases and slugs may not hold invisible, direction-changing or control characters",
    ]);
  });

  it("refuses a zero-width space and an ESC, and counts positions in characters", async () => {
    expect(hiddenCharacterProblem("APT\u200b40")).toMatch(
      /^contains U\+200B \(a zero-width character\) at position 4:/,
    );
    expect(hiddenCharacterProblem("\x1b[31mAPT40")).toMatch(
      /^contains U\+001B \(a control character\) at position 1:/,
    );
    expect(hiddenCharacterProblem("😀\u2066")).toMatch(/U\+2066 .* at position 2:/);
    const found = await problems({
      aliases: ["Leviathan", "BRONZE\u00a0MOHAWK", "Gadolinium\u2060"],
    });
    expect(found.aliases).toEqual([
      expect.stringMatching(/^item 2 contains U\+2060 .* at position 11:/),
    ]);
    expect((await problems({ id: "cn\u200d-mss" })).id?.[0]).toMatch(/^contains U\+200D/);
  });

  it("keeps newline and tab in names, and any character in verbatim text", async () => {
    expect(
      await problems({ name: "Line one\n\tLine two", text: "\u200fquoted\u202e as said" }),
    ).toEqual({});
    expect(hiddenCharacterProblem("People’s Republic of China")).toBeNull();
  });

  it("is the same rule in the bundle schema and in the web app's escaping", () => {
    const pattern = new RegExp(PLAIN_TEXT_PATTERN, "u");
    for (let code = 0; code < 0x3000; code += 1) {
      const character = String.fromCodePoint(code);
      const hidden = hiddenCharacterProblem(character) !== null;
      expect(pattern.test(character), `U+${code.toString(16)}`).toBe(!hidden);
      expect(revealHidden(character) !== character, `U+${code.toString(16)}`).toBe(hidden);
    }
    expect(hiddenCharacterProblem("\ufeff")).not.toBeNull();
  });
});
