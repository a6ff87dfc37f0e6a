/** A mistake in how a command was called (exit 2), as opposed to bad data (exit 3). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
