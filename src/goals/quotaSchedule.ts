import type { IsoDate } from "../calendar/index.js";
import { type Decimal, type DecimalInput, ZERO } from "../money/index.js";
import { decimalArg } from "./args.js";
import { periodQuota } from "./periodQuota.js";

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
  const annual = decimalArg(options.annual, "annual");
  const perPeriod = options.periods.map(
    (period, periodIndex) =>
      periodQuota({
        annual,
        ...(options.shares ? { shares: options.shares } : {}),
        periodIndex,
        periodCount: options.periods.length,
        period,
        hireDate: options.hireDate ?? null,
        terminationDate: options.terminationDate ?? null,
        ...(options.ramp ? { ramp: options.ramp } : {}),
      }).quota,
  );
  return { annual, year: perPeriod.reduce((s, x) => s.plus(x), ZERO), perPeriod };
}
