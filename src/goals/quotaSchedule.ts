import type { IsoDate } from "../calendar/index.js";
import { checkArgument, checkElements } from "../errors/checkArgument.js";
import { type Decimal, type DecimalInput, ZERO } from "../money/index.js";
import { zeroPlus } from "../money/roundMoney.js";
import { decimalArg } from "./args.js";
import { employedDays } from "./employedSegments.js";
import type { periodQuota } from "./periodQuota.js";
import { rampQuota } from "./rampQuota.js";
import { seasonalize } from "./seasonalize.js";

/** A participant's quota laid over the pay periods of a plan year. */
export interface QuotaSchedule {
  /** The annual quota as set (for the base commission rate). */
  annual: Decimal;
  /** The sum of the period quotas: the annual quota for a full year, the employed periods' share otherwise. */
  year: Decimal;
  /** Each pay period's quota: seasonalized, ramped and prorated by {@link periodQuota}. */
  perPeriod: Decimal[];
}

/**
 * Lays an annual quota over the pay periods of a plan year with {@link periodQuota} (seasonality, ramp,
 * proration), and sums them into the year's quota. The engine uses this for band edges and attainment, and the
 * simulator for planned volumes, so both see the same numbers.
 *
 * @example
 * ```ts
 * quotaSchedule({ annual: 1000000, periods: periodsOfYear("2026-01-01", "quarter"), shares: ["0.2", "0.25", "0.25", "0.3"] });
 * // { annual: 1000000, year: 1000000, perPeriod: [200000, 250000, 250000, 300000] }
 * ```
 */
export function quotaSchedule(options: {
  annual: DecimalInput;
  periods: readonly { start: IsoDate; end: IsoDate; name?: string }[];
  shares?: readonly DecimalInput[] | undefined;
  hireDate?: IsoDate | null;
  terminationDate?: IsoDate | null;
  ramp?: readonly DecimalInput[] | undefined;
}): QuotaSchedule {
  checkArgument("quotaSchedule", "options", options, "object");
  checkElements("quotaSchedule", "options.periods", options.periods, "object");
  const annual = decimalArg(options.annual, "annual");
  const n = options.periods.length;
  // periodQuota's arithmetic, period by period, without its trace (nobody reads it here) and with the year
  // seasonalized once rather than once per period: the engine calls this for every participant.
  // test/goals/schedules.test.ts holds the two equal.
  const seasonal = n > 0 ? seasonalize(annual, options.shares, n) : [];
  const hireDate = options.hireDate ?? null;
  const terminationDate = options.terminationDate ?? null;
  const ramp = options.ramp && options.ramp.length > 0 ? options.ramp : undefined;
  const perPeriod = options.periods.map((period, i) => {
    const base = seasonal[i] as Decimal;
    const { daysEmployed, daysInPeriod } = employedDays({ period, hireDate, terminationDate });
    if (ramp && hireDate !== null) {
      const { weightedDays } = rampQuota({
        period,
        hireDate,
        terminationDate,
        leaves: [],
        quota: base,
        schedule: ramp,
      });
      return daysEmployed === daysInPeriod && weightedDays.equals(daysEmployed)
        ? base
        : base.times(weightedDays).div(daysInPeriod);
    }
    return daysEmployed === daysInPeriod ? base : base.times(daysEmployed).div(daysInPeriod);
  });
  return { annual, year: yearOf(perPeriod), perPeriod };
}

// Σ perPeriod from zero, in order (the first term taken as it is: see zeroPlus).
function yearOf(perPeriod: readonly Decimal[]): Decimal {
  if (perPeriod.length === 0) return ZERO;
  let year = zeroPlus(perPeriod[0] as Decimal);
  for (let i = 1; i < perPeriod.length; i++) year = year.plus(perPeriod[i] as Decimal);
  return year;
}
