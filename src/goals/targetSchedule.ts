import type { IsoDate } from "../calendar/index.js";
import { checkArgument, checkElements } from "../errors/checkArgument.js";
import { Decimal, type DecimalInput, ZERO } from "../money/index.js";
import { zeroPlus } from "../money/roundMoney.js";
import { decimalArg } from "./args.js";
import { employedDays } from "./employedSegments.js";

/** An annual target incentive laid over the pay periods of a plan year. */
export interface TargetSchedule {
  /** The annual target as set (for the base commission rate). */
  annual: Decimal;
  /** The sum of the period targets: the annual target for a full year, prorated by days otherwise. */
  year: Decimal;
  /** Each pay period's target: annual ÷ periods × days employed ÷ days in the period. */
  perPeriod: Decimal[];
}

/**
 * Lays an annual target incentive over the pay periods of a plan year: an equal share per period, prorated by
 * calendar days employed (hire and termination days included). Computed as `annual × days employed ÷ (periods ×
 * days in period)`, multiplying first, so an exact result (a half cent) stays exact. The engine and the
 * simulator both use it, so a bonus or an `ofTarget` cap sees the same target in both.
 *
 * @example
 * ```ts
 * // 80,000 a year, quarterly, hired on Feb 15: Q1 is 80,000 × 45 ÷ (4 × 90) = 10,000
 * targetSchedule({ annual: 80000, periods: periodsOfYear("2026-01-01", "quarter"), hireDate: "2026-02-15" }).perPeriod[0];
 * ```
 */
export function targetSchedule(options: {
  annual: DecimalInput;
  periods: readonly { start: IsoDate; end: IsoDate }[];
  hireDate?: IsoDate | null;
  terminationDate?: IsoDate | null;
}): TargetSchedule {
  checkArgument("targetSchedule", "options", options, "object");
  checkElements("targetSchedule", "options.periods", options.periods, "object");
  const annual = decimalArg(options.annual, "annual");
  const n = options.periods.length;
  const hireDate = options.hireDate ?? null;
  const terminationDate = options.terminationDate ?? null;
  // A whole period's target, annual × days ÷ (n × days), is the rational annual ÷ n, and when annual × days is
  // exact (it fits in the precision) both ways round that same rational the same way: decimal.js rounds every
  // multiplication and division correctly. So it is divided once and shared by every whole period.
  // test/goals/schedules.test.ts holds it equal to the multiply-first formula.
  let whole: Decimal | undefined;
  const perPeriod = options.periods.map((period) => {
    const { daysEmployed, daysInPeriod } = employedDays({ period, hireDate, terminationDate });
    if (daysEmployed === daysInPeriod && exactTimes(annual, daysInPeriod)) {
      whole ??= annual.div(n);
      return whole;
    }
    return annual.times(daysEmployed).div(n * daysInPeriod);
  });
  return { annual, year: yearOf(perPeriod), perPeriod };
}

// Whether value × days is exact: the product's significant digits are at most those of the two factors.
function exactTimes(value: Decimal, days: number): boolean {
  return value.isFinite() && value.sd() + String(days).length <= Decimal.precision;
}

// Σ perPeriod from zero, in order (the first term taken as it is: see zeroPlus).
function yearOf(perPeriod: readonly Decimal[]): Decimal {
  if (perPeriod.length === 0) return ZERO;
  let year = zeroPlus(perPeriod[0] as Decimal);
  for (let i = 1; i < perPeriod.length; i++) year = year.plus(perPeriod[i] as Decimal);
  return year;
}
