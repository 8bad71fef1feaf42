/**
 * Characters that change how text reads without being seen: bidirectional controls, zero-width
 * characters, C0/C1 controls but newline and tab. The API refuses them in names, titles,
 * aliases and slugs (services/kit/plain-text.ts, the same class); verbatim quotes and texts
 * may hold them, as their source does, and the app shows each one as a visible mark.
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;

/** `text` with each hidden character shown as its code point: "⟨U+202E⟩". */
export function revealHidden(text: string): string {
  return text.replace(
    HIDDEN,
    (character) => `⟨U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟩`,
  );
}

/** Every string of an API answer revealed: what the app renders can never hide a character. */
export function revealHiddenIn<T>(value: T): T {
  if (typeof value === "string") return revealHidden(value) as T;
  if (Array.isArray(value)) return value.map(revealHiddenIn) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, revealHiddenIn(item)]),
  ) as T;
}
