import type { DateRange, IsoDate } from "../calendar/index.js";
import { checkArgument } from "../errors/checkArgument.js";
import { CompplanError } from "../errors/index.js";
import { dateArg, INVALID_ARGUMENT, rangeArg } from "./args.js";
import { fromDayNumber, toDayNumber } from "./dayNumber.js";

/**
 * Who was employed when, inside one period: the input of proration and of ramps. Hire and termination days are
 * days employed; leave days (inclusive ranges, possibly overlapping each other) are not.
 */
export interface EmploymentOptions {
  /** The period measured, inclusive dates. */
  period: { start: IsoDate; end: IsoDate };
  /** First day employed; absent or `null` means employed since before the period. */
  hireDate?: IsoDate | null;
  /** Last day employed; absent or `null` means still employed after the period. */
  terminationDate?: IsoDate | null;
  /** Unpaid leaves: inclusive ranges whose days are not counted as employed. */
  leaves?: readonly { start: IsoDate; end: IsoDate }[];
}

/** The checked employment facts and the days employed in the period, as disjoint ranges in date order. */
export interface EmployedSegments {
  period: DateRange;
  hireDate: IsoDate | null;
  terminationDate: IsoDate | null;
  /** Days of the period inside the employment but on leave. */
  leaveDays: number;
  /** Disjoint, sorted inclusive ranges of days employed within the period. */
  segments: DateRange[];
  daysEmployed: number;
  daysInPeriod: number;
}

/**
 * The days of a period a participant was employed, as disjoint ranges: the period cut to `[hireDate,
 * terminationDate]`, minus leaves. Throws a `CompplanError` (`INVALID_ARGUMENT`) when a date is not a calendar
 * date, a range ends before it starts, or the termination is before the hire (that is a data error, not a
 * participant with zero days).
 *
 * @example
 * ```ts
 * employedSegments({
 *   period: { start: "2026-01-01", end: "2026-03-31" },
 *   hireDate: "2026-01-15",
 *   leaves: [{ start: "2026-02-01", end: "2026-02-10" }],
 * }).segments;
 * // [{ start: "2026-01-15", end: "2026-01-31" }, { start: "2026-02-11", end: "2026-03-31" }]
 * ```
 */
export function employedSegments(options: EmploymentOptions): EmployedSegments {
  checkArgument("employedSegments", "options", options, "object");
  const { period, hireDate, terminationDate } = checkEmployment(options);
  const leaves = (options.leaves ?? []).map((leave, i) => rangeArg(leave, `leaves[${i}]`));
  // Work in day numbers: whole-day counting and stepping without Date formatting (see dayNumber.ts).
  const periodStart = toDayNumber(period.start);
  const periodEnd = toDayNumber(period.end);
  const daysInPeriod = periodEnd - periodStart + 1;
  const from = hireDate ? Math.max(toDayNumber(hireDate), periodStart) : periodStart;
  const to = terminationDate ? Math.min(toDayNumber(terminationDate), periodEnd) : periodEnd;
  const spans: [number, number][] = [];
  let leaveDays = 0;
  if (from <= to) {
    // Sweep the leaves in start order with a cursor: overlapping leaves are then counted once.
    const sorted = leaves
      .map((l) => [toDayNumber(l.start), toDayNumber(l.end)] as const)
      .sort((a, b) => a[0] - b[0]);
    let cursor = from;
    for (const [leaveStart, leaveEnd] of sorted) {
      if (leaveEnd < cursor || leaveStart > to) continue;
      if (leaveStart > cursor) spans.push([cursor, leaveStart - 1]);
      const end = Math.min(leaveEnd, to);
      leaveDays += end - Math.max(leaveStart, cursor) + 1;
      cursor = end + 1;
      if (cursor > to) break;
    }
    if (cursor <= to) spans.push([cursor, to]);
  }
  const segments: DateRange[] = spans.map(([a, b]) => ({ start: fromDayNumber(a), end: fromDayNumber(b) }));
  const daysEmployed = spans.reduce((sum, [a, b]) => sum + b - a + 1, 0);
  return { period, hireDate, terminationDate, leaveDays, segments, daysEmployed, daysInPeriod };
}

/**
 * The day counts of {@link employedSegments} without the segments, for proration without leaves (the engine's
 * case, once per participant and pay period): the same checks and errors, and no date is ever written out.
 * Internal: not re-exported from the barrel.
 *
 * @example
 * ```ts
 * employedDays({ period: { start: "2026-01-01", end: "2026-03-31" }, hireDate: "2026-01-15" });
 * // { daysEmployed: 76, daysInPeriod: 90 }
 * ```
 */
export function employedDays(options: EmploymentOptions): { daysEmployed: number; daysInPeriod: number } {
  const leaves = options.leaves;
  if (leaves != null && !(Array.isArray(leaves) && leaves.length === 0)) {
    const { daysEmployed, daysInPeriod } = employedSegments(options);
    return { daysEmployed, daysInPeriod };
  }
  const { period, hireDate, terminationDate } = checkEmployment(options);
  const periodStart = toDayNumber(period.start);
  const periodEnd = toDayNumber(period.end);
  const from = hireDate ? Math.max(toDayNumber(hireDate), periodStart) : periodStart;
  const to = terminationDate ? Math.min(toDayNumber(terminationDate), periodEnd) : periodEnd;
  return { daysEmployed: from <= to ? to - from + 1 : 0, daysInPeriod: periodEnd - periodStart + 1 };
}

// The period, hire and termination dates checked, in the order their errors are reported.
function checkEmployment(options: EmploymentOptions): {
  period: DateRange;
  hireDate: IsoDate | null;
  terminationDate: IsoDate | null;
} {
  const period = rangeArg(options.period, "period");
  const hireDate = options.hireDate == null ? null : dateArg(options.hireDate, "hireDate");
  const terminationDate =
    options.terminationDate == null ? null : dateArg(options.terminationDate, "terminationDate");
  if (hireDate && terminationDate && terminationDate < hireDate) {
    throw new CompplanError(
      INVALID_ARGUMENT,
      `terminationDate ${terminationDate} is before hireDate ${hireDate}`,
    );
  }
  return { period, hireDate, terminationDate };
}
