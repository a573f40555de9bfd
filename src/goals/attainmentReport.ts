import { type IsoDate, periodsOfYear } from "../calendar/index.js";
import { checkArgument, checkElements } from "../errors/checkArgument.js";
import { CompplanError } from "../errors/index.js";
import { type Decimal, type DecimalInput, formatMoney, type Rounding, ZERO } from "../money/index.js";
import { dateArg, decimalArg, INVALID_ARGUMENT, integerArg, rangeArg } from "./args.js";
import { attainment } from "./attainment.js";

/** One pay period of a measure: its dates, the value achieved in it and its quota. */
export interface AttainmentPeriodInput {
  /** e.g. `2026-02`; defaults to `start..end`. */
  name?: string;
  start: IsoDate;
  end: IsoDate;
  /** The measure's value in this period alone (not cumulative). */
  value: DecimalInput;
  /** This period's quota (seasonalized, ramped and prorated: see `periodQuota`). */
  quota: DecimalInput;
}

/** Options of {@link attainmentReport}. */
export interface AttainmentReportOptions {
  /** The measure's name, for labels. */
  measure?: string;
  /** The plan year's pay periods in order, from the first. Later periods may be present (their quotas count in the annual quota) or not. */
  periods: readonly AttainmentPeriodInput[];
  /** The current period, by 0-based index… */
  periodIndex?: number;
  /** …or by a date inside it. One of the two is required. */
  asOf?: IsoDate;
  /** The annual quota; defaults to the sum of the periods' quotas (so give every period of the year, or this). */
  annualQuota?: DecimalInput;
  /** First day of the plan year, for quarter boundaries; defaults to the first period's start. */
  yearStart?: IsoDate;
}

/** Which span of the year a line measures. */
export type AttainmentScope = "period" | "quarter-to-date" | "year-to-date";
/** What a line's value is divided by: the quota of the same span, or the annual quota. */
export type AttainmentBasis = "quota-to-date" | "annual-quota";

/** One attainment figure with the numbers that produced it. */
export interface AttainmentLine {
  scope: AttainmentScope;
  basis: AttainmentBasis;
  /** e.g. `"year to date (2026-01-01..2026-03-31) vs quota to date"`. */
  label: string;
  from: IsoDate;
  to: IsoDate;
  /** Names of the periods summed. */
  periods: string[];
  value: Decimal;
  quota: Decimal;
  /** `value ÷ quota`; `null` when the quota is zero. */
  attainment: Decimal | null;
}

/** The result of {@link attainmentReport}. */
export interface AttainmentReport {
  measure: string | null;
  period: { name: string; start: IsoDate; end: IsoDate; index: number };
  annualQuota: Decimal;
  /** period, quarter to date (when the period lies inside one quarter), year to date; each vs quota to date, then vs annual quota. */
  lines: AttainmentLine[];
}

/**
 * Attainment of one measure for a period, quarter to date and year to date, each both **against quota to date**
 * (the quotas of the periods elapsed, the current one in full) and **against the annual quota**. Both are in
 * use (the first says "on track", the second "how much of the year is done"), so every line is labelled with
 * its basis and carries its value and quota.
 *
 * Quarters are the plan year's fiscal quarters from `yearStart`. Quarter to date sums the periods inside the
 * current period's quarter up to it; it is left out when the periods are longer than a quarter (halves).
 *
 * @example
 * ```ts
 * // monthly quota 50,000; sales 42,500, 55,000, 52,500
 * const r = attainmentReport({ periods: [
 *   { name: "2026-01", start: "2026-01-01", end: "2026-01-31", value: 42500, quota: 50000 },
 *   { name: "2026-02", start: "2026-02-01", end: "2026-02-28", value: 55000, quota: 50000 },
 *   { name: "2026-03", start: "2026-03-01", end: "2026-03-31", value: 52500, quota: 50000 },
 * ], periodIndex: 1, annualQuota: 600000 });
 * // year to date vs quota to date: 97,500 / 100,000 = 0.975; vs annual quota: 97,500 / 600,000 = 0.1625
 * ```
 */
