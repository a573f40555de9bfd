// Argument checks shared by the goal calculators. Internal: not re-exported from the barrel.
//
// Every calculator is called both by the engine (with data already validated) and by people from a notebook or
// the CLI (with whatever they typed). A bad argument must fail loudly and say which one, so each check names it.
import { type DateRange, type IsoDate, tryDate } from "../calendar/index.js";
import { describeValue } from "../errors/describeValue.js";
import { CompplanError } from "../errors/index.js";
import { type Decimal, tryDecimal } from "../money/index.js";

/**
 * The stable code of every argument error thrown by the goal calculators.
 *
 * @example
 * ```ts
 * prorationFactor({ period: { start: "2026-03-31", end: "2026-01-01" } }); // throws, code INVALID_ARGUMENT
 * ```
 */
export const INVALID_ARGUMENT = "INVALID_ARGUMENT";

/**
 * Parses a decimal argument or throws a {@link CompplanError} naming it.
 *
 * @example
 * ```ts
 * decimalArg("1,000", "total"); // throws "total: expected a decimal number such as 1000.50, got \"1,000\""
 * ```
 */
export function decimalArg(value: unknown, what: string): Decimal {
  const parsed = tryDecimal(value);
  if (!parsed.ok) throw new CompplanError(INVALID_ARGUMENT, `${what}: ${parsed.message}`);
  return parsed.value;
}

/**
 * Like {@link decimalArg}, refusing negative values (quotas, weights, shares, day factors).
 *
 * @example
 * ```ts
 * nonNegativeArg("-1", "weight"); // throws "weight: must not be negative, got -1"
 * ```
 */
export function nonNegativeArg(value: unknown, what: string): Decimal {
  const d = decimalArg(value, what);
  if (d.isNegative() && !d.isZero()) {
    throw new CompplanError(INVALID_ARGUMENT, `${what}: must not be negative, got ${d.toString()}`);
  }
  return d;
}

/**
 * Checks an ISO date argument or throws a {@link CompplanError} naming it.
 *
 * @example
 * ```ts
 * dateArg("2026-02-30", "hireDate"); // throws "hireDate: 2026-02-30 is not a calendar date"
 * ```
 */
export function dateArg(value: unknown, what: string): IsoDate {
  const parsed = tryDate(value);
  if (!parsed.ok) throw new CompplanError(INVALID_ARGUMENT, `${what}: ${parsed.message}`);
  return parsed.value;
}

/**
 * Checks an inclusive date range (`start <= end`) or throws a {@link CompplanError} naming it.
 *
 * @example
 * ```ts
 * rangeArg({ start: "2026-01-01", end: "2026-03-31" }, "period"); // { start: "2026-01-01", end: "2026-03-31" }
 * ```
 */
export function rangeArg(value: { start: unknown; end: unknown } | undefined, what: string): DateRange {
  if (!value || typeof value !== "object") {
    throw new CompplanError(INVALID_ARGUMENT, `${what}: expected { start, end } dates`);
  }
  const start = dateArg(value.start, `${what}.start`);
  const end = dateArg(value.end, `${what}.end`);
  if (end < start)
    throw new CompplanError(INVALID_ARGUMENT, `${what}: ends (${end}) before it starts (${start})`);
  return { start, end };
}

/**
 * Checks a whole number in `[min, max]` or throws a {@link CompplanError} naming it.
 *
 * @example
 * ```ts
 * integerArg(4, "periods", 1); // 4
 * ```
 */
export function integerArg(value: unknown, what: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in ${min}..${max}`;
    throw new CompplanError(
      INVALID_ARGUMENT,
      `${what}: expected a whole number ${range}, got ${describeValue(value)}`,
    );
  }
  return value;
}
