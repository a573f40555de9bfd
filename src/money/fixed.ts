import { Decimal } from "./decimal.js";
import { flatText } from "./flatText.js";

/**
 * Exact fixed-point amounts for the engine's hot path: an amount as an integer count of millionths
 * (10^-{@link FIXED_SCALE}) held in a plain JavaScript number.
 *
 * Why: a run touches every transaction's amount a few times (credit, split, sum per pay period), and
 * constructing a decimal.js value costs far more than adding two numbers. An integer below 2^53 is exact in a
 * double, and so is the sum or product of two such integers as long as the result stays below 2^53: so these
 * functions only ever produce safe integers, and anything that would not fit (more than six decimals, more than
 * about nine billion, a share that leaves more than six decimals) is reported as `NaN`, and the caller keeps that
 * value as a {@link Decimal} instead. Nothing here rounds: every result is either exact or `NaN`.
 * test/money/fixed.test.ts holds these functions equal to decimal.js on random input.
 */
export const FIXED_SCALE = 6;

const UNIT = 10 ** FIXED_SCALE;
const MAX = Number.MAX_SAFE_INTEGER;
// 10^k for the scales a share may have.
const POWERS = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/**
 * Millionths of a decimal text (`"1843.27"` → 1843270000), or `NaN` when the text is not a plain decimal
 * (the caller then asks `tryDecimal`, which either takes it exactly or says what is wrong), has more than six
 * decimals, or does not fit exactly. Accepts what `tryDecimal` accepts for text: surrounding spaces, a sign,
 * `"12."`, `".5"`.
 *
 * @example
 * ```ts
 * fixedUnits("1843.27"); // 1843270000
 * fixedUnits("-0.5");    // -500000
 * fixedUnits("0.1234567"); // NaN (seven decimals: keep it as a Decimal)
 * ```
 */
export function fixedUnits(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  // Anything that fits has at most 16 digits, a sign and a point; longer text (leading zeros, a 20 MB cell)
  // goes to tryDecimal, which refuses it by its length before reading it.
  if (start === end || end - start > 24) return Number.NaN;
  let negative = false;
  const first = text.charCodeAt(start);
  if (first === 45 /* - */ || first === 43 /* + */) {
    negative = first === 45;
    start++;
  }
  let units = 0;
  let digits = 0;
  let decimals = -1; // -1: no point seen
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 /* . */ && decimals < 0) decimals = 0;
    else return Number.NaN;
  }
  if (digits === 0 || decimals > FIXED_SCALE) return Number.NaN;
  // A value only grows digit by digit, so had any step passed 2^53 the result would be past it too.
  units *= POWERS[FIXED_SCALE - Math.max(decimals, 0)] as number;
  if (!(units <= MAX)) return Number.NaN;
  return negative ? 0 - units : units; // 0 - 0 is 0: no negative zero
}

/**
 * Millionths of a finite number, read through its shortest round-trip text (what its author wrote, so `0.1` is
 * exactly 100000), or `NaN` as {@link fixedUnits}.
 *
 * @example
 * ```ts
 * fixedUnitsOfNumber(1000.5); // 1000500000
 * ```
 */
export function fixedUnitsOfNumber(value: number): number {
  if (Number.isInteger(value) && Math.abs(value) <= MAX / UNIT) return value * UNIT + 0; // + 0: no -0
  return Number.isFinite(value) ? fixedUnits(String(value)) : Number.NaN;
}

/**
 * A share in millionths (from {@link fixedUnits}) split into the integer and the power of ten it is exact at,
 * for {@link fixedShareOf}: `0.6` is 6 / 10, `0.3333` is 3333 / 10,000.
 *
 * @example
 * ```ts
 * fixedShare(600000); // { numerator: 6, scale: 1 }
 * ```
 */
export function fixedShare(units: number): { numerator: number; scale: number } {
  let numerator = units;
  let scale = FIXED_SCALE;
  while (scale > 0 && numerator % 10 === 0) {
    numerator /= 10;
    scale--;
  }
  return { numerator, scale };
}

/**
 * amount × share in millionths, exact, or `NaN` when the product needs more than six decimals or does not fit.
 *
 * @example
 * ```ts
 * fixedShareOf(1843270000, fixedShare(600000)); // 1105962000 (1843.27 × 0.6 = 1105.962)
 * ```
 */
export function fixedShareOf(amount: number, share: { numerator: number; scale: number }): number {
  const product = amount * share.numerator;
  if (!(product <= MAX && product >= -MAX)) return Number.NaN;
  const power = POWERS[share.scale] as number;
  // Exact: the product is a safe integer, and dividing an exact multiple of 10^k by 10^k is exact.
  return product % power === 0 ? product / power + 0 : Number.NaN;
}

/**
 * The sum of two amounts in millionths, or `NaN` when it would pass 2^53 (then the caller adds as Decimals).
 *
 * @example
 * ```ts
 * fixedPlus(1_500_000, 2_250_000); // 3750000
 * ```
 */
export function fixedPlus(a: number, b: number): number {
  const sum = a + b;
  return sum <= MAX && sum >= -MAX ? sum : Number.NaN;
}

/**
 * The exact Decimal of an amount in millionths.
 *
 * @example
 * ```ts
 * fixedToDecimal(1843270000).toString(); // "1843.27"
 * ```
 */
export function fixedToDecimal(units: number): Decimal {
  // Through text: decimal.js parses "1843.27" several times faster than it divides by a million.
  return new Decimal(fixedToString(units));
}

/**
 * The decimal text of an amount in millionths, exact, without trailing zeros (as decimal.js writes it).
 *
 * @example
 * ```ts
 * fixedToString(1843270000); // "1843.27"
 * fixedToString(-500000);    // "-0.5"
 * ```
 */
