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

/** "VERY_HIGH" → "Very high": one way everywhere, whatever the CSS. */
export const sentenceLabel = (value: string) => {
  const words = enumLabel(value);
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A confidence badge's text: "High · 85/100", "Very high", "Score 40/100". */
export function confidenceText(level?: string | null, score?: number | null): string {
  const parts = [level && sentenceLabel(level), typeof score === "number" && `${score}/100`];
  return parts.filter(Boolean).join(" · ");
}

/** "fr" and "fr-FR" are one language: the primary subtag, lower-cased. */
export const primaryLanguage = (tag: string) => tag.split("-")[0].toLowerCase();
