import { Decimal } from "../money/index.js";

/**
 * A short description of a value for messages: `null`, `a list`, `"text"`, `12`.
 *
 * @example
 * ```ts
 * describeValue([1, 2]); // "a list"
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (undefined)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Decimal) return value.toString();
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object") return "an object";
  return String(value);
}
