import { type GraphQLError, type GraphQLResolveInfo, buildSchema } from "graphql";
import { registerDecorator } from "class-validator";
import { InputType } from "type-graphql";
import { describe, expect, it } from "vitest";
import {
  IdField,
  LanguageField,
  NestedListField,
  RequireOneOf,
  SourcesField,
  TextField,
} from "../../../../services/kit/inputs";
import {
  MAX_ARGUMENT_ITEMS,
  MAX_ARGUMENT_LENGTH,
  MAX_PROBLEMS,
  constraintProblems,
  errorProblems,
  invalidInput,
  problemTypes,
  validateArgument,
} from "../../../../services/kit/problems";
import { formatPath } from "../../../../platform/problem";

@InputType("UnitQuoteInput")
class QuoteInput {
  @TextField({ description: "Words.", maxLength: 10 })
  text: string;

  @LanguageField({ description: "Language." })
  language: string;
}

@RequireOneOf(["state", "actor"])
@InputType("UnitRecordInput")
class RecordInput {
  @IdField({ description: "Slug." })
  id: string;

  @IdField({ description: "A state.", nullable: true })
  state?: string | null;

  @IdField({ description: "An actor.", nullable: true })
  actor?: string | null;

  @NestedListField(() => QuoteInput, { description: "Quotes.", maxItems: 2 })
  quotes: QuoteInput[];

  @SourcesField()
  sources: string[];
}

const quote = (text: string, language: string) =>
  Object.assign(new QuoteInput(), { text, language });
const record = (fields: Partial<RecordInput>) =>
  Object.assign(new RecordInput(), {
    id: "ok",
    state: "cn",
    quotes: [],
    sources: ["s"],
    ...fields,
  });

// An invalid input is answered with one BAD_USER_INPUT listing every problem by path: paths
// read `input.quotes[1].text`, a message lists them all, and a hostile input's list stays short.
describe("services > kit > problems > invalidInput", () => {
  it("formats paths with dots for fields and brackets for positions", () => {
    expect(formatPath(["input", "quotes", 0, "translations", 12, "text"])).toBe(
      "input.quotes[0].translations[12].text",
    );
    expect(formatPath([3])).toBe("[3]");
    expect(formatPath([])).toBe("");
  });

  it("says one problem as it is, and several with their count, naming the first field", () => {
    const one = invalidInput([{ path: ["input", "id"], message: "must be a slug" }]);
    expect(one.message).toBe("input.id: must be a slug");
    expect(one.extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "input.id",
      problems: [{ path: ["input", "id"], message: "must be a slug" }],
    });
    const two = invalidInput([
      { path: ["input", "quotes", 1, "text"], message: "must not be empty" },
      { path: ["input", "issuer"], message: 'Government "zz" does not exist' },
    ]);
    expect(two.message).toBe(
      '2 problems: input.quotes[1].text: must not be empty; input.issuer: Government "zz" does not exist',
    );
    expect(two.extensions.field).toBe("input.quotes[1].text");
  });

  it(`lists at most ${MAX_PROBLEMS} problems, and counts them all`, () => {
    const all = Array.from({ length: 250 }, (_, i) => ({ path: ["ids", i], message: "bad" }));
    const error = invalidInput(all);
    expect(error.extensions.problems).toHaveLength(MAX_PROBLEMS);
    expect(error.message).toMatch(/^250 problems: ids\[0\]: bad; /);
    expect(error.message.split("; ")).toHaveLength(MAX_PROBLEMS);
  });
});

// class-validator's findings on a write input, flattened: nested lists give numeric positions,
// a record-level rule is reported on the record itself.
describe("services > kit > problems > constraintProblems", () => {
  it("finds nothing wrong with a valid record", async () => {
    expect(await constraintProblems(record({ quotes: [quote("ok", "fr")] }), ["input"])).toEqual(
      [],
    );
  });

  it("reports every problem, nested ones by position, the record's own at its root", async () => {
    const problems = await constraintProblems(
      record({
        id: "Not A Slug",
        state: null,
        quotes: [quote("fine", "en"), quote("", "français"), quote("far too long", "en")],
        sources: [],
      }),
      ["input"],
    );
    expect(problems.map((p) => `${formatPath(p.path)}: ${p.message}`).sort()).toEqual([
      "input.id: must be a slug: lowercase letters, digits and single hyphens",
      "input.quotes: must have at most 2 items",
      'input.quotes[1].language: must be a BCP 47 language tag such as "en", "fr" or "de-CH"',
      "input.quotes[1].text: must not be empty",
      "input.quotes[2].text: must be at most 10 characters",
      "input.sources: must have at least 1 item(s)",
      "input: must set at least one of state, actor",
    ]);
  });
});

