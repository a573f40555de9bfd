import { quoteValue } from "./quoteValue.js";

/**
 * Writes a found value for an error message the way the user would recognise it: text quoted (cut after 40
 * characters, with its length), numbers and booleans as written, and a word for anything else (`a list`, `an
 * object`, `an instance of Foo`, `a Date`, `a function`), since printing it whole could flood a terminal.
 *
 * @param value - the value found.
 * @returns its description for a message.
 * @example
 * ```ts
 * describeValue("1,000"); // "\"1,000\""
 * describeValue([1]); // "a list"
 * describeValue(new Map()); // "an instance of Map"
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return quoteValue(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return "a symbol";
  if (typeof value === "function") return "a function";
  if (typeof value === "object") {
    if (value instanceof Date) return "a Date";
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return "an object";
    const name = typeof proto?.constructor === "function" ? proto.constructor.name : "";
    return name ? `an instance of ${name}` : "an instance of a class";
  }
  return String(value);
}
