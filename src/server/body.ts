/**
 * Request bodies go to the service as they came: each service parses its input with zod, so
 * the CLI and the API share one definition of valid input. The type here only names what the
 * service will check; an absent body is an empty object so the errors name the fields.
 */
export function serviceInput<T = never>(body: unknown): T {
  return (body ?? {}) as T;
}
