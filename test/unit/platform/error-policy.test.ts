import { GraphQLError } from "graphql";
import { QueryFailedError } from "typeorm";
import { describe, expect, it } from "vitest";
import { formatError } from "../../../platform/error-policy";
import { ErrorCode, apiError, badUserInput, notFound } from "../../../platform/errors";

/** An error as Apollo hands it to formatError: formatted, and the original it came from. */
const format = (production: boolean, error: Error) =>
  formatError(production)(
    error instanceof GraphQLError ? error.toJSON() : { message: error.message, path: ["x"] },
    error,
  );

// Clients get a code for every error; the database's timeouts and outages get their own, and in
// production anything internal is masked down to its code.
describe("platform > error-policy > formatError", () => {
  it("keeps the project's own errors as they are, in production too", () => {
    for (const error of [notFound("Government", "zz"), badUserInput("first", "too big")]) {
      expect(format(true, error)).toEqual(error.toJSON());
    }
    expect(notFound("Government", "zz").toJSON()).toEqual({
      message: 'Government "zz" does not exist',
      extensions: { code: "NOT_FOUND", type: "Government", id: "zz" },
    });
  });

  it("answers a statement timeout as TIMEOUT and a lost database as SERVICE_UNAVAILABLE", () => {
    const timeout = new QueryFailedError(
      "SELECT 1",
      [],
      Object.assign(new Error("canceling"), { code: "57014" }),
    );
    expect(format(false, timeout)).toMatchObject({
      message: "the database did not answer in time (statement timeout)",
      extensions: { code: ErrorCode.TIMEOUT },
    });
    for (const message of [
      "connect ECONNREFUSED 127.0.0.1:5432",
      "Connection terminated unexpectedly",
      "timeout exceeded when trying to connect",
    ]) {
      expect(format(true, new Error(message)).extensions).toEqual({
        code: ErrorCode.SERVICE_UNAVAILABLE,
      });
    }
  });

  it("masks an internal error in production only, keeping its path", () => {
    const internal = new Error("relation governments.x does not exist at Foo.bar (/app/x.ts:1)");
    expect(format(false, internal).message).toBe(internal.message);
    expect(format(true, internal)).toEqual({
      message: "internal server error",
      path: ["x"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    const unknownCode = apiError("SOMETHING_ELSE" as ErrorCode, "detail");
    expect(format(true, unknownCode).message).toBe("internal server error");
  });
});