export function fixedToString(units: number): string {
  const size = units < 0 ? -units : units;
  // Both exact: the remainder of safe integers, and the division of an exact multiple.
  let fraction = size % UNIT;
  const whole = (size - fraction) / UNIT;
  const sign = units < 0 ? "-" : "";
  if (fraction === 0) return `${sign}${whole}`;
  let digits = FIXED_SCALE;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  return `${sign}${whole}.${String(fraction).padStart(digits, "0")}`;
}

/** Exact running sums, slot by slot: millionths while they fit, the rest spilled into Decimals. */
export interface FixedSums {
  units: Float64Array;
  /** Per slot, what did not fit in `units` (an addend that was `NaN` in millionths, or one that would overflow). */
  spill: (Decimal | undefined)[];
}

/**
 * `slots` sums at zero.
 *
 * @example
 * ```ts
 * const sums = fixedSums(4);
 * addFixed(sums, 2, fixedUnits("10.5"), undefined);
 * sumOf(sums, 2).toString(); // "10.5"
 * ```
 */
export function fixedSums(slots: number): FixedSums {
  return { units: new Float64Array(slots), spill: [] };
}

/**
 * Adds an amount to a slot: `units` in millionths, or when that is `NaN`, `exact` (the amount as a Decimal).
 *
 * @example
 * ```ts
 * addFixed(sums, 0, 1_500_000, undefined); // + 1.5
 * ```
 */
export function addFixed(sums: FixedSums, slot: number, units: number, exact: Decimal | undefined): void {
  const sum = sums.units[slot] as number;
  const next = sum + units;
  // NaN fails both comparisons, so a value kept as a Decimal lands here too.
  if (next <= MAX && next >= -MAX) {
    sums.units[slot] = next;
    return;
  }
  const value = Number.isNaN(units) ? (exact as Decimal) : fixedToDecimal(units);
  const spilled = sums.spill[slot];
  sums.spill[slot] = spilled ? spilled.plus(value) : value;
}

/**
 * The exact sum in a slot, as a Decimal.
 *
 * @example
 * ```ts
 * sumOf(sums, 0).toString(); // "1.5"
 * ```
 */
export function sumOf(sums: FixedSums, slot: number): Decimal {
  const units = fixedToDecimal(sums.units[slot] as number);
  const spilled = sums.spill[slot];
  return spilled ? units.plus(spilled) : units;
}

/** A rate prepared for {@link fixedTimesText}: the rate's digits as an integer, and where its point goes. */
export interface FixedRate {
  /** The rate as given. */
  rate: Decimal;
  /** |rate| × 10^scale, an integer. */
  coefficient: bigint;
  scale: number;
  negative: boolean;
  /** Significant digits every product is rounded to (the Decimal constructor's precision). */
  precision: number;
}

/**
 * Prepares a rate for {@link fixedTimesText}: read once, used for every deal a band pays.
 *
 * @example
 * ```ts
 * fixedRate(new Decimal("0.0925")).coefficient; // 925n (scale 4)
 * ```
 */
export function fixedRate(rate: Decimal): FixedRate {
  const text = rate.abs().toFixed(); // plain digits, no exponent, no trailing zeros
  const point = text.indexOf(".");
  const digits = point < 0 ? text : text.slice(0, point) + text.slice(point + 1);
  return {
    rate,
    coefficient: BigInt(digits),
    scale: point < 0 ? 0 : text.length - point - 1,
    negative: rate.isNeg() && !rate.isZero(),
    precision: (rate.constructor as typeof Decimal).precision,
  };
}

/**
 * The text of `fixedToDecimal(units).times(rate.rate).toString()`, computed on integers without building a
 * Decimal: the exact product of the two coefficients, rounded half-up to the constructor's precision as
 * decimal.js rounds every product, written as decimal.js writes it (no exponent, no trailing zeros). Deal by deal
 * attribution prices every deal this way: a product of an amount and a rate of up to 60 digits, kept to the last
 * digit, for each of a million deals. test/money/fixed.test.ts holds it equal to decimal.js on random input.
 *
 * @example
 * ```ts
 * fixedTimesText(1_843_270_000, fixedRate(new Decimal("0.04"))); // "73.7308"
 * ```
 */
export function fixedTimesText(units: number, rate: FixedRate): string {
  const negative = units < 0 !== rate.negative;
  let digits = (BigInt(units < 0 ? -units : units) * rate.coefficient).toString();
  if (digits === "0") return "0";
  let scale = FIXED_SCALE + rate.scale;
  const cut = digits.length - rate.precision;
  if (cut > 0) {
    // Half-up: away from zero when the first digit dropped is 5 or more.
    const up = digits.charCodeAt(rate.precision) >= 53;
    digits = digits.slice(0, rate.precision);
    scale -= cut;
    if (up) digits = incremented(digits);
  }
  // No trailing zeros after the point; a negative scale is whole zeros before it.
  let end = digits.length;
  while (scale > 0 && digits.charCodeAt(end - 1) === 48) {
    end--;
    scale--;
  }
  if (end < digits.length) digits = digits.slice(0, end);
  const sign = negative ? "-" : "";
  if (scale <= 0) return flatText(`${sign}${digits}${"0".repeat(-scale)}`);
  if (digits.length > scale) return flatText(`${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
  return flatText(`${sign}0.${"0".repeat(scale - digits.length)}${digits}`);
}

// The decimal digits of n + 1 ("1299" → "1300", "99" → "100").
function incremented(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  if (i < 0) return `1${"0".repeat(digits.length)}`;
  return `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${"0".repeat(digits.length - i - 1)}`;
}
