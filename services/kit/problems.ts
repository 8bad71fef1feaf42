import { type ValidationError, validate } from "class-validator";
import { type GraphQLResolveInfo, getNamedType } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { ErrorCode, apiError } from "../../platform/errors";
import { RECORD_PROPERTY } from "./inputs";
import { type Path, type Problem, formatPath } from "../../platform/problem";

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
  const problems = await constraintProblems(value, argumentPath(type, info));
  if (problems.length) throw invalidInput(problems);
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
