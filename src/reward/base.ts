import type { CompiledComponent } from "../evaluate/compilePlan.js";
import { Decimal, formatNumber } from "../money/index.js";
import { checkRewardArguments } from "./checkRewardArguments.js";
import type { ComponentEarnings, RewardContext } from "./types.js";

/**
 * Base salary: the annual base ÷ pay periods per year, times the period's proration factor (calendar days
 * employed, hire and termination days included, ÷ days in the period). Each period stands alone.
 *
 * @example
 * ```ts
 * // 120,000 ÷ 4 quarters × 76/90 days (hired Jan 15) = 25,333.33…
 * baseEarnings(component, { ...ctx, base: new Decimal(120000) }).values[0];
 * ```
 */
export function baseEarnings(_component: CompiledComponent, ctx: RewardContext): ComponentEarnings {
  checkRewardArguments("baseEarnings", _component, ctx);
  const annual = ctx.base ?? new Decimal(0);
  const n = ctx.periods.length;
  const perPeriod = annual.div(n);
  const traces = new Map<number, string[]>();
  const perPeriodLine = `annual base ${formatNumber(annual)} ÷ ${n} pay periods = ${formatNumber(perPeriod)}`;
  const values = ctx.periods.map((period, p) => {
    const factor = ctx.factors[p] as Decimal;
    const days = ctx.prorations[p];
    const value = days ? annual.times(days.daysEmployed).div(n * days.daysInPeriod) : perPeriod.times(factor);
    if (p >= ctx.from && p <= ctx.through) {
      traces.set(p, [
        perPeriodLine,
        factor.eq(1)
          ? `employed all of ${period.name}: ${formatNumber(value)}`
          : `× ${formatNumber(factor, 6)} of ${period.name} employed (days employed ÷ days in period) = ${formatNumber(value)}`,
      ]);
    }
    return value;
  });
  return { mode: "standalone", values, traces, deals: new Map() };
}
