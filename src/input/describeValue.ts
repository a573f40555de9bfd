import { quoteValue } from "../money/quoteValue.js";

/**
 * Writes a found value for an error message the way the user would recognise it: text quoted, numbers and
 * booleans as written, a long text by its start and length, and a word for lists and objects (printing them
 * whole could flood a terminal).
 *
 * @example
 * ```ts
 * describeValue("1,000"); // "\"1,000\""
 * describeValue([1]); // "a list"
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return quoteValue(value);
  if (typeof value === "object") return "an object";
  return String(value);
}
