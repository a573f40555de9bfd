import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument } from "../errors/checkArgument.js";
import { checkDecimalArgument } from "./checkDecimalArgument.js";
// Number formatting for traces and sentences, shared by every stage that explains a number.
//
// Traces are read by people checking a statement, so amounts are grouped ("1,000,000") and cut to a few
// decimals; a cut value ends in "…" so nobody mistakes 333,333.33… for the exact amount.
//
// Each formatter rounds the value's printed digits (see roundMoney.ts for why and how) and falls back to
// decimal.js for anything unusual; both ways give the same text.
import { Decimal } from "./decimal.js";
import {
  digitsOf,
  isPlaces,
  isRoundingMode,
  isZeroText,
  type RoundingMode,
  roundDigits,
  roundMoney,
  roundsUpScaled,
  scaledDigits,
  scaledParts,
} from "./roundMoney.js";

// "1234567" → "1,234,567" (a run of digits only).
function groupInt(int: string): string {
  const n = int.length;
  if (n <= 3) return int;
  const head = n % 3 || 3;
  let out = int.slice(0, head);
  for (let i = head; i < n; i += 3) out += `,${int.slice(i, i + 3)}`;
  return out;
}

// Any decimal.js text, for the fallbacks ("Infinity" stays as it is).
function group(text: string): string {
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const [int = "0", frac] = body.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

function trimZeros(frac: string): string {
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
  return end === frac.length ? frac : frac.slice(0, end);
}

// Grouped text of rounded digits with trailing fraction zeros dropped; zero is "0", never "-0".
function groupedTrimmed(negative: boolean, int: string, frac: string): string {
  const f = trimZeros(frac);
  if (!f && isZeroText(int)) return "0";
  return `${negative ? "-" : ""}${groupInt(int)}${f ? `.${f}` : ""}`;
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
  checkDecimalArgument("formatNumber", "value", value, false, false);
  checkArgument("formatNumber", "decimals", decimals, "integer");
  // As integers when the digits fit (see scaledDigits): cut when any digit follows the last one kept.
  const x = isPlaces(decimals) ? scaledDigits(value, decimals) : undefined;
  if (x) {
    const cut = x.next !== 0 || x.more;
    const { int, frac } = scaledParts(cut && x.next >= 5 ? x.n + 1 : x.n, decimals);
    const text = groupedTrimmed(x.negative, int, frac);
    return cut ? `${text}…` : text;
  }
  const d = isPlaces(decimals) ? digitsOf(value, decimals) : undefined;
  if (!d) {
    const cut = value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
    const text = group((cut.isZero() ? new Decimal(0) : cut).toString());
    return cut.equals(value) ? text : `${text}…`;
  }
  // The fraction has no trailing zeros unless cut: it is longer than `decimals` exactly when the cut changes it.
  if (d.frac.length <= decimals) return groupedTrimmed(d.negative, d.int, d.frac);
  const r = roundDigits(d, decimals, "half-up");
  return `${groupedTrimmed(d.negative, r.int, r.frac)}…`;
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
  checkDecimalArgument("formatPercent", "fraction", fraction, false, false);
  checkArgument("formatPercent", "decimals", decimals, "integer");
  // × 100 moves the point two digits right: the fraction cut at decimals + 2 places is the percentage cut at
  // `decimals` (as integers when the digits fit, see scaledDigits).
  const x = isPlaces(decimals) ? scaledDigits(fraction, decimals + 2) : undefined;
  if (x) {
    const { int, frac } = scaledParts(x.next >= 5 ? x.n + 1 : x.n, decimals);
    return `${groupedTrimmed(x.negative, int, frac)}%`;
  }
  const d = isPlaces(decimals) ? digitsOf(fraction, decimals + 2) : undefined;
  if (!d) {
    const cut = fraction.times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
    return `${group((cut.isZero() ? new Decimal(0) : cut).toString())}%`;
  }
  const moved = d.frac.length >= 2 ? d.frac.slice(0, 2) : d.frac.padEnd(2, "0");
  let int = d.int === "0" ? moved : d.int + moved;
  let lead = 0;
  while (lead < int.length - 1 && int.charCodeAt(lead) === 48) lead++;
  if (lead) int = int.slice(lead);
  const r = roundDigits(
    { negative: d.negative, int, frac: d.frac.slice(2), more: d.more },
    decimals,
    "half-up",
  );
  return `${groupedTrimmed(d.negative, r.int, r.frac)}%`;
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
  checkDecimalArgument("formatAmount", "value", value, false, false);
  checkArgument("formatAmount", "scale", scale, "integer");
  if (typeof mode !== "string" || !isRoundingMode(mode)) {
    throw new ArgumentError("formatAmount", "mode", "half-up, half-even, down or up", mode);
  }
  const x = isPlaces(scale) && isRoundingMode(mode) ? scaledDigits(value, scale) : undefined;
  if (x) {
    const r = roundsUpScaled(x, mode) ? x.n + 1 : x.n;
    if (r === 0) return "0";
    const { int, frac } = scaledParts(r, scale);
    const integral = isZeroText(frac);
    return `${x.negative ? "-" : ""}${groupInt(int)}${integral ? "" : `.${frac}`}`;
  }
  const d = isPlaces(scale) && isRoundingMode(mode) ? digitsOf(value, scale) : undefined;
  if (!d) {
    const rounded = roundMoney(value, { scale, mode });
    const clean = rounded.isZero() ? new Decimal(0) : rounded;
    return group(clean.isInteger() ? clean.toFixed(0) : clean.toFixed(scale));
  }
  const r = roundDigits(d, scale, mode);
  const integral = isZeroText(r.frac);
  if (integral && isZeroText(r.int)) return "0";
  return `${d.negative ? "-" : ""}${groupInt(r.int)}${integral ? "" : `.${r.frac}`}`;
}
