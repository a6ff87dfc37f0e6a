/**
 * The only place that knows how values are stored so both engines read and write them the
 * same way. Timestamps are UTC ISO-8601 text with milliseconds, so text order is time order.
 */
import { randomUUID } from "node:crypto";

export function newId(): string {
  return randomUUID();
}

export function toDbTime(date: Date): string {
  return date.toISOString();
}

export function fromDbTime(value: string): Date {
  return new Date(value);
}

export function toDbJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromDbJson<T>(value: string): T {
  return JSON.parse(value) as T;
}

/** PostgreSQL returns COUNT(*) and BIGINT as strings; SQLite as numbers. */
export function toNumber(value: string | number | bigint): number {
  return Number(value);
}