export function attainmentReport(options: AttainmentReportOptions): AttainmentReport {
  checkArgument("attainmentReport", "options", options, "object");
  if (!Array.isArray(options.periods) || options.periods.length === 0) {
    throw new CompplanError(INVALID_ARGUMENT, "periods: give at least one period");
  }
  const periods = options.periods.map((p, i) => {
    const range = rangeArg(p, `periods[${i}]`);
    return {
      name: p.name ?? `${range.start}..${range.end}`,
      ...range,
      value: decimalArg(p.value, `periods[${i}].value`),
      quota: decimalArg(p.quota, `periods[${i}].quota`),
    };
  });
  for (let i = 1; i < periods.length; i++) {
    const prev = periods[i - 1]!;
    if (periods[i]!.start <= prev.end) {
      throw new CompplanError(
        INVALID_ARGUMENT,
        `periods[${i}] (${periods[i]!.name}) overlaps or precedes ${prev.name}`,
      );
    }
  }
  let index: number;
  if (options.periodIndex !== undefined) {
    index = integerArg(options.periodIndex, "periodIndex", 0, periods.length - 1);
  } else if (options.asOf !== undefined) {
    const asOf = dateArg(options.asOf, "asOf");
    index = periods.findIndex((p) => p.start <= asOf && asOf <= p.end);
    if (index < 0) throw new CompplanError(INVALID_ARGUMENT, `asOf ${asOf} is in none of the periods given`);
  } else {
    throw new CompplanError(INVALID_ARGUMENT, "give periodIndex or asOf to say which period is current");
  }
  const current = periods[index]!;
  const annualQuota =
    options.annualQuota !== undefined
      ? decimalArg(options.annualQuota, "annualQuota")
      : periods.reduce((sum, p) => sum.plus(p.quota), ZERO);
  const yearStart = options.yearStart ? dateArg(options.yearStart, "yearStart") : periods[0]!.start;
  const measure = options.measure ?? null;

  const spans: { scope: AttainmentScope; label: string; members: typeof periods }[] = [
    { scope: "period", label: `period ${current.name}`, members: [current] },
  ];
  const quarter = periodsOfYear(yearStart, "quarter").find(
    (q) => q.start <= current.end && current.end <= q.end,
  );
  if (quarter && current.start >= quarter.start) {
    const qtd = periods.slice(0, index + 1).filter((p) => p.start >= quarter.start);
    spans.push({ scope: "quarter-to-date", label: `quarter to date (${quarter.name})`, members: qtd });
  }
  spans.push({ scope: "year-to-date", label: "year to date", members: periods.slice(0, index + 1) });

  const lines: AttainmentLine[] = [];
  for (const span of spans) {
    const value = span.members.reduce((sum, p) => sum.plus(p.value), ZERO);
    const quotaToDate = span.members.reduce((sum, p) => sum.plus(p.quota), ZERO);
    const from = span.members[0]!.start;
    const to = current.end;
    const names = span.members.map((p) => p.name);
    const prefix = `${measure ? `${measure}: ` : ""}${span.label}, ${from}..${to}`;
    lines.push({
      scope: span.scope,
      basis: "quota-to-date",
      label: `${prefix} vs quota to date`,
      from,
      to,
      periods: names,
      value,
      quota: quotaToDate,
      attainment: attainment(value, quotaToDate),
    });
    lines.push({
      scope: span.scope,
      basis: "annual-quota",
      label: `${prefix} vs annual quota`,
      from,
      to,
      periods: names,
      value,
      quota: annualQuota,
      attainment: attainment(value, annualQuota),
    });
  }
  return {
    measure,
    period: { name: current.name, start: current.start, end: current.end, index },
    annualQuota,
    lines,
  };
}

/** A line of an attainment report as strings, for a table, CSV or JSON. */
export interface AttainmentRow {
  measure: string;
  period: string;
  scope: AttainmentScope;
  basis: AttainmentBasis;
  label: string;
  from: IsoDate;
  to: IsoDate;
  value: string;
  quota: string;
  /** Attainment in percent at `percentScale` (`"97.50"`), or `""` when the quota is zero. */
  attainmentPercent: string;
}

/**
 * Flattens an {@link attainmentReport} into rows of strings: amounts at the plan's scale, attainment in percent.
 *
 * @example
 * ```ts
 * attainmentReportRows(report, { rounding: { scale: 2, mode: "half-up" } })[0];
 * // { measure: "", period: "2026-02", scope: "period", basis: "quota-to-date", value: "55000.00",
 * //   quota: "50000.00", attainmentPercent: "110.00", … }
 * ```
 */
export function attainmentReportRows(
  report: AttainmentReport,
  options: { rounding?: Rounding; percentScale?: number } = {},
): AttainmentRow[] {
  checkArgument("attainmentReportRows", "report", report, "object");
  checkArgument("attainmentReportRows", "options", options, "object?");
  checkElements("attainmentReportRows", "report.lines", report.lines, "object");
  checkArgument("attainmentReportRows", "report.period", report.period, "object");
  const rounding = options.rounding ?? { scale: 2, mode: "half-up" };
  const percentRounding: Rounding = { scale: options.percentScale ?? 2, mode: "half-up" };
  return report.lines.map((line) => ({
    measure: report.measure ?? "",
    period: report.period.name,
    scope: line.scope,
    basis: line.basis,
    label: line.label,
    from: line.from,
    to: line.to,
    value: formatMoney(line.value, rounding),
    quota: formatMoney(line.quota, rounding),
    attainmentPercent: line.attainment ? formatMoney(line.attainment.times(100), percentRounding) : "",
  }));
}
