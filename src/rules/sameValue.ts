import { Decimal } from "../money/index.js";
import { compareNumeric } from "./compareNumeric.js";
import { toNumeric } from "./toNumeric.js";

/**
 * Equality as json-rules-engine's `equal`, `in` and `contains` see it (`===`), with one exception: when one
 * side is a Decimal and both sides are numeric, they are equal when their decimal values are, so that
 * `Decimal("1000.50")` equals `1000.5`, `"1000.5"` and another `Decimal("1000.500")`. Without it a Decimal
 * would equal nothing but itself.
 *
 * @example
 * ```ts
 * sameValue(new Decimal("5.0"), 5); // true
 * sameValue("5", 5);                // false: no Decimal involved, so strict identity as in json-rules-engine
 * ```
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!(a instanceof Decimal || b instanceof Decimal)) return false;
  return decimalEquals(a, b);
}

/**
 * Whether two values are numeric and have the same decimal value (no identity check, no Decimal required).
 *
 * @example
 * ```ts
 * decimalEquals(new Decimal("1.10"), "1.1"); // true
 * ```
 */
export function decimalEquals(a: unknown, b: unknown): boolean {
  const x = toNumeric(a);
  if (x === undefined) return false;
  const y = toNumeric(b);
  return y !== undefined && compareNumeric(x, y) === 0;
}
