import type { IsoDate } from "../calendar/index.js";
import { checkArgument } from "../errors/checkArgument.js";
import type { Decimal, DecimalInput } from "../money/index.js";
import { formatNumber } from "../money/index.js";
import { decimalArg, integerArg } from "./args.js";
import { employedSegments } from "./employedSegments.js";
import type { Proration } from "./prorate.js";
import { describeRampParts, type RampResult, rampQuota } from "./rampQuota.js";
import { seasonalize } from "./seasonalize.js";

/** Options of {@link periodQuota}. */
export interface PeriodQuotaOptions {
  /** The annual quota (for a full year of employment, before ramp). */
  annual: DecimalInput;
  /** Seasonality shares, one per period, summing to 1; equal split when absent. */
  shares?: readonly DecimalInput[];
  /** 0-based index of the period in the plan year. */
  periodIndex: number;
  /** Number of periods in the plan year (12 months, 4 quarters, …). */
  periodCount: number;
  /** The period's dates; `name` (e.g. `2026-Q3`) labels the trace. */
  period: { start: IsoDate; end: IsoDate; name?: string };
  hireDate?: IsoDate | null;
  terminationDate?: IsoDate | null;
  leaves?: readonly { start: IsoDate; end: IsoDate }[];
  /** Ramp factors by month of tenure (see {@link rampQuota}); ignored, with a trace line, without a hire date. */
  ramp?: readonly DecimalInput[];
}

/** The result of {@link periodQuota}. */
export interface PeriodQuotaResult {
  /** The period's quota, exact (not rounded). */
  quota: Decimal;
  /** One line per step: seasonality, ramp, proration. */
  trace: string[];
  /** The seasonalized quota before ramp and proration. */
  seasonal: Decimal;
  /** The ramp applied, when one was. */
  ramp: RampResult | null;
  proration: Proration;
}

/**
 * A participant's quota for one period: the annual quota seasonalized ({@link seasonalize}), ramped
 * ({@link rampQuota}) and prorated ({@link prorate}), each step in the trace.
 *
 * The result is `seasonal × Σ(ramp factor of each day employed) ÷ days in period`, computed with a single
 * division, which is the same number as `seasonal × rampFactor × prorationFactor` but exact whenever it can be
 * written exactly. For a participant employed the whole year with no ramp, the periods' quotas add up to the
 * annual quota exactly, with or without seasonality.
 *
 * @example
 * ```ts
 * periodQuota({ annual: 1000000, shares: ["0.2", "0.3", "0.25", "0.25"], periodIndex: 2, periodCount: 4,
 *   period: { name: "2026-Q3", start: "2026-07-01", end: "2026-09-30" }, hireDate: "2026-08-17" });
 * // quota 250,000 × 45/92 = 122,282.6086…, trace:
 * // ["annual 1,000,000 × 2026-Q3 share 0.25 = 250,000",
 * //  "× 45/92 days employed (hired 2026-08-17) = 122,282.61…"]
 * ```
 */
export function periodQuota(options: PeriodQuotaOptions): PeriodQuotaResult {
  checkArgument("periodQuota", "options", options, "object");
  const annual = decimalArg(options.annual, "annual");
  const periodCount = integerArg(options.periodCount, "periodCount", 1);
  const periodIndex = integerArg(options.periodIndex, "periodIndex", 0, periodCount - 1);
  const label = options.period?.name ?? `period ${periodIndex + 1}`;
  const trace: string[] = [];

  const seasonal = seasonalize(annual, options.shares, periodCount)[periodIndex] as Decimal;
  if (options.shares) {
    const share = decimalArg(options.shares[periodIndex], `shares[${periodIndex}]`);
    trace.push(
      `annual ${formatNumber(annual)} × ${label} share ${formatNumber(share, 6)} = ${formatNumber(seasonal)}`,
    );
  } else if (periodCount === 1) {
    trace.push(`annual ${formatNumber(annual)} = ${formatNumber(seasonal)}`);
  } else {
    trace.push(
      `annual ${formatNumber(annual)} ÷ ${periodCount} periods = ${formatNumber(seasonal)} for ${label}`,
    );
  }

  const employment = {
    period: options.period,
    hireDate: options.hireDate ?? null,
    terminationDate: options.terminationDate ?? null,
    leaves: options.leaves ?? [],
  };
  const employed = employedSegments(employment);
  const proration: Proration = {
    factor: decimalArg(employed.daysEmployed, "daysEmployed").div(employed.daysInPeriod),
    daysEmployed: employed.daysEmployed,
    daysInPeriod: employed.daysInPeriod,
  };

  let ramp: RampResult | null = null;
  let weightedDays = decimalArg(employed.daysEmployed, "daysEmployed");
  if (options.ramp && options.ramp.length > 0) {
    if (!employed.hireDate) {
      trace.push("no hire date: ramp not applied");
    } else {
      ramp = rampQuota({
        ...employment,
        hireDate: employed.hireDate,
        quota: seasonal,
        schedule: options.ramp,
      });
      weightedDays = ramp.weightedDays;
      if (!ramp.factor.equals(1) && ramp.daysEmployed > 0) {
        trace.push(
          `× ramp ${formatNumber(ramp.weightedDays, 6)}/${ramp.daysEmployed} from hire ${employed.hireDate} ` +
            `(${describeRampParts(ramp.parts)}) = ${formatNumber(ramp.quota)}`,
        );
      }
    }
  }

  const quota =
    employed.daysEmployed === employed.daysInPeriod && weightedDays.equals(employed.daysEmployed)
      ? seasonal
      : seasonal.times(weightedDays).div(employed.daysInPeriod);
  if (employed.daysEmployed !== employed.daysInPeriod) {
    const why: string[] = [];
    if (employed.hireDate && employed.hireDate > employed.period.start)
      why.push(`hired ${employed.hireDate}`);
    if (employed.terminationDate && employed.terminationDate < employed.period.end) {
      why.push(`terminated ${employed.terminationDate}`);
    }
    if (employed.leaveDays > 0)
      why.push(`${employed.leaveDays} day${employed.leaveDays === 1 ? "" : "s"} of leave`);
    trace.push(
      `× ${employed.daysEmployed}/${employed.daysInPeriod} days employed${why.length ? ` (${why.join(", ")})` : ""} = ${formatNumber(quota)}`,
    );
  }
  return { quota, trace, seasonal, ramp, proration };
}
