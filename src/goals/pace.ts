import { daysInclusive, type IsoDate } from "../calendar/index.js";
import { checkArgument } from "../errors/checkArgument.js";
import { CompplanError } from "../errors/index.js";
import {
  Decimal,
  type DecimalInput,
  formatAmount,
  formatPercent,
  type Rounding,
  ZERO,
} from "../money/index.js";
import { dateArg, decimalArg, INVALID_ARGUMENT, rangeArg } from "./args.js";
import { attainment } from "./attainment.js";
import { earlier } from "./dateOrder.js";

/** Options of {@link pace}. */
export interface PaceOptions {
  /** Value achieved so far in the period. */
  value: DecimalInput;
  /** The period's quota. */
  quota: DecimalInput;
  period: { start: IsoDate; end: IsoDate };
  /** The last day counted as elapsed (included). After the period's end it counts as the end. */
  asOf: IsoDate;
  /** Attainment band edges of the participant's plan, as fractions of quota (`[0.5, 1, 1.5]`). */
  edges?: readonly DecimalInput[];
  /** How amounts are written in the sentences (default scale 2). Amounts still needed are rounded up, so a sentence never says "needs 0 more" while something is missing. */
  rounding?: Rounding;
}

/** The gap to one attainment level. */
export interface PaceGap {
  /** The attainment level, as a fraction (1.5 is 150%). */
  edge: Decimal;
  /** `quota × edge`: the value that reaches it. */
  target: Decimal;
  /** `max(0, target − value)`. */
  needed: Decimal;
  /** `"needs 92,500 more to reach 150%"` or `"has reached 150%"`. */
  sentence: string;
}

/** The result of {@link pace}. */
export interface PaceResult {
  daysElapsed: number;
  daysInPeriod: number;
  /** Attainment so far: value ÷ quota (`null` for a zero quota). */
  attainment: Decimal | null;
  /** The value projected to the period's end at the pace so far: `value × daysInPeriod ÷ daysElapsed`. */
  projected: Decimal;
  /** `projected ÷ quota` (`null` for a zero quota). */
  projectedAttainment: Decimal | null;
  /** What is still needed to reach 100%: `max(0, quota − value)`. */
  gapTo100: Decimal;
  /** One gap per band edge given, in the order given. */
  gaps: PaceGap[];
  /** `"needs 42,500 more to reach 100%"`, `"has reached 100%"`, or `"no quota for this period"`. */
  sentence: string;
  /** `"on pace for 85,000 (85%) by 2026-03-31"`. */
  projection: string;
}

/**
 * Pace: where a measure will end the period if it keeps its pace so far, and what is still needed to reach 100%
 * and each band edge of the plan.
 *
 * The projection is linear in calendar days: `value × daysInPeriod ÷ daysElapsed`, where days elapsed run from
 * the period's start to `asOf`, both included. At the period's last day nothing is extrapolated, so the
 * projected attainment equals the attainment. An `asOf` after the period counts as its last day; an `asOf`
 * before it is an error (`INVALID_ARGUMENT`): no day has elapsed to extrapolate from.
 *
 * @example
 * ```ts
 * pace({ value: 57500, quota: 100000, period: { start: "2026-01-01", end: "2026-03-31" }, asOf: "2026-02-14" });
 * // daysElapsed 45 of 90, projected 115,000, projectedAttainment 1.15, gapTo100 42,500,
 * // sentence "needs 42,500 more to reach 100%"
 * ```
 */
export function pace(options: PaceOptions): PaceResult {
  checkArgument("pace", "options", options, "object");
  const value = decimalArg(options.value, "value");
  const quota = decimalArg(options.quota, "quota");
  const period = rangeArg(options.period, "period");
  const asOf = dateArg(options.asOf, "asOf");
  if (asOf < period.start) {
    throw new CompplanError(
      INVALID_ARGUMENT,
      `asOf ${asOf} is before the period starts (${period.start}): there is no pace yet`,
    );
  }
  const rounding = options.rounding ?? { scale: 2, mode: "half-up" };
  const daysInPeriod = daysInclusive(period.start, period.end);
  const daysElapsed = daysInclusive(period.start, earlier(asOf, period.end));
  const projected = daysElapsed === daysInPeriod ? value : value.times(daysInPeriod).div(daysElapsed);

  const gapTo = (edge: Decimal): PaceGap => {
    const target = quota.times(edge);
    const missing = target.minus(value);
    const needed = missing.isPositive() && !missing.isZero() ? missing : ZERO;
    const level = formatPercent(edge);
    const sentence = needed.isZero()
      ? `has reached ${level}`
      : `needs ${formatAmount(needed, rounding.scale, "up")} more to reach ${level}`;
    return { edge, target, needed, sentence };
  };
  const hundred = gapTo(new Decimal(1));
  const gaps = (options.edges ?? []).map((e, i) => gapTo(decimalArg(e, `edges[${i}]`)));
  const projectedAttainment = attainment(projected, quota);
  const amount = (d: Decimal) => formatAmount(d, rounding.scale, rounding.mode);
  return {
    daysElapsed,
    daysInPeriod,
    attainment: attainment(value, quota),
    projected,
    projectedAttainment,
    gapTo100: hundred.needed,
    gaps,
    sentence: quota.isZero() ? "no quota for this period" : hundred.sentence,
    projection: `on pace for ${amount(projected)}${projectedAttainment ? ` (${formatPercent(projectedAttainment, 1)})` : ""} by ${period.end}`,
  };
}
