import type { Decimal, DecimalInput } from "../money/index.js";
import { decimalArg } from "./args.js";

/**
 * Attainment: value ÷ quota, as an exact fraction (1 is 100%). `null` when the quota is zero, because there is
 * no percentage of nothing; callers decide what a zero quota means for them (no bonus, or excluded from a
 * distribution) rather than receiving an Infinity.
 *
 * @example
 * ```ts
 * attainment(new Decimal(42500), new Decimal(50000)); // Decimal(0.85)
 * attainment(new Decimal(42500), new Decimal(0));     // null
 * ```
 */
export function attainment(value: DecimalInput, quota: DecimalInput): Decimal | null {
  const q = decimalArg(quota, "quota");
  if (q.isZero()) return null;
  return decimalArg(value, "value").div(q);
}
