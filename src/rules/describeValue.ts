import { describeValue as describeFound } from "../errors/describeValue.js";
import { Decimal } from "../money/index.js";

/**
 * A short description of a value for the rules' messages, as errors/ describes any found value (text quoted and
 * cut after 40 characters, `a list`, `null`, `an instance of Map`), except that a `Decimal`, which rules compute
 * with, is written as its number.
 *
 * @param value - the value found.
 * @returns its description for a message.
 * @example
 * ```ts
 * describeValue([1, 2]); // "a list"
 * describeValue(new Decimal("1.50")); // "1.5"
 * ```
 */
export function describeValue(value: unknown): string {
  return value instanceof Decimal ? value.toString() : describeFound(value);
}
