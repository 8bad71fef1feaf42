import { dateColumns, partialDateString } from "../../platform/bundle";

// A record's bundle form and its row mostly name their fields alike: these copy such fields
// both ways (RecordWrites' write and snapshotMany), where only the odd ones are spelled out.

/** The `keys` of `value`: fields a record and its row name alike, copied as they are. */
export function pick<T extends object, K extends keyof T>(value: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}

/**
 * The optional `keys` of an input, null where absent: an upsert overwrites only the columns it
 * is given, so a field left out must clear its column.
 */
export function orNull<T extends object, K extends keyof T>(
  value: T,
  ...keys: K[]
): { [P in K]-?: Exclude<T[P], undefined> | null } {
  return Object.fromEntries(keys.map((key) => [key, value[key] ?? null])) as never;
}

/**
 * The `<name>On` and `<name>Precision` columns of each partial date `names` of an input; `at`
 * prefixes the names in errors ("roles[2].").
 */
export function dateColumnsOf<T extends object>(
  value: T,
  names: readonly (keyof T & string)[],
  at = "",
): Record<string, string | null> {
  return Object.fromEntries(
    names.flatMap((name) => {
      const { on, precision } = dateColumns(value[name] as string | null | undefined, at + name);
      return [
        [`${name}On`, on],
        [`${name}Precision`, precision],
      ];
    }),
  );
}

/** Each partial date `names` of a row back from its `<name>On` and `<name>Precision` columns. */
export function partialDatesOf(
  row: object,
  names: readonly string[],
): Record<string, string | null> {
  const columns = row as Record<string, string | null>;
  return Object.fromEntries(
    names.map((name) => [
      name,
      partialDateString(columns[`${name}On`], columns[`${name}Precision`]),
    ]),
  );
}
