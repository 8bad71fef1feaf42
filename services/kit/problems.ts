import {
  IS_OPTIONAL,
  type ValidationError,
  ValidationTypes,
  getMetadataStorage as validationMetadata,
  validate,
} from "class-validator";
import { type GraphQLResolveInfo, getNamedType } from "graphql";
import { Directive, Field, ObjectType, getMetadataStorage } from "type-graphql";
import { ErrorCode, apiError } from "../../platform/errors";
import { RECORD_PROPERTY } from "./inputs";
import { type Path, type Problem, formatPath } from "../../platform/problem";
import { type EnumValue, describedEnum } from "./enums";
import { listSize } from "./connection";

/** The deepest path a problem has: the gateway refuses variables nested deeper. */
const MAX_PATH = 32;

export const ProblemCode = describedEnum("ProblemCode", "What is wrong with a write's input.", {
  INVALID: "The value breaks the field's rule (format, length, range, count, required).",
  NOT_FOUND: "It names a record that does not exist.",
  DUPLICATE: "The same value is given twice where each must be unique.",
  TAKEN: "The id already belongs to another record.",
  UNKNOWN_SOURCE: "It cites a source key that is neither sent in `sources` nor stored.",
  UNCITED_SOURCE: "A source is sent in `sources` but nothing in the record cites it.",
  SOURCE_CONFLICT:
    "A source is sent with another definition than the one stored under its key (send `updateSources: true` to change it for every record citing it).",
  CONFIDENCE_MISMATCH: "`confidenceLevel` and `confidenceScore` disagree (see ConfidenceLevel).",
  REFERENCED: "The record cannot be deleted while other records refer to it.",
  CONFLICT: "The record conflicts with a concurrent change: send it again.",
  UNRESOLVED_REFERENCE:
    "A warning: it names a record of another source that the graph does not hold (yet). The write is kept, since writes across sources are order-free; `npm run integrity` lists the reference until it resolves.",
});
export type ProblemCode = EnumValue<typeof ProblemCode>;

@Directive("@shareable")
@ObjectType("Problem", {
  simpleResolvers: true,
  description: "One thing wrong with a write's input: where, what kind, and what.",
})
export class ProblemType {
  @Directive(listSize(MAX_PATH))
  @Field(() => [String], {
    description: 'Path to the field, indexes as strings: ["input", "quotes", "0", "language"].',
  })
  path: string[];

  @Field(() => ProblemCode, { description: "What kind of problem." })
  code: ProblemCode;

  @Field(() => String, { description: 'What is wrong, in one line: "must be a BCP 47 tag".' })
  message: string;
}

/** A payload's `problems`: at most MAX_PROBLEMS. */
export function ProblemsField(description: string): PropertyDecorator {
  return (target, key) => {
    Directive(listSize(MAX_PROBLEMS))(target, key);
    Field(() => [ProblemType], { description })(target, key);
  };
}

/** Problems as a payload lists them (the first MAX_PROBLEMS). */
export function problemTypes(problems: Problem[]): ProblemType[] {
  return problems.slice(0, MAX_PROBLEMS).map((p) =>
    Object.assign(new ProblemType(), {
      path: p.path.map(String),
      code: (p.code ?? ProblemCode.INVALID) as ProblemCode,
      message: p.message,
    }),
  );
}

/** The problems an `invalidInput` error carries, or none for any other error. */
export function errorProblems(error: unknown): Problem[] | null {
  const extensions = (error as { extensions?: Record<string, unknown> } | null)?.extensions;
  if (extensions?.code !== ErrorCode.BAD_USER_INPUT) return null;
  return Array.isArray(extensions.problems) ? (extensions.problems as Problem[]) : null;
}

/** The most problems one error lists: an answer about a hostile input stays small. */
export const MAX_PROBLEMS = 100;

/** Every problem of an input in one BAD_USER_INPUT error, each with its path. */
export function invalidInput(all: Problem[]) {
  const problems = all.slice(0, MAX_PROBLEMS);
  const listed = problems.map((p) => `${formatPath(p.path)}: ${p.message}`);
  const message = all.length === 1 ? listed[0] : `${all.length} problems: ${listed.join("; ")}`;
  return apiError(ErrorCode.BAD_USER_INPUT, message, {
    field: formatPath(problems[0].path),
    problems: problems.map((p) => ({ path: p.path, message: p.message })),
  });
}

function flatten(errors: ValidationError[], path: Path, into: Problem[]): Problem[] {
  for (const error of errors) {
    const at =
      error.property === RECORD_PROPERTY
        ? path
        : [...path, /^\d+$/.test(error.property) ? Number(error.property) : error.property];
    for (const message of Object.values(error.constraints ?? {})) into.push({ path: at, message });
    flatten(error.children ?? [], at, into);
  }
  return into;
}

