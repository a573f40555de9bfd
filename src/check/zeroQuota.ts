import { periodsOfYear } from "../calendar/index.js";
import type { Component } from "../plan/index.js";
import { ownValue } from "../plan/ownValue.js";
import type { CheckContext } from "./context.js";

/**
 * Pay periods that can have no quota, where a component measuring attainment per period (`over: period`
 * tiers on attainment, a bonus) pays nothing: a seasonality share of 0, and the days of grace after a
 * termination (`employment.creditAfterTermination`), whose credits can fall in a period prorated to 0.
 * Warnings, not errors: both can be meant, but neither is visible in the plan's curve.
 *
 * @param ctx - the checks' context; findings are added to it, each with the key path it points at.
 * @example
 * ```ts
 * // seasonality [0.4, 0.3, 0.3, 0] with a bonus over: period
 * checkZeroQuota(ctx); // warning zero_quota_period at measures.bookings.seasonality[3]
 * ```
 */
export function checkZeroQuota(ctx: CheckContext): void {
  const plan = ctx.plan;
  const periods = periodsOfYear(plan.year.start, plan.payPeriod);
  const grace = plan.employment?.creditAfterTermination?.days ?? 0;
  for (const c of plan.components) {
    if (!perPeriodAttainment(c)) continue;
    const name = c.name ?? c.id;
    const measure = c.measure;
    // An own property: a measure id may be any name, `toString` included.
    const shares = ownValue(plan.measures, measure)?.seasonality ?? [];
    const per = periods.length / Math.max(shares.length, 1);
    shares.forEach((share, k) => {
      if (Number(share) !== 0) return;
      const first = periods[k * per]?.name ?? "";
      const last = periods[(k + 1) * per - 1]?.name ?? "";
      const when = first === last ? first : `${first} to ${last}`;
      ctx.add({
        severity: "warning",
        component: c.id,
        code: "zero_quota_period",
        message:
          `The seasonality of ${measure} gives ${when} a quota of 0: ${name} measures attainment per period, ` +
          `so it pays nothing on deals there (no quota, no attainment). A participant employed none of a period ` +
          `(hired later, gone earlier) or with a ramp share of 0 has no quota for it either.`,
        numbers: { measure, period: when, share: String(share) },
        path: ["measures", measure, "seasonality", k],
      });
    });
    if (grace > 0) {
      ctx.add({
        severity: "warning",
        component: c.id,
        code: "grace_without_quota",
        message:
          `Credits in the ${grace} days of grace after a termination can fall in a period after it, whose quota ` +
          `is prorated to 0: ${name} measures attainment per period and pays nothing on them.`,
        numbers: { measure, days: String(grace) },
        path: ["employment", "creditAfterTermination", "days"],
      });
    }
  }
}

// Components that price each pay period against that period's own quota.
function perPeriodAttainment(c: Component): c is Extract<Component, { type: "commission" | "bonus" }> {
  if (c.type === "bonus") return c.over === "period";
  return c.type === "commission" && c.over === "period" && c.tiers?.basis === "attainment";
}
