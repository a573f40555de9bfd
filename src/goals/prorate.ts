import { checkArgument } from "../errors/checkArgument.js";
import { type Decimal, type DecimalInput, ONE, ZERO } from "../money/index.js";
import { decimalArg } from "./args.js";
import { type EmploymentOptions, employedDays } from "./employedSegments.js";

/** A proration: calendar days employed over calendar days in the period. */
export interface Proration {
  /** `daysEmployed / daysInPeriod`, an exact Decimal at full precision (77/90 is not rounded to 0.86). */
  factor: Decimal;
  daysEmployed: number;
  daysInPeriod: number;
}

/**
 * The share of a period a participant was employed: calendar days employed (hire and termination days both
 * included, leave days excluded) ÷ calendar days in the period. Calendar days, not working days, so that the
 * rule needs no holiday calendar and every day of a year is counted once.
 *
 * @example
 * ```ts
 * // hired on the 15th of a 90-day quarter: Jan 15..Mar 31 is 17 + 28 + 31 = 76 days
 * prorationFactor({ period: { start: "2026-01-01", end: "2026-03-31" }, hireDate: "2026-01-15" });
 * // { factor: Decimal(76/90 = 0.8444…), daysEmployed: 76, daysInPeriod: 90 }
 * ```
 */
export function prorationFactor(options: EmploymentOptions): Proration {
  checkArgument("prorationFactor", "options", options, "object");
  const { daysEmployed, daysInPeriod } = employedDays(options);
  return { factor: dayFactor(daysEmployed, daysInPeriod), daysEmployed, daysInPeriod };
}

/**
 * `daysEmployed / daysInPeriod` as an exact Decimal. The whole period and none of it, by far the most common
 * cases, are the shared constants 1 and 0 (the same values the division gives) rather than a division each.
 * Internal: not re-exported from the barrel.
 *
 * @example
 * ```ts
 * dayFactor(76, 90); // Decimal(0.8444…)
 * ```
 */
export function dayFactor(daysEmployed: number, daysInPeriod: number): Decimal {
  if (daysEmployed === daysInPeriod && daysInPeriod > 0) return ONE;
  if (daysEmployed === 0 && daysInPeriod > 0) return ZERO;
  return decimalArg(daysEmployed, "daysEmployed").div(daysInPeriod);
}

/**
 * Prorates an amount (a quota, a base salary, a target incentive) by {@link prorationFactor}.
 *
 * Computed as `amount × daysEmployed ÷ daysInPeriod`, multiplying before dividing, so that a result that can be
 * written exactly is exact: 90,000 × 76/90 is 76,000, not 75,999.999…96. That matters at band edges, where
 * 76,000 of sales against a quota of 75,999.999…96 would read as above 100%.
 *
 * @example
 * ```ts
 * prorate(new Decimal(90000), { period: { start: "2026-01-01", end: "2026-03-31" }, hireDate: "2026-01-15" });
 * // Decimal(76000)
 * ```
 */
export function prorate(amount: DecimalInput, options: EmploymentOptions): Decimal {
  checkArgument("prorate", "options", options, "object");
  const value = decimalArg(amount, "amount");
  const { daysEmployed, daysInPeriod } = employedDays(options);
  if (daysEmployed === daysInPeriod) return value;
  return value.times(daysEmployed).div(daysInPeriod);
}