/** What class-validator finds wrong with `value` (an input class instance), rooted at `path`. */
export async function constraintProblems(value: object, path: Path): Promise<Problem[]> {
  const errors = await validate(value, {
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
  });
  return flatten(errors, path, []);
}

/**
 * type-graphql's `validateFn` for every argument but writes (whose resolvers validate the whole
 * record with the checks that need the database, to report everything at once).
 */
export async function validateArgument(
  value: unknown,
  type: unknown,
  { info, args }: { info: GraphQLResolveInfo; args: Record<string, unknown> },
): Promise<void> {
  // Mutations validate their whole record in the write path, with the database's checks.
  if (info.parentType === info.schema.getMutationType()) return;
  if (typeof value === "string" || Array.isArray(value)) return boundedScalar(value, args);
  if (value === null || typeof value !== "object") return;
  if (nothingToCheck(value)) return;
  const valid = validValues(value);
  const key = JSON.stringify(value);
  const kept = key.length <= MAX_VALID_KEY_LENGTH;
  if (kept && valid.has(key)) return;
  const problems = await constraintProblems(value, argumentPath(type, info));
  if (problems.length) throw invalidInput(problems);
  if (!kept) return;
  if (valid.size >= MAX_VALID_VALUES) valid.clear();
  valid.add(key);
}

/**
 * Argument values class-validator found valid, per argument class, as JSON: its checks depend on
 * the value alone, so a value is checked once, not on every request that repeats it (the
 * benchmark's filtered list: its filter was 2.5 % of the governments subgraph's samples) nor for
 * each item of a page that asks it again. Bounded: long values are not kept, and a class's set is
 * emptied when full.
 */
const validByClass = new Map<object, Set<string>>();
const MAX_VALID_VALUES = 1_000;
const MAX_VALID_KEY_LENGTH = 1_000;

function validValues(value: object): Set<string> {
  let valid = validByClass.get(value.constructor);
  if (!valid) validByClass.set(value.constructor, (valid = new Set()));
  return valid;
}

/**
 * Per argument class, the properties class-validator checks when each is `@IsOptional`, else
 * null: it checks nothing of an optional property that is null or undefined.
 */
const optionalOnly = new Map<object, string[] | null>();

/** Whether class-validator would find nothing to check in `value` (`first: 20`, no cursor). */
function nothingToCheck(value: object): boolean {
  const target = value.constructor;
  let properties = optionalOnly.get(target);
  if (properties === undefined) {
    const metadatas = validationMetadata().getTargetValidationMetadatas(
      target,
      undefined as never,
      false,
      false,
    );
    const names = [...new Set(metadatas.map((metadata) => metadata.propertyName))];
    const optional = (name: string) =>
      metadatas.some(
        (metadata) =>
          metadata.propertyName === name &&
          metadata.type === ValidationTypes.CONDITIONAL_VALIDATION &&
          metadata.name === IS_OPTIONAL,
      );
    properties = names.every(optional) ? names : null;
    optionalOnly.set(target, properties);
  }
  const record = value as Record<string, unknown>;
  return (
    properties !== null &&
    properties.every((name) => record[name] === null || record[name] === undefined)
  );
}

/** The longest id or text a plain argument may carry (slugs are at most 100 characters). */
export const MAX_ARGUMENT_LENGTH = 200;
export const MAX_ARGUMENT_ITEMS = 100;

/** Plain arguments (`id`, `ids`) are bounded too: a megabyte id is refused, not looked up. */
function boundedScalar(value: string | unknown[], args: Record<string, unknown>): void {
  const name = Object.keys(args).find((key) => args[key] === value) ?? "argument";
  const problems: Problem[] = [];
  if (typeof value === "string" && value.length > MAX_ARGUMENT_LENGTH) {
    problems.push({ path: [name], message: `must be at most ${MAX_ARGUMENT_LENGTH} characters` });
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_ARGUMENT_ITEMS) {
      problems.push({ path: [name], message: `must have at most ${MAX_ARGUMENT_ITEMS} items` });
    }
    value.forEach((item, i) => {
      if (typeof item === "string" && item.length > MAX_ARGUMENT_LENGTH) {
        problems.push({
          path: [name, i],
          message: `must be at most ${MAX_ARGUMENT_LENGTH} characters`,
        });
      }
    });
  }
  if (problems.length) throw invalidInput(problems);
}

/** The argument an input class was given as (`filter`), or none for `@Args` classes. */
function argumentPath(type: unknown, info: GraphQLResolveInfo): Path {
  const input = getMetadataStorage().inputTypes.find((t) => t.target === type);
  if (!input) return [];
  const field = info.parentType.getFields()[info.fieldName];
  const arg = field?.args.find((a) => getNamedType(a.type).name === input.name);
  return arg ? [arg.name] : [];
}
