// Dates as day numbers, for the hot paths of proration and ramps. Internal.
//
// The calendar module's helpers go through date-fns and local-time Date objects (right for month arithmetic
// across DST). Counting and stepping whole days needs none of that: a day number (days since 1970-01-01 in
// UTC, where every day has 24 hours) makes "days between" a subtraction and "next day" an addition. This is
// ~100× faster than formatting a Date per step, which matters when the engine prorates every participant in
// every period of a Monte Carlo run. The results equal calendar's daysInclusive / plusDays (tests check it).
import type { IsoDate } from "../calendar/index.js";

const MS_PER_DAY = 86_400_000;

/**
 * The day number of an ISO date already checked to be a calendar date (days since 1970-01-01).
 *
 * @example
 * ```ts
 * toDayNumber("1970-01-02"); // 1
 * ```
 */
export function toDayNumber(date: IsoDate): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY
  );
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
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
