import { registerDecorator } from "class-validator";

/**
 * Characters that change how text reads without being seen: bidirectional controls (a name can
 * display backwards), zero-width characters (two names look the same) and C0/C1 controls but
 * newline and tab (terminal escapes). Refused in names, titles, aliases and slugs; verbatim
 * texts and quotes keep them, as their source has them, and the web app shows them escaped.
 */
const HIDDEN_CLASS =
  "\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF";
const HIDDEN = new RegExp(`[${HIDDEN_CLASS}]`, "u");

/** The same rule as a JSON Schema pattern, for the bundle format. */
export const PLAIN_TEXT_PATTERN = `^[^${HIDDEN_CLASS}]*$`;

function kind(code: number): string {
  if (code <= 0x9f) return "a control character";
  if (code >= 0x200b && code <= 0x200d) return "a zero-width character";
  if (code === 0x2060 || code === 0xfeff) return "a zero-width character";
  return "a bidirectional control";
}

export const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;

/** What is wrong with `text` as a name: its first hidden character and where, or null. */
export function hiddenCharacterProblem(text: string): string | null {
  let position = 0;
  for (const character of text) {
    position += 1;
    if (!HIDDEN.test(character)) continue;
    const code = character.codePointAt(0)!;
    return `contains ${codePoint(code)} (${kind(code)}) at position ${position}: names, titles, aliases and slugs may not hold invisible, direction-changing or control characters`;
  }
  return null;
}

function problemOf(value: unknown): string | null {
  if (typeof value === "string") return hiddenCharacterProblem(value);
  if (!Array.isArray(value)) return null;
  for (const [i, item] of value.entries()) {
    const problem = typeof item === "string" ? hiddenCharacterProblem(item) : null;
    if (problem) return `item ${i} ${problem}`;
  }
  return null;
}

/** The rule as a class-validator check of a string, or of each string of a list. */
export function PlainText() {
  return (target: object, property: string) =>
    registerDecorator({
      name: "plainText",
      target: target.constructor,
      propertyName: property,
      validator: {
        validate: (value: unknown) => problemOf(value) === null,
        defaultMessage: (args) => problemOf(args?.value) ?? "",
      },
    });
}
