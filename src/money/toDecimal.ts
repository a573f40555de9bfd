import { CompplanError } from "../errors/CompplanError.js";
import { Decimal } from "./decimal.js";

/** What may be given where compplan expects an amount, a rate or a share. */
export type DecimalInput = string | number | bigint | Decimal;

// A plain decimal literal: optional sign, digits, optional fraction. No thousands separators, no exponent
// written by a person ("1e3" in a CSV is far more often a spreadsheet accident than an intent), no "NaN".
const DECIMAL_LITERAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Parses an amount, rate or share into an exact {@link Decimal}, or returns an explanation of why it is not one.
 *
 * Accepted: decimal strings (`"1000.50"`, `"-3"`, `" 12 "`), finite numbers (converted through their shortest
 * round-trip string, so `0.1` is exactly `0.1`), bigints and Decimals. Refused: `"1,000"`, `"abc"`, `""`, `NaN`,
 * `Infinity`, `"1e3"`.
 *
 * @example
 * ```ts
 * tryDecimal("1000.50"); // { ok: true, value: Decimal(1000.5) }
 * tryDecimal("1,000");   // { ok: false, message: 'expected a decimal number such as 1000.50, got "1,000"' }
 * ```
 */
export function tryDecimal(input: unknown): { ok: true; value: Decimal } | { ok: false; message: string } {
  if (input instanceof Decimal) return { ok: true, value: input };
  if (typeof input === "bigint") return { ok: true, value: new Decimal(input.toString()) };
  if (typeof input === "number") {
    if (!Number.isFinite(input))
      return { ok: false, message: `expected a finite number, got ${String(input)}` };
    // String(n) is the shortest string that round-trips, i.e. what the author of the number wrote.
    return { ok: true, value: new Decimal(String(input)) };
  }
  if (typeof input === "string") {
    const text = input.trim();
    if (DECIMAL_LITERAL.test(text)) return { ok: true, value: new Decimal(text) };
    return { ok: false, message: `expected a decimal number such as 1000.50, got ${JSON.stringify(input)}` };
  }
  return {
    ok: false,
    message: `expected a decimal number, got ${input === null ? "null" : Array.isArray(input) ? "a list" : typeof input}`,
  };
}

/**
 * Like {@link tryDecimal} but throws a `CompplanError` (`INVALID_ARGUMENT`) with the explanation. For values already validated.
 *
 * @example
 * ```ts
 * toDecimal("0.04").times(150000).toString(); // "6000"
 * ```
 */
export function toDecimal(input: DecimalInput): Decimal {
  const parsed = tryDecimal(input);
  if (!parsed.ok) throw new CompplanError("INVALID_ARGUMENT", parsed.message);
  return parsed.value;
}
