import type { IsoDate } from "../calendar/index.js";
import { checkArgument, checkElements } from "../errors/checkArgument.js";
import { CompplanError } from "../errors/index.js";
import { type Decimal, type DecimalInput, formatNumber, ONE, ZERO } from "../money/index.js";
import { dateArg, decimalArg, nonNegativeArg } from "./args.js";
import { plusMonthsDay, toDayNumber } from "./dayNumber.js";
import { employedSegments } from "./employedSegments.js";

/**
 * The stable error code for a ramp schedule that cannot be used.
 *
 * @example
 * ```ts
 * rampQuota({ quota: 1, period, hireDate: "2026-01-01", schedule: ["-0.5"] }); // throws, code RAMP_INVALID
 * ```
 */
export const RAMP_INVALID = "RAMP_INVALID";

/** Options of {@link rampQuota}. */
export interface RampOptions {
  /** The period's quota before the ramp (already seasonalized). */
  quota: DecimalInput;
  period: { start: IsoDate; end: IsoDate };
  /** Day 1 of tenure month 1. */
  hireDate: IsoDate;
  /** Factor per month of tenure: `schedule[0]` for month 1, `schedule[1]` for month 2, …; 1 after the schedule. */
  schedule: readonly DecimalInput[];
  /** Days after it are not employed and do not count in the average. */
  terminationDate?: IsoDate | null;
  /** Leave days do not count in the average (tenure months keep running through a leave). */
  leaves?: readonly { start: IsoDate; end: IsoDate }[];
}

/** Days of the period in one tenure month, and that month's factor. */
export interface RampPart {
  /** 1-based tenure month; `schedule.length + 1` stands for every month after the schedule (factor 1). */
  month: number;
  /** Whether this part stands for all months after the schedule. */
  afterSchedule: boolean;
  days: number;
  factor: Decimal;
}

/** The result of {@link rampQuota}. */
export interface RampResult {
  /** `quota × factor`, computed as `quota × weightedDays ÷ daysEmployed` (multiply first, so exact when it can be). */
  quota: Decimal;
  /** The day-weighted mean of the tenure-month factors over the days employed in the period; 0 if none. */
  factor: Decimal;
  /** Σ days × factor over the parts: the days employed "at full ramp" equivalents. */
  weightedDays: Decimal;
  daysEmployed: number;
  parts: RampPart[];
  /** One sentence saying how the factor was made. */
  trace: string;
}

/**
 * Applies a new-hire ramp to a period's quota.
 *
 * Tenure month m runs from `hireDate + (m−1) months` to the day before `hireDate + m months` (calendar months,
 * clamped at month ends: a hire on Jan 31 starts month 2 on Feb 28). A period rarely lines up with tenure months
 * (a hire on Feb 15 is in month 1 and month 2 during Q1, month 2 and then fully ramped in Q2), so the period's
 * ramp factor is the **day-weighted mean of the month factors over the days the participant is employed in the
 * period** (from the hire date, before any termination, leave days excluded):
 *
 *     factor = Σ (days employed in tenure month m × schedule[m]) ÷ days employed
 *
 * Averaging over days *employed* rather than days in the period keeps ramp and proration independent: proration
 * then removes the days not employed, and `quota × factor × prorationFactor` equals
 * `quota × Σ(days × month factor) ÷ days in period`, each day counted once. Tenure months keep running through a
 * leave. With no day employed in the period the factor is 0.
 *
 * @example
 * ```ts
 * // hired Feb 15, ramp 0% in month 1, 50% in month 2. Q1 has 45 days employed: Feb 15..Mar 14 (28 days,
 * // month 1, × 0) and Mar 15..Mar 31 (17 days, month 2, × 0.5) → 8.5 / 45.
 * rampQuota({ quota: new Decimal(90000), period: { start: "2026-01-01", end: "2026-03-31" },
 *   hireDate: "2026-02-15", schedule: [0, "0.5"] }).quota; // Decimal(17000) = 90,000 × 8.5 / 45
 * ```
 */
