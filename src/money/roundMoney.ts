import type DecimalJs from "decimal.js";
import { Decimal, ZERO } from "./decimal.js";

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
  // Most values reaching here are already at the scale (sums and differences of rounded amounts): nothing to
  // round, and decimals are immutable, so the value itself is the answer. (NaN decimal places fail the test.)
  if (isPlaces(rounding.scale) && value.decimalPlaces() <= rounding.scale && isRoundingMode(rounding.mode))
    return value;
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
  const { scale, mode } = rounding;
  // The text of roundMoney(value).toFixed(scale), made from the value's digits (see digitsOf).
  const d = isPlaces(scale) && isRoundingMode(mode) ? digitsOf(value, scale) : undefined;
  if (!d) {
    const rounded = roundMoney(value, rounding);
    return (rounded.isZero() ? new Decimal(0) : rounded).toFixed(scale);
  }
  const r = roundDigits(d, scale, mode);
  const negative = d.negative && !(isZeroText(r.int) && isZeroText(r.frac));
  return `${negative ? "-" : ""}${r.int}${scale > 0 ? `.${r.frac}` : ""}`;
}

// Rounding on a value's digits. Internal: shared with formatNumber.ts, not re-exported from the barrel.
//
// A statement formats a hundred numbers or so per participant, and doing each with decimal.js (round to a new
// Decimal, compare, print) cost more than computing the statement. Rounding a decimal at a decimal place only
// needs its digits up to that place, the next digit, and whether anything after it is not zero. decimal.js
// documents a value's digits as read-only properties (`d`, base 10^7 words, the first without leading zeros and
// the last never 0; `e`, the decimal exponent of the first digit; `s`, the sign), so the formatters read just
// the digits they need from there and round them as text: exact, and the same text as decimal.js gives.
// Anything unusual (not finite, from another Decimal constructor, an odd scale or mode) takes the decimal.js
// way. test/pay/formatMoney.test.ts holds both ways equal on random values.

/** A value's digits for rounding: sign, integer digits, fraction digits, and whether nonzero digits follow. */
export interface Digits {
  negative: boolean;
  int: string;
  /** Fraction digits: all of them (no trailing zeros), or the first `places + 1` when more were asked away. */
  frac: string;
  /** Whether digits not in `frac` are not all zero. */
  more: boolean;
}

interface DecimalDigits {
  d: number[] | null;
  e: number;
  s: number;
}

/**
 * The digits of a finite value of compplan's {@link Decimal} as far as rounding at `places` decimals needs
 * them (all of them by default), or `undefined` for a value that is not finite or comes from another constructor.
 *
 * @example
 * ```ts
 * digitsOf(new Decimal("-1234.50")); // { negative: true, int: "1234", frac: "5", more: false }
 * digitsOf(new Decimal(2).div(3), 2); // { negative: false, int: "0", frac: "666", more: true }
 * ```
 */
export function digitsOf(value: Decimal, places = Number.POSITIVE_INFINITY): Digits | undefined {
  if (value.constructor !== Decimal) return undefined;
  const { d: words, e, s } = value as unknown as DecimalDigits;
  if (!words) return undefined;
  const negative = s < 0;
  // Leading zeros of the fraction (a value below 1), and how many digits of the coefficient are needed.
  const zeros = e < 0 ? -e - 1 : 0;
  const need = (e < 0 ? 0 : e + 1) + places + 1 - zeros;
  if (need <= 0) {
    // Every needed digit is a leading zero of the fraction (e.g. 0.00003 at two places).
    return { negative, int: "0", frac: "0".repeat(places + 1), more: words[0] !== 0 };
  }
  let c = String(words[0]);
  let k = 1;
  for (; k < words.length && c.length < need; k++) {
    const w = String(words[k]);
    c += "0000000".slice(w.length) + w;
  }
  let more = k < words.length; // the last word is never 0, so a word left over holds a nonzero digit
  if (c.length > need) {
    for (let i = need; i < c.length && !more; i++) more = c.charCodeAt(i) !== 48;
    c = c.slice(0, need);
  }
  if (!more) {
    // Nothing nonzero follows: trailing zeros (padding of the last word, or before a cut) are not digits.
    let end = c.length;
    while (end > 1 && c.charCodeAt(end - 1) === 48) end--;
    if (end < c.length) c = c.slice(0, end);
  }
  if (e < 0) return { negative, int: "0", frac: "0".repeat(zeros) + c, more };
  if (c.length <= e + 1) return { negative, int: c + "0".repeat(e + 1 - c.length), frac: "", more };
  return { negative, int: c.slice(0, e + 1), frac: c.slice(e + 1), more };
}

