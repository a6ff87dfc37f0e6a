/**
 * The one error type every layer throws on purpose. Services never mention HTTP and routes
 * never catch: the code alone decides the HTTP status and the CLI exit code, via ERROR_TABLE.
 */

export const ERROR_TABLE = {
  VALIDATION_FAILED: { status: 422, exit: 3, title: "Validation failed" },
  /** The request itself cannot be read: bad multipart, bad JSON, bad encoding. */
  MALFORMED: { status: 400, exit: 3, title: "Malformed request" },
  UNAUTHENTICATED: { status: 401, exit: 4, title: "Not signed in" },
  FORBIDDEN: { status: 403, exit: 4, title: "Not allowed" },
  NOT_FOUND: { status: 404, exit: 5, title: "Not found" },
  CONFLICT: { status: 409, exit: 6, title: "Conflict" },
  TOO_LARGE: { status: 413, exit: 3, title: "Too large" },
  URI_TOO_LONG: { status: 414, exit: 3, title: "URI too long" },
  RATE_LIMITED: { status: 429, exit: 4, title: "Too many attempts" },
  INVALID_STATE: { status: 409, exit: 6, title: "Not possible in the current state" },
  GONE: { status: 410, exit: 5, title: "No longer available" },
  INTERNAL: { status: 500, exit: 1, title: "Internal error" },
} as const;

export type ErrorCode = keyof typeof ERROR_TABLE;

/** Exit code for command-line usage mistakes (unknown option, missing argument). */
export const USAGE_EXIT_CODE = 2;

/** A problem with one input field: `field` is a dotted path such as "criteria.0". */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: readonly FieldError[];
  /** For RATE_LIMITED: when to try again (the HTTP answer's Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    detail: string,
    fieldErrors: readonly FieldError[] = [],
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(detail);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_TABLE[this.code].status;
  }

  get exitCode(): number {
    return ERROR_TABLE[this.code].exit;
  }
}

/** A validation failure about one named field, with the message repeated in the detail. */
export function invalidField(field: string, message: string): AppError {
  return new AppError("VALIDATION_FAILED", `${field}: ${message}`, [{ field, message }]);
}

export function notFound(what: string, id: string): AppError {
  return new AppError("NOT_FOUND", `${what} "${id}" was not found`);
}
