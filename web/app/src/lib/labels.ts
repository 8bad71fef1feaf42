const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

/** "fr" → "French"; the tag itself when the browser does not know it. */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "STATE_SPONSORED" → "state sponsored". */
export const enumLabel = (value: string) => value.toLowerCase().replaceAll("_", " ");
