import { Decimal, formatNumber } from "../money/index.js";
import type { Limit } from "../plan/index.js";

/**
 * Resolves a cap or floor to an amount: a fixed `amount`, or `ofTarget` × the target it applies to.
 *
 * @example
 * ```ts
 * limitAmount({ ofTarget: "3" }, new Decimal(60000)); // { amount: 180000, label: "3 × target 60,000 = 180,000" }
 * ```
 */
export function limitAmount(limit: Limit, target: Decimal | undefined): { amount: Decimal; label: string } {
  if ("amount" in limit) {
    const amount = new Decimal(limit.amount);
    return { amount, label: formatNumber(amount) };
  }
  const t = target ?? new Decimal(0);
  const amount = t.times(limit.ofTarget);
  return { amount, label: `${limit.ofTarget} × target ${formatNumber(t)} = ${formatNumber(amount)}` };
}

/**
 * Applies a cap and a floor to an exact amount, saying which bound (if any) decided it.
 *
 * @example
 * ```ts
 * bound(new Decimal(200000), { cap: { amount: new Decimal(180000), label: "180,000" } }); // 180000, "capped at 180,000"
 * ```
 */
export function bound(
  value: Decimal,
  limits: { cap?: { amount: Decimal; label: string }; floor?: { amount: Decimal; label: string } },
): { value: Decimal; note?: string } {
  if (limits.cap && value.gt(limits.cap.amount)) {
    return {
      value: limits.cap.amount,
      note: `capped at ${limits.cap.label} (uncapped ${formatNumber(value)})`,
    };
  }
  if (limits.floor && value.lt(limits.floor.amount)) {
    return {
      value: limits.floor.amount,
      note: `raised to the floor ${limits.floor.label} (earned ${formatNumber(value)})`,
    };
  }
  return { value };
}

/**
 * A floor over the plan year, accrued pro rata to date: the full-year floor (an amount, or `ofTarget` × the
 * annual target) × the share of the year's pay periods elapsed through period `p`, each weighted by its
 * proration factor. A guarantee is earned as the year goes, not paid in full in its first period.
 *
 * @example
 * ```ts
 * // floor 12,000 a year, full-year employee, quarterly, through Q2: 12,000 × 2/4 = 6,000
 * floorToDate({ amount: "12000" }, { annualTarget: undefined, factors: [one, one, one, one], through: 1 });
 * ```
 */
export function floorToDate(
  limit: Limit,
  options: { annualTarget: Decimal | undefined; factors: readonly Decimal[]; through: number },
): { amount: Decimal; label: string } {
  const full = limitAmount(limit, options.annualTarget);
  const elapsed = options.factors.slice(0, options.through + 1).reduce((s, f) => s.plus(f), new Decimal(0));
  const share = elapsed.div(options.factors.length);
  return {
    amount: full.amount.times(share),
    label: `${full.label} × ${formatNumber(share, 6)} of the year to date`,
  };
}
