import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  registerDecorator,
} from "class-validator";
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { type ClassType, Field, ID, Int } from "type-graphql";
import { PARTIAL_DATE_STRING, partialDateValue } from "../../platform/partial-date";
import { PLAIN_TEXT_PATTERN, PlainText } from "./plain-text";

/**
 * Write inputs declare each field once, with these decorators: the GraphQL type, its
 * description, the class-validator checks writes run, and the JSON Schema keywords of the bundle
 * format (schema/bundle.schema.json is generated from them) all come from the same call.
 */
export interface JsonLimits {
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
}

export interface FieldLimits {
  item: JsonLimits;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

const registry = new Map<object, Map<string, FieldLimits>>();
const oneOfRules = new Map<object, string[]>();

/** The JSON Schema limits declared for `property` of an input class (for the generator). */
export function limitsOf(target: ClassType, property: string): FieldLimits | undefined {
  return registry.get(target.prototype)?.get(property);
}

/** The fields of which an input needs at least one, if it declares such a rule. */
export function oneOfRequired(target: ClassType): string[] | undefined {
  return oneOfRules.get(target.prototype);
}

/** A problem reported on the record itself, not on one of its fields (see problems.ts). */
export const RECORD_PROPERTY = "@record";

/** The record must set at least one of `fields`: a class-validator check and a JSON Schema `anyOf`. */
export function RequireOneOf(fields: string[]): ClassDecorator {
  return (target) => {
    oneOfRules.set(target.prototype, fields);
    registerDecorator({
      target,
      propertyName: RECORD_PROPERTY,
      options: { message: `must set at least one of ${fields.join(", ")}` },
      validator: {
        validate: (_value, args) =>
          fields.some((f) => (args?.object as Record<string, unknown>)[f] != null),
      },
    });
  };
}

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MAX = 100;
/** BCP 47, the shapes the dataset uses: "en", "fr", "de-CH", "zh-Hans". */
export const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$/;
export const URL = /^https?:\/\/\S+$/;

/** A slug's pattern, for text that is not a reference (a catalogue's name, a connector's). */
export const SLUG_TEXT = {
  regex: SLUG,
  rule: "must be a slug: lowercase letters, digits and single hyphens",
};
/** Sectors and target categories: "defense", "private sector". */
export const LOWERCASE_WORDS = {
  regex: /^[a-z][a-z0-9 -]*$/,
  rule: "must be lowercase words: letters, digits, spaces and hyphens, starting with a letter",
};

interface Doc {
  description: string;
  nullable?: boolean;
}

type Decorate = (target: object, property: string) => void;

function field(
  type: () => unknown,
  doc: Doc,
  limits: FieldLimits,
  checks: Decorate[],
  rule: string,
): PropertyDecorator {
  return (target, property) => {
    const name = String(property);
    const description = rule ? `${doc.description} ${rule}` : doc.description;
    Field(type as never, { nullable: doc.nullable ?? false, description })(target, name);
    if (doc.nullable) IsOptional()(target, name);
    for (const check of checks) check(target, name);
    if (!registry.has(target)) registry.set(target, new Map());
    registry.get(target)!.set(name, limits);
  };
}

const slugChecks = (each: boolean): Decorate[] => [
  // First: its message names the character a slug's pattern would only refuse.
  PlainText(),
  Matches(SLUG, {
    each,
    message: `${each ? "each item " : ""}${SLUG_TEXT.rule}`,
  }),
  MaxLength(SLUG_MAX, { each, message: `must be at most ${SLUG_MAX} characters` }),
];
const SLUG_LIMITS: JsonLimits = { pattern: SLUG.source, maxLength: SLUG_MAX };
const SLUG_RULE = "A slug: lowercase letters, digits and hyphens, at most 100 characters.";

/** The id of a record, or a reference to one: a readable slug such as "cn-mss". */
export const IdField = (doc: Doc) =>
  field(() => ID, doc, { item: SLUG_LIMITS }, slugChecks(false), SLUG_RULE);

/** References to records, without duplicates. */
export const IdListField = (doc: Doc & { maxItems: number; minItems?: number }) =>
  field(
    () => [ID],
    doc,
    { item: SLUG_LIMITS, maxItems: doc.maxItems, uniqueItems: true, minItems: doc.minItems },
    [...slugChecks(true), ...listChecks(doc.maxItems, true, doc.minItems)],
    `Slugs, ${doc.minItems ? `at least ${doc.minItems} and ` : ""}at most ${doc.maxItems}, no duplicates.`,
  );

/** The keys of the sources a record cites (at least one), given in the write's `sources`. */
export const SourcesField = () =>
  IdListField({
    description: "Keys of the sources the record cites (see `sources`).",
    maxItems: MAX_SOURCES,
    minItems: 1,
  });

function listChecks(maxItems: number, unique: boolean, minItems?: number): Decorate[] {
  return [
    ArrayMaxSize(maxItems, { message: `must have at most ${maxItems} items` }),
    ...(minItems
      ? [ArrayMinSize(minItems, { message: `must have at least ${minItems} item(s)` })]
      : []),
    ...(unique ? [ArrayUnique({ message: "must not repeat an item" })] : []),
  ];
}

interface TextDoc extends Doc {
  maxLength: number;
  pattern?: { regex: RegExp; rule: string };
}

function textChecks(doc: TextDoc, each: boolean): Decorate[] {
  const item = each ? "each item " : "";
  return [
    MinLength(1, { each, message: `${item}must not be empty` }),
    MaxLength(doc.maxLength, {
      each,
      message: `${item}must be at most ${doc.maxLength} characters`,
    }),
    ...(doc.pattern
      ? [Matches(doc.pattern.regex, { each, message: `${item}${doc.pattern.rule}` })]
      : []),
  ];
}

function textLimits(doc: TextDoc): JsonLimits {
  return {
    minLength: 1,
    maxLength: doc.maxLength,
    ...(doc.pattern ? { pattern: doc.pattern.regex.source } : {}),
  };
}

type TextListDoc = TextDoc & { maxItems: number; minItems?: number };

const PLAIN_RULE = " No invisible, direction-changing or control characters.";

/** A name's checks and JSON limits: a text's, and no hidden character (plain-text.ts). */
const plain = (doc: TextDoc, limits: JsonLimits, checks: Decorate[]) => ({
  limits: doc.pattern ? limits : { ...limits, pattern: PLAIN_TEXT_PATTERN },
  checks: [...checks, PlainText()],
});

function textField(doc: TextDoc, name: boolean) {
  const text = { limits: textLimits(doc), checks: textChecks(doc, false) };
  const { limits, checks } = name ? plain(doc, text.limits, text.checks) : text;
  const rule = `At most ${doc.maxLength} characters.${name ? PLAIN_RULE : ""}`;
  return field(() => String, doc, { item: limits }, checks, rule);
}

function textListField(doc: TextListDoc, name: boolean) {
  const text = { limits: textLimits(doc), checks: textChecks(doc, true) };
  const { limits, checks } = name ? plain(doc, text.limits, text.checks) : text;
  return field(
    () => [String],
    doc,
    { item: limits, maxItems: doc.maxItems, uniqueItems: true, minItems: doc.minItems },
    [...checks, ...listChecks(doc.maxItems, true, doc.minItems)],
    `${doc.minItems ? `At least ${doc.minItems}, at` : "At"} most ${doc.maxItems} items of at most ${doc.maxLength} characters, no duplicates.${name ? PLAIN_RULE : ""}`,
  );
}

/** Text as its source words it (a statement, a quote, a description): any character. */
export const TextField = (doc: TextDoc) => textField(doc, false);
export const TextListField = (doc: TextListDoc) => textListField(doc, false);

/** A name, title or alias, which people read and compare: plain text only (plain-text.ts). */
export const NameField = (doc: TextDoc) => textField(doc, true);
export const NameListField = (doc: TextListDoc) => textListField(doc, true);

/** Text of a fixed form: `maxLength` characters at most, matching `pattern`. */
const formField = (doc: Doc, maxLength: number, pattern: TextDoc["pattern"], rule: string) => {
  const text = { ...doc, maxLength, pattern };
  return field(() => String, doc, { item: textLimits(text) }, textChecks(text, false), rule);
};

const LANGUAGE_TEXT = {
  regex: LANGUAGE,
  rule: 'must be a BCP 47 language tag such as "en", "fr" or "de-CH"',
};
export const LanguageField = (doc: Doc) =>
  formField(doc, 35, LANGUAGE_TEXT, 'BCP 47 tag: "en", "fr", "de-CH".');

const URL_TEXT = { regex: URL, rule: "must be an http(s) URL" };
export const UrlField = (doc: Doc) =>
  formField(doc, 2000, URL_TEXT, "An http(s) URL, at most 2000 characters.");

export const IntField = (doc: Doc & { min: number; max: number }) =>
  field(
    () => Int,
    doc,
    { item: { minimum: doc.min, maximum: doc.max } },
    [
      Min(doc.min, { message: `must be at least ${doc.min}` }),
      Max(doc.max, { message: `must be at most ${doc.max}` }),
    ],
    `From ${doc.min} to ${doc.max}.`,
  );

export const EnumField = (type: () => object, doc: Doc) => field(type, doc, { item: {} }, [], "");

export const EnumListField = (type: () => object, doc: Doc & { maxItems: number }) =>
  field(
    () => [type()],
    doc,
    { item: {}, maxItems: doc.maxItems, uniqueItems: true },
    listChecks(doc.maxItems, true),
    `At most ${doc.maxItems}, no duplicates.`,
  );

export const DateField = (doc: Doc) => field(() => PartialDateScalar, doc, { item: {} }, [], "");

export const NestedField = (type: () => ClassType, doc: Doc) =>
  field(type, doc, { item: {} }, [ValidateNested()], "");

export const NestedListField = (type: () => ClassType, doc: Doc & { maxItems: number }) =>
  field(
    () => [type()],
    doc,
    { item: {}, maxItems: doc.maxItems },
    [ValidateNested({ each: true }), ...listChecks(doc.maxItems, false)],
    `At most ${doc.maxItems}.`,
  );

export const PartialDateScalar = new GraphQLScalarType({
  name: "PartialDate",
  description:
    'A date as precise as its source states it: "2021" (a year), "2021-03" (a month) or "2021-07-19" (a day). It must exist in the calendar.',
  serialize: (value) => String(value),
  parseValue: partialDateValue,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError(PARTIAL_DATE_STRING);
    }
    return partialDateValue(ast.value);
  },
});

/** The most sources one write may carry (and one record may cite). */
export const MAX_SOURCES = 100;
