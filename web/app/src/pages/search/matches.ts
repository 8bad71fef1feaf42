/** Lower case without accents: "Écosystème" → "ecosysteme". */
export const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** Whether `text` contains `query` as typed, accents and case ignored (to pick what to show). */
export const matches = (text: string, query: string) => fold(text).includes(fold(query));