// Whether cutting the fraction at `places` moves the magnitude up one unit in the last kept place. Any digit of
// `frac` at or past `places` means the part cut off is not zero (`frac` has no trailing zeros unless `more`).
function roundsUp(d: Digits, places: number, mode: RoundingMode): boolean {
  if (d.frac.length <= places) return false;
  const next = d.frac.charCodeAt(places) - 48;
  switch (mode) {
    case "down":
      return false;
    case "up":
      return true;
    case "half-up":
      return next >= 5;
    case "half-even": {
      if (next !== 5) return next > 5;
      if (d.frac.length > places + 1 || d.more) return true; // more than half
      const kept = places > 0 ? d.frac.charCodeAt(places - 1) : d.int.charCodeAt(d.int.length - 1);
      return (kept - 48) % 2 === 1; // exactly half: to the even neighbour
    }
  }
}

/**
 * The magnitude's digits rounded to `places` decimals by `mode` (toward or away from zero, as
 * {@link roundMoney}): the integer digits and exactly `places` fraction digits.
 *
 * @example
 * ```ts
 * roundDigits({ negative: false, int: "999", frac: "995", more: false }, 2, "half-up"); // { int: "1000", frac: "00" }
 * ```
 */
export function roundDigits(d: Digits, places: number, mode: RoundingMode): { int: string; frac: string } {
  const frac =
    d.frac.length >= places ? d.frac.slice(0, places) : d.frac + "0".repeat(places - d.frac.length);
  if (!roundsUp(d, places, mode)) return { int: d.int, frac };
  // One unit up in the last place: the trailing 9s become 0s and the digit before them goes up by one.
  const kept = d.int + frac;
  let i = kept.length - 1;
  while (i >= 0 && kept.charCodeAt(i) === 57 /* 9 */) i--;
  const bumped =
    i < 0
      ? `1${"0".repeat(kept.length)}`
      : kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1) + "0".repeat(kept.length - 1 - i);
  const cut = bumped.length - places;
  return { int: bumped.slice(0, cut), frac: bumped.slice(cut) };
}

/**
 * Whether a run of digits is all zeros (or empty).
 *
 * @example
 * ```ts
 * isZeroText("000"); // true
 * ```
 */
export function isZeroText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 48) return false;
  return true;
}

/**
 * Whether a number of decimal places can be rounded to digit by digit (a whole number, not absurdly large).
 *
 * @example
 * ```ts
 * isPlaces(2); // true
 * ```
 */
export function isPlaces(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 1e6;
}

/**
 * Whether a string is one of the {@link RoundingMode}s.
 *
 * @example
 * ```ts
 * isRoundingMode("half-even"); // true
 * ```
 */
export function isRoundingMode(mode: string): mode is RoundingMode {
  return mode === "half-up" || mode === "half-even" || mode === "down" || mode === "up";
}

// Exact shortcuts. Internal: not re-exported from the barrel.
//
// decimal.js computes 0 + x and x − 0 as a copy of x rounded to its precision (a zero's sign made +). Sums and
// differences that start from zero are everywhere in a statement (settling, year-to-date sums, tier bands), and
// for a nonzero x within the precision the answer is x itself: no copy, no rounding, the same value.

/**
 * `ZERO.plus(x)`, exactly, without the copy when there is nothing to do.
 *
 * @example
 * ```ts
 * zeroPlus(new Decimal("12.5")); // the same Decimal
 * ```
 */
export function zeroPlus(x: Decimal): Decimal {
  return isPlainNonzero(x) ? x : ZERO.plus(x);
}

/**
 * `x.minus(ZERO)`, exactly, without the copy when there is nothing to do.
 *
 * @example
 * ```ts
 * minusZero(new Decimal("12.5")); // the same Decimal
 * ```
 */
export function minusZero(x: Decimal): Decimal {
  return isPlainNonzero(x) ? x : x.minus(ZERO);
}

function isPlainNonzero(x: Decimal): boolean {
  return x.isFinite() && !x.isZero() && x.precision() <= Decimal.precision;
}
