// Dates as day numbers, for the hot paths of proration and ramps. Internal.
//
// The calendar module's helpers go through date-fns and local-time Date objects (right for month arithmetic
// across DST). Counting and stepping whole days needs none of that: a day number (days since 1970-01-01 in
// the proleptic Gregorian calendar) makes "days between" a subtraction and "next day" an addition. Both
// directions are plain integer arithmetic on the digits (the civil-calendar algorithms of H. Hinnant,
// http://howardhinnant.github.io/date_algorithms.html), with no Date at all, which matters when the engine
// prorates every participant in every period of a Monte Carlo run. The results equal calendar's daysInclusive /
// plusDays (tests check it).
import type { IsoDate } from "../calendar/index.js";

/**
 * The day number of an ISO date already checked to be a calendar date (days since 1970-01-01).
 *
 * @example
 * ```ts
 * toDayNumber("1970-01-02"); // 1
 * ```
 */
export function toDayNumber(date: IsoDate): number {
  // Digits by character code (no closure: this runs for every date of every participant).
  let y =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  // Years start in March, so the leap day is the last day of the (shifted) year.
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The ISO date of a day number.
 *
 * @example
 * ```ts
 * fromDayNumber(1); // "1970-01-02"
 * ```
 */
export function fromDayNumber(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/**
 * The day number of an ISO date (already checked) plus whole calendar months, clamped to the month's end as
 * calendar's plusMonths does (Jan 31 + 1 month = Feb 28): without a Date, for ramps' tenure months.
 *
 * @example
 * ```ts
 * fromDayNumber(plusMonthsDay("2026-01-31", 1)); // "2026-02-28"
 * ```
 */
export function plusMonthsDay(date: IsoDate, months: number): number {
  const y =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48) - 1 + months; // 0-based, may overflow
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  const year = y + Math.floor(m / 12);
  const month = m - Math.floor(m / 12) * 12 + 1;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last =
    month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  const first = toDayNumber(`${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-01`);
  return first + Math.min(d, last) - 1;
}
