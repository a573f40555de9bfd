// Number formatting for traces and sentences. Internal: not re-exported from the barrel.
//
// Traces are read by people checking a statement, so amounts are grouped ("1,000,000") and cut to a few
// decimals; a cut value ends in "…" so nobody mistakes 333,333.33… for the exact amount.
import { Decimal, type RoundingMode, roundMoney } from "../money/index.js";

function group(text: string): string {
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const [int = "0", frac] = body.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

/**
 * Formats a number for a trace: thousands grouped, trailing zeros dropped, at most `decimals` decimals, and "…"
 * when that cut something off.
 *
 * @example
 * ```ts
 * formatNumber(new Decimal("1000000").div(3)); // "333,333.33…"
 * formatNumber(new Decimal("42500"));          // "42,500"
 * ```
 */
export function formatNumber(value: Decimal, decimals = 2): string {
  const cut = value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const text = group((cut.isZero() ? new Decimal(0) : cut).toString());
  return cut.equals(value) ? text : `${text}…`;
}

/**
 * Formats a fraction as a percentage for a sentence, rounded half-up to at most `decimals` decimals, trailing
 * zeros dropped: `0.975` → `"97.5%"`, `1` → `"100%"`, `2/3` → `"66.67%"`.
 *
 * @example
 * ```ts
 * formatPercent(new Decimal("0.975")); // "97.5%"
 * ```
 */
export function formatPercent(fraction: Decimal, decimals = 2): string {
  const cut = fraction.times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  return `${group((cut.isZero() ? new Decimal(0) : cut).toString())}%`;
}

/**
 * Formats an amount at a fixed scale, rounded with `mode`, grouped; an integral amount drops its decimals
 * (`"42,500"`, but `"42,500.50"`).
 *
 * @example
 * ```ts
 * formatAmount(new Decimal("42500.001"), 2, "up"); // "42,500.01"
 * ```
 */
export function formatAmount(value: Decimal, scale: number, mode: RoundingMode): string {
  const rounded = roundMoney(value, { scale, mode });
  const clean = rounded.isZero() ? new Decimal(0) : rounded;
  return group(clean.isInteger() ? clean.toFixed(0) : clean.toFixed(scale));
}
