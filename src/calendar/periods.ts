import { ArgumentError } from "../errors/ArgumentError.js";
import { CompplanError } from "../errors/CompplanError.js";
import { checkArgument } from "../errors/checkArgument.js";
import { type IsoDate, plusDays, plusMonths, tryDate } from "./dates.js";

/** How often a plan pays. */
export type PayPeriodKind = "month" | "quarter" | "half" | "year";

/** A named span of a plan year, with inclusive start and end dates. */
export interface Period {
  /** `2026`, `2026-H1`, `2026-Q3` or `2026-07`. */
  name: string;
  kind: PayPeriodKind;
  start: IsoDate;
  end: IsoDate;
}

const MONTHS: Record<PayPeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/**
 * The plan year that starts on `yearStart` (the first day of any month) and lasts 12 months. It is named by
 * the calendar year in which it starts: a fiscal year from 2026-02-01 to 2027-01-31 is `2026`.
 *
 * @example
 * ```ts
 * planYear("2026-02-01"); // { name: "2026", kind: "year", start: "2026-02-01", end: "2027-01-31" }
 * ```
 */
export function planYear(yearStart: IsoDate): Period {
  checkDate("planYear", "yearStart", yearStart);
  return {
    name: yearStart.slice(0, 4),
    kind: "year",
    start: yearStart,
    end: plusDays(plusMonths(yearStart, 12), -1),
  };
}

/**
 * The periods of one kind that make up the plan year, in order. Halves and quarters are fiscal (Q1 starts on
 * `yearStart`); months are named by their calendar month (`2027-01` can belong to plan year `2026`).
 *
 * @example
 * ```ts
 * periodsOfYear("2026-01-01", "quarter").map((p) => p.name); // ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
 * ```
 */
export function periodsOfYear(yearStart: IsoDate, kind: PayPeriodKind): Period[] {
  checkDate("periodsOfYear", "yearStart", yearStart);
  checkKind("periodsOfYear", kind);
  const label = yearStart.slice(0, 4);
  const step = MONTHS[kind];
  const out: Period[] = [];
  for (let i = 0; i < 12 / step; i++) {
    const start = plusMonths(yearStart, i * step);
    const end = plusDays(plusMonths(yearStart, (i + 1) * step), -1);
    const name =
      kind === "year"
        ? label
        : kind === "half"
          ? `${label}-H${i + 1}`
          : kind === "quarter"
            ? `${label}-Q${i + 1}`
            : start.slice(0, 7);
    out.push({ name, kind, start, end });
  }
  return out;
}

const PERIOD_NAME = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/;

/**
 * Finds a named period in the plan year that starts on `yearStart`, or explains why the name does not fit.
 *
 * @example
 * ```ts
 * tryPeriod("2026-Q3", "2026-01-01"); // { ok: true, value: { name: "2026-Q3", kind: "quarter", start: "2026-07-01", end: "2026-09-30" } }
 * tryPeriod("2025-Q3", "2026-01-01"); // { ok: false, message: "period 2025-Q3 is not in plan year 2026 (2026-01-01 to 2026-12-31)" }
 * ```
 */
export function tryPeriod(
  name: string,
  yearStart: IsoDate,
): { ok: true; value: Period } | { ok: false; message: string } {
  checkArgument("tryPeriod", "name", name, "text");
  checkDate("tryPeriod", "yearStart", yearStart);
  const m = PERIOD_NAME.exec(name.trim());
  if (!m) {
    return {
      ok: false,
      message: `expected a period such as 2026, 2026-H1, 2026-Q3 or 2026-07, got ${JSON.stringify(name)}`,
    };
  }
  const year = planYear(yearStart);
  const part = m[2];
  const kind: PayPeriodKind = !part
    ? "year"
    : part.startsWith("H")
      ? "half"
      : part.startsWith("Q")
        ? "quarter"
        : "month";
  const found = periodsOfYear(yearStart, kind).find((p) => p.name === name.trim());
  if (!found) {
    return {
      ok: false,
      message: `period ${name.trim()} is not in plan year ${year.name} (${year.start} to ${year.end})`,
    };
  }
  return { ok: true, value: found };
}

/**
 * The pay periods (of `kind`) that make up `period`. Throws when the period does not cover whole pay periods
 * (asking for a month of a plan that pays quarterly): there is no payable to report for part of a pay period.
 *
 * @example
 * ```ts
 * payPeriodsIn({ name: "2026-H2", kind: "half", start: "2026-07-01", end: "2026-12-31" }, "2026-01-01", "quarter")
 *   .map((p) => p.name); // ["2026-Q3", "2026-Q4"]
 * ```
 */
export function payPeriodsIn(period: Period, yearStart: IsoDate, kind: PayPeriodKind): Period[] {
  checkArgument("payPeriodsIn", "period", period, "object");
  checkKind("payPeriodsIn", period.kind, "period.kind");
  checkDate("payPeriodsIn", "yearStart", yearStart);
  checkKind("payPeriodsIn", kind);
  if (MONTHS[period.kind] < MONTHS[kind]) {
    throw new CompplanError(
      "PERIOD_INVALID",
      `the plan pays per ${kind}; period ${period.name} is only part of one: ask for a whole ${kind}`,
    );
  }
  return periodsOfYear(yearStart, kind).filter((p) => p.start >= period.start && p.end <= period.end);
}

/**
 * How many pay periods of `kind` a plan year has.
 *
 * @example
 * ```ts
 * periodsPerYear("quarter"); // 4
 * ```
 */
export function periodsPerYear(kind: PayPeriodKind): number {
  checkKind("periodsPerYear", kind);
  return 12 / MONTHS[kind];
}

// Argument checks of the exported functions above: once per call, before any loop.
function checkDate(fn: string, argument: string, value: unknown): void {
  if (!tryDate(value).ok) throw new ArgumentError(fn, argument, "a date YYYY-MM-DD", value);
}

function checkKind(fn: string, kind: unknown, argument = "kind"): void {
  if (typeof kind !== "string" || !Object.hasOwn(MONTHS, kind)) {
    throw new ArgumentError(fn, argument, "month, quarter, half or year", kind);
  }
}
