import { addDays, addMonths, differenceInCalendarDays, format } from "date-fns";
import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument } from "../errors/checkArgument.js";
import { describeValue } from "../errors/describeValue.js";

/** A calendar date as compplan passes it around: an ISO `YYYY-MM-DD` string, with no time and no zone. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Dates are handled as local midnights only inside this file: date-fns counts calendar days across DST
// changes correctly that way, and no caller ever sees a Date object, so the host's time zone cannot leak in.
function toLocal(date: IsoDate, fn: string, argument: string): Date {
  const m = typeof date === "string" ? ISO_DATE.exec(date) : null;
  if (!m) throw new ArgumentError(fn, argument, "a date YYYY-MM-DD", date);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromLocal(date: Date): IsoDate {
  return format(date, "yyyy-MM-dd");
}

/**
 * Checks that a value is a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is refused). A `Date`
 * object is refused too: it is a moment, and which calendar day it falls on depends on the time zone.
 *
 * @example
 * ```ts
 * tryDate("2026-02-28"); // { ok: true, value: "2026-02-28" }
 * tryDate("2026-02-30"); // { ok: false, message: "2026-02-30 is not a calendar date" }
 * ```
 */
export function tryDate(input: unknown): { ok: true; value: IsoDate } | { ok: false; message: string } {
  // The common case, a well-formed date, without a regular expression or a Date: every participant's dates are
  // checked in every period they are prorated for.
  if (typeof input === "string" && isPlainCalendarDate(input)) return { ok: true, value: input };
  const text = typeof input === "string" ? input.trim() : undefined;
  // A Date is a moment, not a calendar day: new Date(2026, 2, 31) is March 31 at local midnight, an ORM's
  // DATE column is often UTC midnight, and each is another day in some time zone. Guessing moved deals across
  // quarters, so the caller says which day it means.
  if (input instanceof Date) {
    return {
      ok: false,
      message:
        "expected a date as text YYYY-MM-DD, got a Date object (its calendar day depends on the time zone: " +
        'write the day you mean, e.g. with format(date, "yyyy-MM-dd") from date-fns for the local day)',
    };
  }
  if (typeof text !== "string" || !ISO_DATE.test(text)) {
    return {
      ok: false,
      message: `expected a date YYYY-MM-DD, got ${describeValue(input)}`,
    };
  }
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const local = new Date(y, m - 1, d);
  if (local.getFullYear() !== y || local.getMonth() !== m - 1 || local.getDate() !== d) {
    return { ok: false, message: `${text} is not a calendar date` };
  }
  return { ok: true, value: text };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a string is exactly `YYYY-MM-DD`, a real date, with a year from 1000 on, read by character codes.
 * `false` means "not sure" (tryDate then takes the long way, which also explains what is wrong): years before
 * 1000 are left to it because `new Date(y, …)` reads years below 100 as 19xx, and tryDate refuses them.
 * Internal (not in the calendar barrel): the transaction reader uses it on its straight path.
 *
 * @example
 * ```ts
 * isPlainCalendarDate("2024-02-29"); // true
 * isPlainCalendarDate("2026-02-29"); // false (not a date)
 * isPlainCalendarDate(" 2026-02-28"); // false (not sure: tryDate decides)
 * ```
 */
export function isPlainCalendarDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    year = year * 10 + c;
  }
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  const d1 = text.charCodeAt(8) - 48;
  const d2 = text.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/**
 * Adds calendar months, clamping to the month's end as finance calendars do (Jan 31 + 1 month = Feb 28).
 *
 * @example
 * ```ts
 * plusMonths("2026-01-01", 3); // "2026-04-01"
 * ```
 */
export function plusMonths(date: IsoDate, months: number): IsoDate {
  checkArgument("plusMonths", "months", months, "integer");
  return fromLocal(addMonths(toLocal(date, "plusMonths", "date"), months));
}

/**
 * Adds calendar days (negative to go back).
 *
 * @example
 * ```ts
 * plusDays("2026-04-01", -1); // "2026-03-31"
 * ```
 */
export function plusDays(date: IsoDate, days: number): IsoDate {
  checkArgument("plusDays", "days", days, "integer");
  return fromLocal(addDays(toLocal(date, "plusDays", "date"), days));
}

/**
 * Calendar days from `from` to `to`, both included: the day count used for proration.
 * Returns 0 when `to` is before `from`.
 *
 * @example
 * ```ts
 * daysInclusive("2026-01-01", "2026-03-31"); // 90
 * daysInclusive("2026-01-15", "2026-01-15"); // 1
 * ```
 */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
  const end = toLocal(to, "daysInclusive", "to");
  return Math.max(0, differenceInCalendarDays(end, toLocal(from, "daysInclusive", "from")) + 1);
}

/**
 * Days shared by two inclusive date ranges; an open end (`undefined`) is unbounded.
 *
 * @example
 * ```ts
 * overlapDays({ start: "2026-01-01", end: "2026-03-31" }, { start: "2026-02-15" }); // 45
 * ```
 */
export function overlapDays(a: DateRange, b: { start?: IsoDate; end?: IsoDate }): number {
  checkArgument("overlapDays", "a", a, "object");
  checkArgument("overlapDays", "b", b, "object");
  const start = b.start && b.start > a.start ? b.start : a.start;
  const end = b.end && b.end < a.end ? b.end : a.end;
  return end < start ? 0 : daysInclusive(start, end);
}

/** An inclusive range of calendar dates. */
export interface DateRange {
  start: IsoDate;
  end: IsoDate;
}

/**
 * Whether a date lies in an inclusive range. ISO dates compare correctly as strings.
 *
 * @example
 * ```ts
 * inRange("2026-09-30", { start: "2026-07-01", end: "2026-09-30" }); // true
 * ```
 */
export function inRange(date: IsoDate, range: DateRange): boolean {
  checkArgument("inRange", "date", date, "text");
  checkArgument("inRange", "range", range, "object");
  checkArgument("inRange", "range.start", range.start, "text");
  checkArgument("inRange", "range.end", range.end, "text");
  return date >= range.start && date <= range.end;
}