const SCHEMA = buildSchema(/* GraphQL */ `
  input UnitRecordInput {
    id: ID!
  }
  type Query {
    government(id: ID!): Int
    governments(ids: [ID!]): Int
    check(record: UnitRecordInput): Int
  }
  type Mutation {
    deleteGovernment(id: ID!): Int
  }
`);

/** What type-graphql hands `validateFn` for an argument of `field`, and the error it throws. */
async function argumentError(
  field: string,
  value: unknown,
  { type = String as unknown, mutation = false } = {},
): Promise<GraphQLError | undefined> {
  const parentType = mutation ? SCHEMA.getMutationType()! : SCHEMA.getQueryType()!;
  const info = { parentType, schema: SCHEMA, fieldName: field } as GraphQLResolveInfo;
  const [argument] = parentType.getFields()[field].args;
  try {
    await validateArgument(value, type, { info, args: { [argument.name]: value } });
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

// Plain arguments are bounded too, and input objects are checked by their class, rooted at the
// argument's name; mutations are left to the write path, which checks the whole record at once.
describe("services > kit > problems > validateArgument", () => {
  it(`refuses an id over ${MAX_ARGUMENT_LENGTH} characters and a list over ${MAX_ARGUMENT_ITEMS} items`, async () => {
    expect(await argumentError("government", "x".repeat(MAX_ARGUMENT_LENGTH))).toBeUndefined();
    expect((await argumentError("government", "x".repeat(201)))?.message).toBe(
      "id: must be at most 200 characters",
    );
    const many = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    expect((await argumentError("governments", many))?.message).toBe(
      "ids: must have at most 100 items",
    );
    const long = ["us", "y".repeat(300)];
    const error = await argumentError("governments", long);
    expect(error?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "ids[1]",
      problems: [{ path: ["ids", 1], message: "must be at most 200 characters" }],
    });
  });

  it("checks an input object by its class, with paths under the argument", async () => {
    const bad = record({ id: "Bad Id" });
    const error = await argumentError("check", bad, { type: RecordInput });
    expect(error?.message).toBe(
      "record.id: must be a slug: lowercase letters, digits and single hyphens",
    );
    expect(await argumentError("check", record({}), { type: RecordInput })).toBeUndefined();
  });

  it("checks a value its class found valid once, and an invalid one every time", async () => {
    const checked: unknown[] = [];
    class CountedInput {
      id?: string;
    }
    registerDecorator({
      target: CountedInput,
      propertyName: "id",
      validator: {
        validate: (value: unknown) => (checked.push(value), value !== "bad"),
        defaultMessage: () => "is bad",
      },
    });
    const counted = (id: string) => Object.assign(new CountedInput(), { id });
    for (const id of ["a", "a", "b", "a"]) {
      expect(await argumentError("check", counted(id), { type: CountedInput })).toBeUndefined();
    }
    expect(checked).toEqual(["a", "b"]);
    for (let i = 0; i < 2; i += 1) {
      const error = await argumentError("check", counted("bad"), { type: CountedInput });
      expect(error?.message).toBe("id: is bad");
    }
    expect(checked).toEqual(["a", "b", "bad", "bad"]);
  });

  it("leaves a mutation's arguments to the write path", async () => {
    expect(
      await argumentError("deleteGovernment", "x".repeat(5000), { mutation: true }),
    ).toBeUndefined();
  });
});

// A payload's problems: paths as strings, a code for each, at most MAX_PROBLEMS.
describe("services > kit > problems > payload problems", () => {
  it("lists each problem with string paths and a code, INVALID when none is given", () => {
    const listed = problemTypes([
      { path: ["input", "quotes", 0, "language"], message: "must be a BCP 47 tag" },
      { path: ["input", "issuer"], code: "NOT_FOUND", message: 'Government "zz" does not exist' },
    ]);
    expect(listed.map((p) => ({ ...p }))).toEqual([
      {
        path: ["input", "quotes", "0", "language"],
        code: "INVALID",
        message: "must be a BCP 47 tag",
      },
      { path: ["input", "issuer"], code: "NOT_FOUND", message: 'Government "zz" does not exist' },
    ]);
  });

  it("keeps the first MAX_PROBLEMS of a hostile input", () => {
    const many = Array.from({ length: MAX_PROBLEMS + 5 }, (_, i) => ({
      path: ["input", i],
      message: "wrong",
    }));
    expect(problemTypes(many)).toHaveLength(MAX_PROBLEMS);
  });

  it("reads the problems of an invalidInput error, and none of any other error", () => {
    const problems = [{ path: ["id"], message: "must be a slug" }];
    expect(errorProblems(invalidInput(problems))).toEqual(problems);
    expect(errorProblems(new Error("boom"))).toBeNull();
    expect(errorProblems(null)).toBeNull();
  });
});
