import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument } from "../errors/checkArgument.js";
import { checkDecimalArgument } from "../money/checkDecimalArgument.js";
import { type Decimal, ZERO } from "../money/index.js";
import { minusZero, zeroPlus } from "../money/roundMoney.js";

/** A tier band placed on the measure's value axis, ready to compute with. */
export interface TierBand {
  /** Lower edge, excluded (the first band starts at 0, or below for negative values). */
  from: Decimal;
  /** Upper edge, included; `null` for the open-ended last band. */
  to: Decimal | null;
  rate: Decimal;
  /** How the band was written and placed, for the trace: `0.5 × quota 1000000 = 500000`, `1.5 × BCR 0.06`. */
  label: string;
}

/** One band's part in a tier computation. */
export interface TierPart {
  band: number;
  portion: Decimal;
  amount: Decimal;
}

/** `marginal`: each band's rate on the part inside it. `retroactive`: the rate of the band holding the total, on all of it. */
export type TierMethod = "marginal" | "retroactive";

/**
 * The index of the band holding `value`: bands are half-open from below, `from < v <= to`, so a value exactly
 * on an edge belongs to the lower band (at exactly 100% attainment, the band ending at 1.0). Values at or below
 * zero belong to the first band.
 *
 * @example
 * ```ts
 * bandIndex(bands, new Decimal(1000000)); // the band with to = 1,000,000, not the one above it
 * ```
 */
export function bandIndex(bands: readonly TierBand[], value: Decimal): number {
  checkArgument("bandIndex", "bands", bands, "list");
  checkDecimalArgument("bandIndex", "value", value, false, false);
  for (let i = 0; i < bands.length; i++) {
    const to = bands[i]?.to;
    if (to === null || to === undefined || value.lte(to)) return i;
  }
  return bands.length - 1;
}

/**
 * Earnings on `value` under a tier table, with each band's part.
 *
 * Marginal: Σ rate × (the part of the value inside the band). A negative value (net returns) earns the first
 * band's rate on it, which keeps the function continuous through zero, so a reversal takes back exactly what
 * the original earned at that rate. Retroactive: the rate of the band holding the value, times the whole value.
 *
 * @example
 * ```ts
 * // bands: up to 100,000 at 4%, above at 6%; value 165,000:
 * // 100,000 × 4% + 65,000 × 6% = 4,000 + 3,900 = 7,900
 * tierEarnings(bands, new Decimal(165000), "marginal").amount.toString(); // "7900"
 * ```
 */
export function tierEarnings(
  bands: readonly TierBand[],
  value: Decimal,
  method: TierMethod,
): { amount: Decimal; parts: TierPart[] } {
  checkArgument("tierEarnings", "bands", bands, "list");
  checkDecimalArgument("tierEarnings", "value", value, false, false);
  if (method !== "marginal" && method !== "retroactive") {
    throw new ArgumentError("tierEarnings", "method", "marginal or retroactive", method);
  }
  if (method === "retroactive") {
    const band = bandIndex(bands, value);
    const amount = value.times((bands[band] as TierBand).rate);
    return { amount, parts: [{ band, portion: value, amount }] };
  }
  // Signs are read off the value rather than compared with a constant: each comparison would construct one.
  if (value.isNeg() || value.isZero()) {
    const first = bands[0] as TierBand;
    const amount = value.times(first.rate);
    return { amount, parts: value.isZero() ? [] : [{ band: 0, portion: value, amount }] };
  }
  const parts: TierPart[] = [];
  let amount = ZERO;
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i] as TierBand;
    // The first band starts at zero, and the value is above it (see above): no comparison, no subtraction.
    const fromZero = band.from.isZero();
    if (!fromZero && value.lte(band.from)) break;
    const top = band.to === null || value.lt(band.to) ? value : band.to;
    const portion = fromZero ? minusZero(top) : top.minus(band.from);
    if (portion.isPos() && !portion.isZero()) {
      const part = portion.times(band.rate);
      parts.push({ band: i, portion, amount: part });
      amount = parts.length === 1 ? zeroPlus(part) : amount.plus(part);
    }
  }
  return { amount, parts };
}
