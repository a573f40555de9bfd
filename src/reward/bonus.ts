import type { CompiledComponent } from "../evaluate/compilePlan.js";
import { Decimal, formatNumber, formatPercent, ZERO } from "../money/index.js";
import type { BonusComponent } from "../plan/index.js";
import { checkRewardArguments } from "./checkRewardArguments.js";
import { readCurve } from "./curve.js";
import { bound, floorToDate, limitAmount } from "./limits.js";
import type { ComponentEarnings, RewardContext } from "./types.js";

/**
 * Bonus earnings: attainment (measure ÷ quota) read off the curve, times the target. Per period: the period's
 * value against its quota, paying that period's target (annual ÷ periods, prorated). Over the year: the
 * year-to-date value against the annual quota (prorated), paying the year's target, settled as a true-up.
 *
 * @example
 * ```ts
 * // Q1 bookings 200,000 of quota 250,000 = 80%; curve (0.5, 0)–(1, 1): 0.6; target 5,000 → 3,000
 * bonusEarnings(compiled, ctx).values[0]; // Decimal(3000)
 * ```
 */
export function bonusEarnings(compiled: CompiledComponent, ctx: RewardContext): ComponentEarnings {
  checkRewardArguments("bonusEarnings", compiled, ctx);
  const c = compiled.source as BonusComponent;
  const yearly = c.over === "year";
  const points = compiled.curve ?? [];
  const gate = compiled.gate ?? (c.gate !== undefined ? new Decimal(c.gate) : undefined);
  const traces = new Map<number, string[]>();
  const values: Decimal[] = [];
  let ytd = ZERO;
  for (let p = 0; p <= ctx.through && p < ctx.periods.length; p++) {
    const name = ctx.periods[p]?.name ?? "";
    const periodValue = ctx.measure?.perPeriod[p] ?? ZERO;
    if (yearly) ytd = ytd.plus(periodValue);
    const value = yearly ? ytd : periodValue;
    const quota = (yearly ? ctx.quota?.year : ctx.quota?.perPeriod[p]) ?? ZERO;
    const target = (yearly ? ctx.target?.year : ctx.target?.perPeriod[p]) ?? ZERO;
    const trace: string[] = [];
    let earned = ZERO;
    if (quota.isZero()) {
      trace.push(`no ${yearly ? "annual" : name} quota for ${c.measure}: no attainment, nothing earned`);
    } else {
      const attainment = value.div(quota);
      const lookup = readCurve(points, attainment, gate);
      earned = target.times(lookup.fraction);
      if (p >= ctx.from) {
        // Only the statement's periods are explained; earlier ones are computed for the year to date.
        const fraction = formatNumber(lookup.fraction, 6);
        trace.push(
          `${c.measure} ${yearly ? `year to date through ${name}` : `in ${name}`}: ${formatNumber(value)} ÷ ${yearly ? "annual quota" : "quota"} ${formatNumber(quota)} = attainment ${formatPercent(attainment)}`,
          `curve ${lookup.where}: payout ${fraction} of target`,
          `${fraction} × target ${formatNumber(target)} = ${formatNumber(earned)}`,
        );
      }
    }
    const cap = c.cap ? limitAmount(c.cap, target) : undefined;
    const floor = !c.floor
      ? undefined
      : yearly
        ? floorToDate(c.floor, { annualTarget: ctx.target?.annual, factors: ctx.factors, through: p })
        : limitAmount(c.floor, target);
    const bounded = bound(earned, { cap, floor });
    if (bounded.note) trace.push(bounded.note);
    values.push(bounded.value);
    if (p >= ctx.from) traces.set(p, trace);
  }
  return { mode: yearly ? "cumulative" : "standalone", values, traces, deals: new Map() };
}
