// Earlier / later of two ISO dates. Internal. ISO `YYYY-MM-DD` strings order correctly as strings; Math.min
// would turn them into NaN, so these exist to say "date" where a ternary on strings looks like a number bug.
import type { IsoDate } from "../calendar/index.js";

/**
 * The earlier of two ISO dates.
 *
 * @example
 * ```ts
 * earlier("2026-03-31", "2026-02-14"); // "2026-02-14"
 * ```
 */
export function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return b < a ? b : a;
}

/**
 * The later of two ISO dates.
 *
 * @example
 * ```ts
 * later("2026-01-01", "2026-01-15"); // "2026-01-15"
 * ```
 */
export function later(a: IsoDate, b: IsoDate): IsoDate {
  return b > a ? b : a;
}
