import { CompplanError } from "../errors/CompplanError.js";
import { quoteValue } from "../errors/quoteValue.js";
import { Decimal, MAX_DIGITS } from "./decimal.js";

/** What may be given where compplan expects an amount, a rate or a share. */
export type DecimalInput = string | number | bigint | Decimal;

// A plain decimal literal: optional sign, digits, optional fraction. No thousands separators, no exponent
// written by a person ("1e3" in a CSV is far more often a spreadsheet accident than an intent), no "NaN".
const DECIMAL_LITERAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

// Texts longer than this are refused before any scan, regex or Decimal: room for MAX_DIGITS digits, a sign,
// a point, padding blanks and leading zeros. A 20 MB cell then costs nothing but its length.
const MAX_TEXT = 4 * MAX_DIGITS;

/**
 * Parses an amount, rate or share into an exact {@link Decimal}, or returns an explanation of why it is not one.
 *
 * Accepted: decimal strings (`"1000.50"`, `"-3"`, `" 12 "`), finite numbers (converted through their shortest
 * round-trip string, so `0.1` is exactly `0.1`) and bigints of at most {@link MAX_DIGITS} digits (integer digits
 * plus decimals), and finite Decimals of at most 60 significant digits below 10^60 (what compplan's own
 * arithmetic returns, rounded to its precision, so results feed back in). Refused: `"1,000"`, `"abc"`, `""`,
 * `NaN`, `Infinity`, `"1e3"`, and longer numbers, with a message that quotes a long value by its start and
 * length.
 *
 * @param input - the value as found.
 * @returns the exact Decimal, or a message saying what is wrong (a long value is quoted by its start and length).
 * @example
 * ```ts
 * import { tryDecimal } from "compplan";
 * tryDecimal("1000.50"); // { ok: true, value: Decimal(1000.5) }
 * tryDecimal("1,000");   // { ok: false, message: 'expected a decimal number such as 1000.50, got "1,000"' }
 * ```
 */
export function tryDecimal(input: unknown): { ok: true; value: Decimal } | { ok: false; message: string } {
  if (typeof input === "string") {
    if (input.length > MAX_TEXT) return tooLong(input);
    const text = input.trim();
    if (!DECIMAL_LITERAL.test(text))
      return { ok: false, message: `expected a decimal number such as 1000.50, got ${quoteValue(input)}` };
    const digits = textDigits(text);
    return digits > MAX_DIGITS ? tooMany(digits, input) : { ok: true, value: new Decimal(text) };
  }
  if (typeof input === "number") {
    if (!Number.isFinite(input))
      return { ok: false, message: `expected a finite number, got ${String(input)}` };
    // String(n) is the shortest string that round-trips, i.e. what the author of the number wrote.
    return checked(new Decimal(String(input)));
  }
  if (typeof input === "bigint") {
    const text = input.toString();
    if (text.length > MAX_TEXT) return tooLong(text);
    return checked(new Decimal(text));
  }
  if (input instanceof Decimal) {
    if (!input.isFinite()) return { ok: false, message: `expected a finite number, got ${input.toString()}` };
    // A Decimal is most often a result of compplan's own arithmetic fed back in (a prorated quota, an
    // attainment), which has up to the precision's 60 significant digits: those are taken as they are.
    if (input.sd() <= Decimal.precision && input.e < Decimal.precision) return { ok: true, value: input };
    return tooMany(input.sd(true), input.toExponential(), Decimal.precision);
  }
  return {
    ok: false,
    message: `expected a decimal number, got ${input === null ? "null" : Array.isArray(input) ? "a list" : typeof input}`,
  };
}

/**
 * Like {@link tryDecimal} but throws a `CompplanError` (`INVALID_ARGUMENT`) with the explanation. For values already validated.
 *
 * @param input - an amount, rate or share.
 * @returns the exact Decimal.
 * @example
 * ```ts
 * import { toDecimal } from "compplan";
 * toDecimal("0.04").times(150000).toString(); // "6000"
 * ```
 */
export function toDecimal(input: DecimalInput): Decimal {
  const parsed = tryDecimal(input);
  if (!parsed.ok) throw new CompplanError("INVALID_ARGUMENT", parsed.message);
  return parsed.value;
}

// Integer digits (leading zeros aside) plus decimals (trailing zeros aside) of a text DECIMAL_LITERAL accepted.
function textDigits(text: string): number {
  let start = 0;
  let end = text.length;
  const first = text.charCodeAt(0);
  if (first === 43 /* + */ || first === 45 /* - */) start++;
  while (start < end && text.charCodeAt(start) === 48 /* 0 */) start++;
  const point = text.indexOf(".", start);
  if (point < 0) return end - start;
  while (end > point + 1 && text.charCodeAt(end - 1) === 48) end--;
  return end - start - 1;
}

// The same count for a finite Decimal: its integer digits (none below 1) plus its decimal places.
function decimalDigits(d: Decimal): number {
  if (d.isZero()) return 0;
  return Math.max(d.e + 1, 0) + d.decimalPlaces();
}

function checked(value: Decimal): { ok: true; value: Decimal } | { ok: false; message: string } {
  const digits = decimalDigits(value);
  if (digits <= MAX_DIGITS) return { ok: true, value };
  // Written out only when short: 1e+300 has 301 digits, and 1e+9000000000000 would not fit in a string.
  return tooMany(digits, digits <= MAX_TEXT ? value.toFixed() : value.toExponential());
}

function tooMany(digits: number, text: string, most = MAX_DIGITS): { ok: false; message: string } {
  return {
    ok: false,
    message: `expected at most ${most} digits, got ${digits.toLocaleString("en-US")} in ${quoteValue(text)}`,
  };
}

function tooLong(text: string): { ok: false; message: string } {
  return {
    ok: false,
    message: `expected a decimal number of at most ${MAX_DIGITS} digits, got ${quoteValue(text)}`,
  };
}
