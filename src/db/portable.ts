/**
 * The only place that knows how values are stored so both engines read and write them the
 * same way. Timestamps are UTC ISO-8601 text with milliseconds, so text order is time order.
 */
import { randomUUID } from "node:crypto";

export function newId(): string {
  return randomUUID();
}

export function toDbJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromDbJson<T>(value: string): T {
  return JSON.parse(value) as T;
}
