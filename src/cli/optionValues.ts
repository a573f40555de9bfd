// Option values the CLI checks itself, before reading any data or computing anything, so that a typo is a
// usage error (exit 2) naming the option, not a failure (exit 1) from deep inside a computation.
import { payPeriodsIn, tryDate, tryPeriod } from "../calendar/index.js";
import type { ParsedRecords } from "../input/index.js";
import { tryDecimal } from "../money/index.js";
import type { Plan } from "../plan/index.js";
import { didYouMean } from "../rules/index.js";
import { UsageError } from "./io.js";

/** Bounds of {@link decimalOption}. */
export interface DecimalBounds {
  /** The value must be at least this. */
  min?: number;
  /** The value must be more than this. */
  above?: number;
}

/**
 * Checks a decimal option (an amount, an attainment, a share) and returns it as given, trimmed.
 *
 * @param value - the option's text, or `undefined` when it was not given.
 * @param option - the option's name for the message, e.g. `--total`.
 * @param bounds - optional lower bounds.
 * @returns the trimmed text, or `undefined` when not given.
 * @throws {UsageError} naming the option and what was given.
 * @example
 * ```ts
 * decimalOption("1000000", "--total"); // "1000000"
 * decimalOption("abc", "--total"); // throws: --total must be a decimal number such as 1000000 or 0.5, got "abc"
 * ```
 */
export function decimalOption<V extends string | undefined>(
  value: V,
  option: string,
  bounds: DecimalBounds = {},
): V {
  if (value === undefined) return value;
  const parsed = tryDecimal(value);
  if (!parsed.ok)
    throw new UsageError(
      `${option} must be a decimal number such as 1000000 or 0.5, got ${JSON.stringify(value)}`,
    );
  if (bounds.min !== undefined && parsed.value.lessThan(bounds.min))
    throw new UsageError(`${option} must be ${bounds.min} or more, got ${value}`);
  if (bounds.above !== undefined && parsed.value.lessThanOrEqualTo(bounds.above))
    throw new UsageError(`${option} must be more than ${bounds.above}, got ${value}`);
  return value.trim() as V;
}

/**
 * Checks a date option: a day that exists, written `YYYY-MM-DD`.
 *
 * @param value - the option's text.
 * @param option - the option's name for the message, e.g. `--as-of`.
 * @returns the date.
 * @throws {UsageError} saying the text is not a valid date (rather than, later, that it is outside the year).
 * @example
 * ```ts
 * dateOption("2026-13-45", "--as-of"); // throws: --as-of 2026-13-45 is not a valid date: expected YYYY-MM-DD, a day that exists
 * ```
 */
export function dateOption(value: string, option: string): string {
  const parsed = tryDate(value);
  if (!parsed.ok)
    throw new UsageError(
      `${option} ${JSON.stringify(value)} is not a valid date: expected YYYY-MM-DD, a day that exists`,
    );
  return parsed.value;
}

/**
 * Checks a whole-number option.
 *
 * @param value - the option's text.
 * @param option - the option's name for the message, e.g. `--runs`.
 * @param min - the smallest value allowed.
 * @param max - the largest value allowed; default the largest safe integer.
 * @returns the number.
 * @throws {UsageError} naming the option, its range and what was given.
 * @example
 * ```ts
 * integerOption("1000", "--runs", 1); // 1000
 * ```
 */
export function integerOption(
  value: string | undefined,
  option: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const text = (value ?? "").trim();
  const n = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
    throw new UsageError(`${option} must be a whole number ${range}, got ${value}`);
  }
  return n;
}

/**
 * Checks an option that takes one of a few words.
 *
 * @param value - the option's text, or `undefined` for the first allowed word.
 * @param allowed - the words allowed, the default first.
 * @param option - the option's name for the message, e.g. `--table`.
 * @returns the word.
 * @throws {UsageError} listing the words allowed.
 * @example
 * ```ts
 * choiceOption("runs", ["summary", "participants", "runs"] as const, "--table"); // "runs"
 * ```
 */
export function choiceOption<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
): T {
  const v = (value ?? allowed[0]) as T;
  if (!allowed.includes(v))
    throw new UsageError(`${option} must be one of ${allowed.join(", ")}, got ${value}`);
  return v;
}

/**
 * Checks `--period` against every plan (a period of its year made of whole pay periods), before any data is
 * read.
 *
 * @param period - the option's text.
 * @param plans - the plans of the run.
 * @throws {UsageError} saying which plan the period does not fit, and why.
 * @example
 * ```ts
 * periodOption("2026-Q5", [plan]); // throws: --period: expected a period such as 2026, 2026-H1, 2026-Q3 or 2026-07, got "2026-Q5"
 * ```
 */
export function periodOption(period: string, plans: readonly Plan[]): void {
  for (const plan of plans) {
    const found = tryPeriod(period, plan.year.start);
    const where = plans.length > 1 ? ` (plan ${plan.id})` : "";
    if (!found.ok) throw new UsageError(`--period${where}: ${found.message}`);
    try {
      payPeriodsIn(found.value, plan.year.start, plan.payPeriod);
    } catch (error) {
      throw new UsageError(`--period${where}: ${(error as Error).message}`);
    }
  }
}

// How many ids a message lists before it says how many more there are.
const SHOWN_IDS = 10;

/**
 * Checks `--participant` against the ids in the participants file, before anything is computed.
 *
 * @param id - the option's text.
 * @param participants - the participants file as read.
 * @throws {UsageError} with a did-you-mean when an id is close, and the valid ids (the first ten and a count).
 * @example
 * ```ts
 * participantOption("zed", readRecords("participants.csv"));
 * // throws: --participant zed: no participant with that id in participants.csv; participants: ana, ben, cai
 * ```
 */
export function participantOption(id: string, participants: ParsedRecords): void {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const row of participants.rows) {
    const v = row.id;
    if (typeof v !== "string" && typeof v !== "number") continue;
    const text = String(v);
    if (text === id) return;
    if (!seen.has(text)) {
      seen.add(text);
      ids.push(text);
    }
  }
  const close = didYouMean(id, ids);
  const shown = ids.slice(0, SHOWN_IDS).join(", ");
  const more = ids.length > SHOWN_IDS ? ` and ${ids.length - SHOWN_IDS} more` : "";
  throw new UsageError(
    `--participant ${id}: no participant with that id in ${participants.source}` +
      (close ? `; did you mean ${close}?` : "") +
      (ids.length ? `; participants: ${shown}${more}` : "; the file has no participants"),
  );
}
