import type { MultipartValue, Multipart } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { Readable } from "node:stream";
import { AppError } from "../domain/errors.ts";
/**
 * Request bodies go to the service as they came: each service parses its input with zod, so
 * the CLI and the API share one definition of valid input. The type here only names what the
 * service will check; an absent body is an empty object so the errors name the fields.
 */
export function serviceInput<T = never>(body: unknown): T {
  return (body ?? {}) as T;
}

/**
 * What the multipart parser says about a body it cannot read, as the caller's 400. Refusals
 * of its own (limits: 413) and ours pass through unchanged.
 */
export function malformedMultipart(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (typeof (error as { statusCode?: unknown }).statusCode === "number") return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError("MALFORMED", `not a readable multipart/form-data body: ${reason}`);
}

/** The parts of a multipart body, with a malformed body reported as the caller's 400. */
export async function* multipartParts(
  request: FastifyRequest,
): AsyncGenerator<Multipart | MultipartValue> {
  let parts: AsyncIterator<Multipart> | undefined;
  for (;;) {
    let next: IteratorResult<Multipart>;
    try {
      parts ??= request.parts()[Symbol.asyncIterator]();
      next = await parts.next();
    } catch (error) {
      throw malformedMultipart(error);
    }
    if (next.done === true) return;
    yield next.value;
  }
}

/** Runs `work` on a part's stream; the stream's own failure (a cut body) is the caller's 400. */
export async function readingPart<T>(stream: Readable, work: () => Promise<T>): Promise<T> {
  let streamError: unknown;
  stream.once("error", (error) => {
    streamError = error;
  });
  try {
    return await work();
  } catch (error) {
    // A short body may fail the stream before the part is even handed over.
    const failure = streamError ?? stream.errored;
    throw failure === undefined || failure === null ? error : malformedMultipart(failure);
  }
}
