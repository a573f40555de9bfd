import { ArgumentError } from "../errors/ArgumentError.js";
import { Decimal } from "./decimal.js";
import { tryDecimal } from "./toDecimal.js";

/**
 * Checks a decimal argument of a public function at its entry and throws an `ArgumentError` naming it: a
 * `Decimal` when `anyInput` is false, otherwise anything `toDecimal` reads (`"1000.50"`, `24`, a `Decimal`).
 *
 * @param fn - the public function called, as the message names it.
 * @param argument - the argument's name.
 * @param value - the argument as given.
 * @param optional - whether `undefined` is allowed.
 * @param anyInput - whether any decimal input (text, number) is allowed, not only a `Decimal`.
 * @example
 * ```ts
 * checkDecimalArgument("formatNumber", "value", "12", false, false);
 * // throws ArgumentError "formatNumber: value: expected a Decimal, got \"12\""
 * ```
 */
export function checkDecimalArgument(
  fn: string,
  argument: string,
  value: unknown,
  optional = false,
  anyInput = true,
): void {
  // Most calls pass the project's own Decimal: one instanceof, before anything else (formatNumber runs per deal).
  if (value instanceof Decimal || (optional && value === undefined)) return;
  const ok = anyInput ? tryDecimal(value).ok : Decimal.isDecimal(value);
  if (!ok) {
    throw new ArgumentError(fn, argument, anyInput ? "a decimal number such as 1000.50" : "a Decimal", value);
  }
}
