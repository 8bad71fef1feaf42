import { QueryFailedError } from "typeorm";
import { ErrorCode } from "./errors";

/** The SQLSTATEs (PostgreSQL, appendix A) answered with a code of our own. */
const SQLSTATE_CODES: Record<string, ErrorCode> = {
  "23503": ErrorCode.BAD_USER_INPUT, // foreign_key_violation
  "23505": ErrorCode.BAD_USER_INPUT, // unique_violation
  "23514": ErrorCode.BAD_USER_INPUT, // check_violation
  "57014": ErrorCode.TIMEOUT, // query_canceled: statement_timeout
};

/** node-postgres' messages when it gets no connection: there is no SQLSTATE then. */
const UNREACHABLE = /timeout exceeded when trying to connect|ECONNREFUSED|Connection terminated/;

/** What a PostgreSQL failure means to a client. */
export interface PostgresFailure {
  code: ErrorCode;
  message: string;
  /**
   * For a refused constraint, the input to change: `id` when a delete hit a record still
   * referenced, `input` when the record conflicts with a concurrent change.
   */
  field?: "id" | "input";
}

/** Our code and message for a PostgreSQL failure; undefined for any other error. */
export function postgresFailure(error: unknown): PostgresFailure | undefined {
  if (error instanceof QueryFailedError) {
    const { code, table } = error.driverError as { code?: string; table?: string };
    const ours = code === undefined ? undefined : SQLSTATE_CODES[code];
    if (ours === ErrorCode.TIMEOUT) {
      return { code: ours, message: "the database did not answer in time (statement timeout)" };
    }
    if (ours === ErrorCode.BAD_USER_INPUT) {
      const deleting = error.query.trimStart().toUpperCase().startsWith("DELETE");
      return code === "23503" && deleting
        ? {
            code: ours,
            field: "id",
            message: `the record is still referenced by ${table ?? "other"} rows; change or delete those first`,
          }
        : {
            code: ours,
            field: "input",
            message: "the record conflicts with a concurrent change; send it again",
          };
    }
  }
  if (error instanceof Error && UNREACHABLE.test(error.message)) {
    return {
      code: ErrorCode.SERVICE_UNAVAILABLE,
      message: "the database is unavailable; try again shortly",
    };
  }
  return undefined;
}
