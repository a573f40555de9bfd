import type DecimalJs from "decimal.js";
import { Decimal } from "./decimal.js";

/** How an amount is rounded to the plan's scale. `half-up` rounds halves away from zero. */
export type RoundingMode = "half-up" | "half-even" | "down" | "up";

/** The plan's output rounding: decimal places and mode. */
export interface Rounding {
  scale: number;
  mode: RoundingMode;
}

// "down" and "up" are toward and away from zero, as finance uses them (a negative adjustment rounded "down"
// shrinks in magnitude, like a positive one).
const MODES: Record<RoundingMode, DecimalJs.Rounding> = {
  "half-up": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

/**
 * Rounds an exact decimal to the plan's scale and mode. compplan calls this once per output line; everything
 * before it is exact.
 *
 * @example
 * ```ts
 * roundMoney(new Decimal("2.345"), { scale: 2, mode: "half-up" }).toFixed(2);   // "2.35"
 * roundMoney(new Decimal("2.345"), { scale: 2, mode: "half-even" }).toFixed(2); // "2.34"
 * ```
 */
export function roundMoney(value: Decimal, rounding: Rounding): Decimal {
  return value.toDecimalPlaces(rounding.scale, MODES[rounding.mode]);
}

/**
 * Rounds and formats an amount as a decimal string at exactly the plan's scale (`"1200.50"`, never `"1200.5"`
 * or `"1.2005e+3"`). Negative zero is printed as zero.
 *
 * @example
 * ```ts
 * formatMoney(new Decimal("6900"), { scale: 2, mode: "half-up" }); // "6900.00"
 * ```
 */
export function formatMoney(value: Decimal, rounding: Rounding): string {
  const rounded = roundMoney(value, rounding);
  return (rounded.isZero() ? new Decimal(0) : rounded).toFixed(rounding.scale);
}
