import { checkArgument } from "../errors/checkArgument.js";
import { checkDecimalArgument } from "../money/checkDecimalArgument.js";
import { type Decimal, type Rounding, roundMoney, ZERO } from "../money/index.js";
import { checkRounding, minusZero, zeroPlus } from "../money/roundMoney.js";
import type { ComponentEarnings } from "../reward/index.js";

/** What a component pays for a span of pay periods, rounded. */
export interface Settlement {
  /** Payable for the span: the rounded amount to pay now. */
  amount: Decimal;
  /** Rounded earnings from the start of the year through the span. */
  earnedToDate: Decimal;
  /** What the year's earlier pay periods paid, rounded. */
  paidBefore: Decimal;
  /** Payable per pay period of the span. */
  perPeriod: { index: number; amount: Decimal }[];
}

/**
 * Settles exact earnings into payables. Rounding happens here and only here.
 *
 * A component measured over the year pays, each period, its rounded earnings to date minus what earlier
 * periods paid: the periods then add up exactly to the rounded year, and no cent drifts however many periods
 * there are. A component measured per period pays each period's own rounded earnings.
 *
 * @example
 * ```ts
 * // cumulative earnings 100.004, 200.008, 300.012 → rounded 100.00, 200.01, 300.01 → payables 100.00, 100.01, 100.00
 * settle(earnings, { rounding: { scale: 2, mode: "half-up" }, from: 1, through: 1 }).amount; // 100.01
 * ```
 */
export function settle(
  earnings: ComponentEarnings,
  options: { rounding: Rounding; from: number; through: number },
): Settlement {
  checkArgument("settle", "earnings", earnings, "object");
  checkArgument("settle", "options", options, "object");
  checkRounding("settle", "options.rounding", options.rounding);
  checkArgument("settle", "options.from", options.from, "integer");
  checkArgument("settle", "options.through", options.through, "integer");
  checkArgument("settle", "earnings.values", earnings.values, "list");
  for (const [i, v] of earnings.values.entries())
    checkDecimalArgument("settle", `earnings.values[${i}]`, v, true, false);
  checkArgument("settle", "earnings.traces", earnings.traces, "object");
  checkArgument("settle", "earnings.deals", earnings.deals, "object");
  const { rounding, from, through } = options;
  // paidThrough[p]: rounded total paid from the start of the year through period p.
  const paidThrough: Decimal[] = [];
  let sum = ZERO;
  for (let p = 0; p <= through; p++) {
    const v = earnings.values[p] ?? (p > 0 ? earnings.values[p - 1] : undefined) ?? ZERO;
    if (earnings.mode === "cumulative") paidThrough.push(roundMoney(v, rounding));
    else {
      sum = p === 0 ? zeroPlus(roundMoney(v, rounding)) : sum.plus(roundMoney(v, rounding));
      paidThrough.push(sum);
    }
  }
  const perPeriod: Settlement["perPeriod"] = [];
  for (let p = from; p <= through; p++) {
    const paid = paidThrough[p] as Decimal;
    perPeriod.push({ index: p, amount: p > 0 ? paid.minus(paidThrough[p - 1] as Decimal) : minusZero(paid) });
  }
  const earnedToDate = paidThrough[through] ?? ZERO;
  if (from === 0) return { amount: minusZero(earnedToDate), earnedToDate, paidBefore: ZERO, perPeriod };
  const paidBefore = paidThrough[from - 1] as Decimal;
  return { amount: earnedToDate.minus(paidBefore), earnedToDate, paidBefore, perPeriod };
}
