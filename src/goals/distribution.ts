import { CompplanError } from "../errors/CompplanError.js";
import { checkArgument } from "../errors/checkArgument.js";
import { checkDecimalArgument } from "../money/checkDecimalArgument.js";
import { Decimal, type DecimalInput, formatMoney, type Rounding } from "../money/index.js";
import { decimalArg, INVALID_ARGUMENT } from "./args.js";

/** The spread of attainment across a team. Order statistics are `null` for an empty team. */
export interface Distribution {
  /** Attainments counted (nulls excluded). */
  count: number;
  /** Nulls given (participants with a zero quota), not counted anywhere else. */
  excluded: number;
  /** How many are at or above the threshold (default 1, i.e. 100%). */
  atOrAbove: number;
  /** `atOrAbove ÷ count`; `null` when count is 0. */
  atOrAboveShare: Decimal | null;
  threshold: Decimal;
  min: Decimal | null;
  q1: Decimal | null;
  median: Decimal | null;
  q3: Decimal | null;
  max: Decimal | null;
}

/**
 * Quantile by linear interpolation between order statistics (Hyndman & Fan type 7, as Excel's
 * `PERCENTILE.INC`, NumPy's and R's defaults): with the n values sorted `x[0] ≤ … ≤ x[n−1]` and
 * `h = (n − 1) × p`, the quantile is `x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋+1] − x[⌊h⌋])`. Exact in decimals.
 *
 * @example
 * ```ts
 * quantile([1, 2, 3, 4].map((n) => new Decimal(n)), new Decimal("0.25")); // Decimal(1.75)
 * ```
 */
export function quantile(sorted: readonly Decimal[], p: DecimalInput): Decimal {
  checkArgument("quantile", "sorted", sorted, "list");
  const q = decimalArg(p, "p");
  if (sorted.length === 0)
    throw new CompplanError(INVALID_ARGUMENT, "quantile: sorted: give at least one value");
  if (q.lt(0) || q.gt(1)) throw new CompplanError(INVALID_ARGUMENT, `quantile: p: expected 0 to 1, got ${q}`);
  const h = q.times(sorted.length - 1);
  const lo = h.floor().toNumber();
  const low = sorted[lo]!;
  const high = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  checkDecimalArgument("quantile", `sorted[${lo}]`, low, false, false);
  checkDecimalArgument("quantile", "sorted", high, false, false);
  return low.plus(h.minus(lo).times(high.minus(low)));
}

/**
 * Distribution of attainment across a team: count, count and share at or above quota, minimum, quartiles,
 * median and maximum. Quartiles use linear interpolation between order statistics (see {@link quantile}), so the
 * median of an even count is the mean of the middle two. `null` entries (zero quota) are counted as `excluded`.
 *
 * @example
 * ```ts
 * distribution(["0.8", "0.95", "1", "1.2"]);
 * // count 4, atOrAbove 2, atOrAboveShare 0.5, min 0.8, q1 0.9125, median 0.975, q3 1.05, max 1.2
 * ```
 */
export function distribution(
  attainments: readonly (DecimalInput | null | undefined)[],
  options: { threshold?: DecimalInput } = {},
): Distribution {
  checkArgument("distribution", "attainments", attainments, "list");
  checkArgument("distribution", "options", options, "object?");
  const threshold = decimalArg(options.threshold ?? 1, "threshold");
  const values: Decimal[] = [];
  let excluded = 0;
  attainments.forEach((a, i) => {
    if (a == null) excluded++;
    else values.push(decimalArg(a, `attainments[${i}]`));
  });
  values.sort((a, b) => a.comparedTo(b));
  const atOrAbove = values.filter((v) => v.greaterThanOrEqualTo(threshold)).length;
  const n = values.length;
  const q = (p: string) => (n ? quantile(values, p) : null);
  return {
    count: n,
    excluded,
    atOrAbove,
    atOrAboveShare: n ? new Decimal(atOrAbove).div(n) : null,
    threshold,
    min: values[0] ?? null,
    q1: q("0.25"),
    median: q("0.5"),
    q3: q("0.75"),
    max: values[n - 1] ?? null,
  };
}

/** A {@link Distribution} as strings: attainments in percent at `percentScale`, `""` where undefined. */
export interface DistributionRow {
  count: number;
  excluded: number;
  atOrAbove: number;
  atOrAbovePercent: string;
  thresholdPercent: string;
  minPercent: string;
  q1Percent: string;
  medianPercent: string;
  q3Percent: string;
  maxPercent: string;
}

/**
 * Formats a {@link Distribution} as one row of strings, attainments in percent.
 *
 * @example
 * ```ts
 * distributionRow(distribution(["0.8", "1.2"])).medianPercent; // "100.00"
 * ```
 */
export function distributionRow(d: Distribution, options: { percentScale?: number } = {}): DistributionRow {
  checkArgument("distributionRow", "d", d, "object");
  checkArgument("distributionRow", "options", options, "object?");
  const r: Rounding = { scale: options.percentScale ?? 2, mode: "half-up" };
  const pct = (v: Decimal | null) => (v ? formatMoney(v.times(100), r) : "");
  return {
    count: d.count,
    excluded: d.excluded,
    atOrAbove: d.atOrAbove,
    atOrAbovePercent: pct(d.atOrAboveShare),
    thresholdPercent: pct(d.threshold),
    minPercent: pct(d.min),
    q1Percent: pct(d.q1),
    medianPercent: pct(d.median),
    q3Percent: pct(d.q3),
    maxPercent: pct(d.max),
  };
}
