import type { Decimal as DecimalJs } from "decimal.js";
import { ArgumentError } from "../errors/ArgumentError.js";
import { checkDecimalArgument } from "./checkDecimalArgument.js";
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
  checkDecimalArgument("roundMoney", "value", value, false, false);
  checkRounding("roundMoney", "rounding", rounding);
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
  checkDecimalArgument("formatMoney", "value", value, false, false);
  checkRounding("formatMoney", "rounding", rounding);
  const { scale, mode } = rounding;
  // The text of roundMoney(value).toFixed(scale), made from the value's digits: as integers when they fit
  // (scaledDigits), else as text (digitsOf).
  const x = isPlaces(scale) && isRoundingMode(mode) ? scaledDigits(value, scale) : undefined;
  if (x) {
    const r = roundsUpScaled(x, mode) ? x.n + 1 : x.n;
    const { int, frac } = scaledParts(r, scale);
    return `${x.negative && r !== 0 ? "-" : ""}${int}${scale > 0 ? `.${frac}` : ""}`;
  }
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
// way. test/money/formatMoney.test.ts holds both ways equal on random values.

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

/**
 * A value's magnitude cut at `places` decimals, as exact integers: `n` = ⌊|value| × 10^places⌋, `next` the digit
 * after the last one kept, `more` whether any digit after `next` is not zero. The common case of
 * {@link digitsOf} without a string: when the digits through `next` number at most 15 (so `n × 10 + next` is
 * an exact integer in a double), read word by word from decimal.js's digits. `undefined` otherwise, and for
 * what digitsOf refuses.
 *
 * @example
 * ```ts
 * scaledDigits(new Decimal("-1234.505"), 2); // { negative: true, n: 123450, next: 5, more: false }
 * ```
 */
export function scaledDigits(value: Decimal, places: number): Scaled | undefined {
  if (value.constructor !== Decimal) return undefined;
  const { d: words, e, s } = value as unknown as DecimalDigits;
  if (!words) return undefined;
  // Digit j of the coefficient (from the first, 0-based) is worth 10^(e − j): those worth 10^−(places + 1) or
  // more are the first e + places + 2.
  const need = e + places + 2;
  if (need > 15) return undefined;
  const negative = s < 0;
  if (need <= 0) return { negative, n: 0, next: 0, more: (words[0] as number) !== 0 };
  let acc = 0;
  let have = 0;
  let more = false;
  let k = 0;
  for (; k < words.length && have < need; k++) {
    const w = words[k] as number;
    const length = k === 0 ? wordLength(w) : 7;
    const take = Math.min(length, need - have);
    if (take === length) acc = acc * (POW10[length] as number) + w;
    else {
      const unit = POW10[length - take] as number;
      const head = Math.floor(w / unit);
      acc = acc * (POW10[take] as number) + head;
      if (w !== head * unit) more = true;
    }
    have += take;
  }
  // The last word is never 0, so a word left over holds a nonzero digit.
  if (k < words.length) more = true;
  if (have < need) acc *= POW10[need - have] as number;
  const next = acc % 10;
  return { negative, n: (acc - next) / 10, next, more };
}

/** See {@link scaledDigits}. */
export interface Scaled {
  negative: boolean;
  n: number;
  next: number;
  more: boolean;
}

const POW10 = [
  1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

// Digits of a word of decimal.js's coefficient (0 ≤ w < 10^7).
function wordLength(w: number): number {
  return w < 10 ? 1 : w < 100 ? 2 : w < 1_000 ? 3 : w < 10_000 ? 4 : w < 100_000 ? 5 : w < 1_000_000 ? 6 : 7;
}

/**
 * Whether rounding a {@link scaledDigits} cut by `mode` adds one unit in the last place kept (toward or away
 * from zero, as {@link roundMoney}); the same rule as on digits.
 *
 * @example
 * ```ts
 * roundsUpScaled({ negative: false, n: 123450, next: 5, more: false }, "half-even"); // false (0 is even)
 * ```
 */
export function roundsUpScaled(x: Scaled, mode: RoundingMode): boolean {
  switch (mode) {
    case "down":
      return false;
    case "up":
      return x.next !== 0 || x.more;
    case "half-up":
      return x.next >= 5;
    case "half-even":
      return x.next > 5 || (x.next === 5 && (x.more || x.n % 2 === 1));
  }
}

/**
 * The integer and fraction digits of `n` × 10^−places (n a nonnegative safe integer): `places` fraction digits,
 * at least one integer digit.
 *
 * @example
 * ```ts
 * scaledParts(505, 2); // { int: "5", frac: "05" }
 * ```
 */
export function scaledParts(n: number, places: number): { int: string; frac: string } {
  let text = String(n);
  if (places === 0) return { int: text, frac: "" };
  if (text.length <= places) text = "0".repeat(places + 1 - text.length) + text;
  const cut = text.length - places;
  return { int: text.slice(0, cut), frac: text.slice(cut) };
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

/**
 * Checks a `{ scale, mode }` argument of a public function, naming it in an `ArgumentError` otherwise.
 *
 * @example
 * ```ts
 * checkRounding("roundMoney", "rounding", { scale: 2, mode: "x" }); // throws, INVALID_ARGUMENT
 * ```
 */
export function checkRounding(fn: string, argument: string, rounding: unknown): void {
  const r = rounding as { scale?: unknown; mode?: unknown } | null;
  const ok =
    typeof r === "object" &&
    r !== null &&
    typeof r.scale === "number" &&
    isPlaces(r.scale) &&
    typeof r.mode === "string" &&
    isRoundingMode(r.mode);
  if (!ok) {
    throw new ArgumentError(
      fn,
      argument,
      "{ scale: a whole number of places, mode: half-up, half-even, down or up }",
      rounding,
    );
  }
}
