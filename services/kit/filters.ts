import type { WhereExpressionBuilder } from "typeorm";
import { InputType } from "type-graphql";
import { badUserInput } from "../../platform/errors";
import { parsePartialDate, toPartialDate } from "../../platform/partial-date";
import {
  DateField,
  EnumListField,
  IdListField,
  NestedField,
  TextField,
  TextListField,
} from "./inputs";

@InputType({
  description: 'A period between two partial dates, both inclusive: from "2021" to "2021-07-19".',
})
export class DateRangeInput {
  @DateField({
    nullable: true,
    description: "Start, inclusive; a year or month means its first day.",
  })
  from?: string | null;

  @DateField({ nullable: true, description: "End, inclusive; a year or month means its last day." })
  to?: string | null;
}

/** First and last ISO day of a range, validated; `field` names the argument in errors. */
export function dateRangeBounds(
  range: DateRangeInput,
  field: string,
): { from?: string; to?: string } {
  const from = range.from ? parsePartialDate(range.from, `${field}.from`) : undefined;
  const to = range.to ? parsePartialDate(range.to, `${field}.to`) : undefined;
  const bounds = {
    from: from?.on,
    to: to ? toPartialDate(to.on, to.precision)?.end : undefined,
  };
  if (bounds.from && bounds.to && bounds.from > bounds.to) {
    throw badUserInput(field, `"from" (${range.from}) is after "to" (${range.to})`);
  }
  return bounds;
}

/** A LIKE pattern matching `text` anywhere, with the user's % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * SQL matching `column`, a `names_text` column (lower case, unaccented), holding `:text`
 * (parameters `text` and `pattern`, its `containsPattern`): as a substring or as a word within
 * the trigram threshold. Written with the column on the left (`%>`, not `<%`) and as LIKE on the
 * lowered pattern: in that form PostgreSQL sees that its bitmap index scan already checked the
 * condition, where the other form is checked again on every row found (the trigram comparison
 * twice per match; measured in BENCHMARKS.md, ninth session).
 */
export function namesMatchSql(schema: string, column: string, text: string): string {
  return `(${likeSubject(column, text)} LIKE lower(${schema}.f_unaccent(:pattern))
    OR ${column} %> ${schema}.f_unaccent(lower(:text)))`;
}

/**
 * `column` as the subject of a LIKE of `containsPattern(text)`. Under three characters the
 * pattern holds no trigram and a trigram index would hand over every row to be checked again
 * (a full-index scan, as pg_trgm documents): written `(column || '')`, no index serves it, and
 * PostgreSQL checks rows as it reads them, stopping with the page or the cut (`firstMatches`).
 * "x" over 25,000 incidents: 154 ms → 28 ms for the cut's statement.
 */
export const likeSubject = (column: string, text: string) =>
  text.length < 3 ? `(${column} || '')` : column;

export const MAX_TEXT_LENGTH = 200;
/** Ids and values one filter field may list. */
export const MAX_FILTER_VALUES = 100;

/** A list's filter: every field narrows the list, as `<kind>.queries.ts` applies it. */
export const FilterInput = () =>
  InputType({
    description: "Every field narrows the list; a list field matches any of its values.",
  });

/** The fields of a list's filter: `@Filter.Ids("Of these agencies.") agencyIds?: string[];`. */
export const Filter = {
  /** Records with any of these ids in the field. */
  Ids: (description: string) =>
    IdListField({ nullable: true, description, maxItems: MAX_FILTER_VALUES }),
  /** Records with any of these values of an enum. */
  Enums: (type: object, description: string, maxItems: number) =>
    EnumListField(() => type, { nullable: true, description, maxItems }),
  /** Records with any of these words in the field. */
  Texts: (description: string, maxLength: number) =>
    TextListField({ nullable: true, description, maxItems: MAX_FILTER_VALUES, maxLength }),
  /** Records in a period (a `DateRangeInput`). */
  Period: (description: string) =>
    NestedField(() => DateRangeInput, { nullable: true, description }),
  /** Records matching a text search (see `searchText`). */
  Search: (description: string) =>
    TextField({ nullable: true, description, maxLength: MAX_TEXT_LENGTH }),
};

/**
 * A filter's search text, trimmed and each run of whitespace one space (no name holds a line
 * break or a tab: legal actions keep their defendants' names one per line, and a text could
 * otherwise match across two of them).
 */
export function searchText(text: string | null | undefined, field: string): string | undefined {
  if (text === null || text === undefined) return undefined;
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (trimmed === "") throw badUserInput(field, "must not be empty");
  if (trimmed.length > MAX_TEXT_LENGTH) {
    throw badUserInput(field, `must be at most ${MAX_TEXT_LENGTH} characters`);
  }
  return trimmed;
}

/** `column = ANY(:name)` when the filter lists values; no condition when it does not. */
export function whereAnyOf(
  query: WhereExpressionBuilder,
  column: string,
  name: string,
  values: readonly string[] | null | undefined,
): void {
  if (values) query.andWhere(`${column} = ANY(:${name})`, { [name]: values });
}

/** `column` within the partial-date `range`, both ends inclusive; `field` names it in errors. */
export function whereWithin(
  query: WhereExpressionBuilder,
  column: string,
  range: DateRangeInput | null | undefined,
  field: string,
): void {
  if (!range) return;
  const { from, to } = dateRangeBounds(range, field);
  if (from) query.andWhere(`${column} >= :from`, { from });
  if (to) query.andWhere(`${column} <= :to`, { to });
}