export function rampQuota(options: RampOptions): RampResult {
  checkArgument("rampQuota", "options", options, "object");
  const quota = decimalArg(options.quota, "quota");
  const hireDate = dateArg(options.hireDate, "hireDate");
  if (!Array.isArray(options.schedule)) {
    throw new CompplanError(RAMP_INVALID, "ramp schedule: expected a list of factors, one per tenure month");
  }
  const schedule = options.schedule.map((f, i) => {
    try {
      return nonNegativeArg(f, `ramp schedule[${i}] (tenure month ${i + 1})`);
    } catch (e) {
      throw new CompplanError(RAMP_INVALID, (e as Error).message);
    }
  });
  const employed = employedSegments({
    period: options.period,
    hireDate,
    terminationDate: options.terminationDate ?? null,
    leaves: options.leaves ?? [],
  });

  const parts: RampPart[] = [];
  let counted = 0;
  let weightedDays = ZERO;
  const segments = employed.segments.map((seg) => [toDayNumber(seg.start), toDayNumber(seg.end)] as const);
  const periodEnd = toDayNumber(employed.period.end);
  for (let m = 1; m <= schedule.length && counted < employed.daysEmployed; m++) {
    // Each month is placed from the hire date (not from the previous month's end) so clamping never drifts.
    const monthStart = plusMonthsDay(hireDate, m - 1);
    const monthEnd = plusMonthsDay(hireDate, m) - 1;
    if (monthStart > periodEnd) break;
    let days = 0;
    for (const [segStart, segEnd] of segments) {
      const from = Math.max(segStart, monthStart);
      const to = Math.min(segEnd, monthEnd);
      if (from <= to) days += to - from + 1;
    }
    if (days === 0) continue;
    const factor = schedule[m - 1] ?? ONE;
    parts.push({ month: m, afterSchedule: false, days, factor });
    weightedDays = weightedDays.plus(factor.times(days));
    counted += days;
  }
  const rest = employed.daysEmployed - counted;
  if (rest > 0) {
    parts.push({ month: schedule.length + 1, afterSchedule: true, days: rest, factor: ONE });
    weightedDays = weightedDays.plus(rest);
  }

  const daysEmployed = employed.daysEmployed;
  const factor = daysEmployed === 0 ? ZERO : weightedDays.div(daysEmployed);
  const rampedQuota = daysEmployed === 0 ? ZERO : quota.times(weightedDays).div(daysEmployed);
  // The trace is written when read: quotaSchedule ramps every period of every ramped participant and reads
  // only the numbers.
  let trace: string | undefined;
  return {
    quota: rampedQuota,
    factor,
    weightedDays,
    daysEmployed,
    parts,
    get trace() {
      trace ??= rampTrace(hireDate, parts, weightedDays, daysEmployed, quota, rampedQuota);
      return trace;
    },
  };
}

/**
 * Describes ramp parts for a trace: "28 days in month 1 × 0 + 17 days in month 2 × 0.5".
 *
 * @example
 * ```ts
 * describeRampParts([{ month: 3, afterSchedule: true, days: 31, factor: new Decimal(1) }]); // "31 days in month 3+ × 1"
 * ```
 */
export function describeRampParts(parts: readonly RampPart[]): string {
  checkElements("describeRampParts", "parts", parts, "object");
  return parts
    .map(
      (p) =>
        `${p.days} day${p.days === 1 ? "" : "s"} in month ${p.month}${p.afterSchedule ? "+" : ""} × ${formatNumber(p.factor, 6)}`,
    )
    .join(" + ");
}

function rampTrace(
  hireDate: IsoDate,
  parts: RampPart[],
  weightedDays: Decimal,
  daysEmployed: number,
  quota: Decimal,
  ramped: Decimal,
): string {
  if (daysEmployed === 0) return `ramp from hire ${hireDate}: no day employed in the period → factor 0`;
  const ratio = `${formatNumber(weightedDays, 6)}/${daysEmployed}`;
  return (
    `ramp from hire ${hireDate}: ${describeRampParts(parts)} = ${formatNumber(weightedDays, 6)} of ${daysEmployed} days employed → ` +
    `factor ${formatNumber(weightedDays.div(daysEmployed), 6)}; quota ${formatNumber(quota)} × ${ratio} = ${formatNumber(ramped)}`
  );
}
