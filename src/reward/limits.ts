import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument, checkElements } from "../errors/checkArgument.js";
import { checkDecimalArgument } from "../money/checkDecimalArgument.js";
import { Decimal, formatNumber } from "../money/index.js";
import { tryDecimal } from "../money/toDecimal.js";
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
  checkLimit("limitAmount", limit);
  checkDecimalArgument("limitAmount", "target", target, true, false);
  if ("amount" in limit) {
    const amount = new Decimal(limit.amount);
    return labelled(amount, () => formatNumber(amount));
  }
  const t = target ?? new Decimal(0);
  const amount = t.times(limit.ofTarget);
  return labelled(amount, () => `${limit.ofTarget} × target ${formatNumber(t)} = ${formatNumber(amount)}`);
}

// An amount with its label written when first read. Components resolve their cap and floor in every period of
// every participant, and the label is only read by the trace of a period where the bound decides the amount.
function labelled(amount: Decimal, write: () => string): { amount: Decimal; label: string } {
  let label: string | undefined;
  return {
    amount,
    get label() {
      label ??= write();
      return label;
    },
  };
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
  checkDecimalArgument("bound", "value", value, false, false);
  checkArgument("bound", "limits", limits, "object");
  // The note is written when read: a component bounds every period of the year to date, and only the
  // statement's periods are explained.
  const { cap, floor } = limits;
  if (cap && value.gt(cap.amount)) {
    return noted(cap.amount, () => `capped at ${cap.label} (uncapped ${formatNumber(value)})`);
  }
  if (floor && value.lt(floor.amount)) {
    return noted(floor.amount, () => `raised to the floor ${floor.label} (earned ${formatNumber(value)})`);
  }
  return { value };
}

function noted(value: Decimal, write: () => string): { value: Decimal; note?: string } {
  let note: string | undefined;
  return {
    value,
    get note() {
      note ??= write();
      return note;
    },
  };
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
  checkLimit("floorToDate", limit);
  checkArgument("floorToDate", "options", options, "object");
  checkElements("floorToDate", "options.factors", options.factors, "object");
  checkArgument("floorToDate", "options.through", options.through, "integer");
  checkDecimalArgument("floorToDate", "options.annualTarget", options.annualTarget, true, false);
  const full = limitAmount(limit, options.annualTarget);
  let elapsed = new Decimal(0);
  for (let p = 0; p <= options.through && p < options.factors.length; p++) {
    elapsed = elapsed.plus(options.factors[p] as Decimal);
  }
  const share = elapsed.div(options.factors.length);
  return labelled(
    full.amount.times(share),
    () => `${full.label} × ${formatNumber(share, 6)} of the year to date`,
  );
}

// A limit as the plan schema writes it: `{ amount }` or `{ ofTarget }`, each a decimal.
function checkLimit(fn: string, limit: unknown): void {
  checkArgument(fn, "limit", limit, "object");
  const l = limit as { amount?: unknown; ofTarget?: unknown };
  const value = "amount" in l ? l.amount : l.ofTarget;
  if (!tryDecimal(value).ok)
    throw new ArgumentError(fn, "limit", "{ amount } or { ofTarget } with a decimal", limit);
}
