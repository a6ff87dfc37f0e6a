/**
 * Answers to heavy reads (readiness, the controls list), kept as the UTF-8 bytes sent, per
 * caller and per organization state: a reuse then skips encoding the JSON text again, which
 * costs more than anything else a reused answer does. The state is the organization's audit
 * chain head and local date: every write that could change an answer appends to that chain,
 * so an answer is reused only while nothing was written, and never across callers (each was
 * authorized for the caller who asked). Bounded by total size, least recently used first out.
 */
export class ResponseCache {
  readonly #entries = new Map<string, Buffer>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  get(key: string): Buffer | undefined {
    const body = this.#entries.get(key);
    if (body !== undefined) {
      // Re-inserted: a Map iterates in insertion order, so the oldest stays first.
      this.#entries.delete(key);
      this.#entries.set(key, body);
    }
    return body;
  }

  set(key: string, body: Buffer): void {
    if (body.length > this.#maxBytes / 4) return;
    this.#remove(key);
    this.#entries.set(key, body);
    this.#bytes += body.length;
    while (this.#bytes > this.#maxBytes) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#remove(oldest);
    }
  }

  #remove(key: string): void {
    const body = this.#entries.get(key);
    if (body === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= body.length;
  }
}
