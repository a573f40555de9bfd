// Summary statistics over amounts held as integers of minor units (cents at scale 2): exact in a float64 while
// below 2^53, sorted and summed fast. Quantiles interpolate as `quantile` in goals/ does (Hyndman & Fan type 7,
// Excel's PERCENTILE.INC), in Decimal arithmetic.
import { quantile } from "../goals/index.js";
import { Decimal } from "../money/index.js";

/** The exact sum of integers, as a Decimal (falls back to BigInt when a partial sum leaves the safe range). */
export function exactSum(values: ArrayLike<number>): Decimal {
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    s += values[i] as number;
    if (!Number.isSafeInteger(s)) {
      let big = 0n;
      for (let j = 0; j < values.length; j++) big += BigInt(values[j] as number);
      return new Decimal(big.toString());
    }
  }
  return new Decimal(s);
}

/**
 * Quantile `p` of integers sorted ascending, by linear interpolation between order statistics: with
 * `h = (n − 1) × p`, `x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋+1] − x[⌊h⌋])`. The same formula and operations as
 * `quantile` in goals/, without turning every value into a Decimal first.
 *
 * @example
 * ```ts
 * quantileSorted(Float64Array.of(1, 2, 3, 4), "0.25"); // Decimal(1.75)
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, p: string): Decimal {
  if (sorted.length === 0) throw new RangeError("quantile of no values");
  const h = new Decimal(p).times(sorted.length - 1);
  const lo = h.floor().toNumber();
  const low = new Decimal(sorted[lo] as number);
  const high = new Decimal(sorted[Math.min(lo + 1, sorted.length - 1)] as number);
  return low.plus(h.minus(lo).times(high.minus(low)));
}

/** Mean, p10, p50, p90, min and max of integers (any order), as Decimals in the same units. */
export interface Spread {
  mean: Decimal;
  p10: Decimal;
  p50: Decimal;
  p90: Decimal;
  min: Decimal;
  max: Decimal;
}

/**
 * The spread of a list of integers. Works on a copy; finds the order statistics by selection (quickselect)
 * rather than by sorting, since a simulation asks this of a million participant-years.
 *
 * @example
 * ```ts
 * spread([400, 100, 300, 200]).p50; // Decimal(250)
 * ```
 */
export function spread(values: ArrayLike<number>): Spread {
  const a = values instanceof Float64Array ? values.slice() : Float64Array.from(values as ArrayLike<number>);
  const n = a.length;
  if (n === 0) throw new RangeError("spread of no values");
  // Order statistics needed, ascending: each selection leaves everything left of it smaller or equal, so the
  // next one only searches to its right.
  const ranks = new Set<number>([0, n - 1]);
  for (const p of ["0.1", "0.5", "0.9"]) {
    const lo = new Decimal(p)
      .times(n - 1)
      .floor()
      .toNumber();
    ranks.add(lo);
    ranks.add(Math.min(lo + 1, n - 1));
  }
  let from = 0;
  for (const k of [...ranks].sort((x, y) => x - y)) {
    select(a, k, from, n - 1);
    from = k;
  }
  return {
    mean: exactSum(a).div(n),
    p10: quantileSorted(a, "0.1"),
    p50: quantileSorted(a, "0.5"),
    p90: quantileSorted(a, "0.9"),
    min: new Decimal(a[0] as number),
    max: new Decimal(a[n - 1] as number),
  };
}

// Rearranges a[lo..hi] so that a[k] holds the value it would have if sorted, nothing larger before it and
// nothing smaller after it (Hoare's selection, median-of-three pivots).
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < (a[lo] as number)) swap(a, mid, lo);
    if ((a[hi] as number) < (a[lo] as number)) swap(a, hi, lo);
    if ((a[hi] as number) < (a[mid] as number)) swap(a, hi, mid);
    const pivot = a[mid] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

/** The spread of Decimals (ratios such as cost of sales). */
export function decimalSpread(values: readonly Decimal[]): Spread {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const q = (p: string) => quantile(sorted, p);
  return {
    mean: sorted.reduce((s, x) => s.plus(x), new Decimal(0)).div(sorted.length),
    p10: q("0.1"),
    p50: q("0.5"),
    p90: q("0.9"),
    min: sorted[0] as Decimal,
    max: sorted[sorted.length - 1] as Decimal,
  };
}
