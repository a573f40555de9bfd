import type { IsoDate } from "../calendar/index.js";
import { type Decimal, type DecimalInput, ZERO } from "../money/index.js";
import { decimalArg } from "./args.js";
import { prorationFactor } from "./prorate.js";

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
  const annual = decimalArg(options.annual, "annual");
  const n = options.periods.length;
  const perPeriod = options.periods.map((period) => {
    const { daysEmployed, daysInPeriod } = prorationFactor({
      period,
      hireDate: options.hireDate ?? null,
      terminationDate: options.terminationDate ?? null,
    });
    return annual.times(daysEmployed).div(n * daysInPeriod);
  });
  return { annual, year: perPeriod.reduce((s, x) => s.plus(x), ZERO), perPeriod };
}
