import { Decimal, ZERO } from "../money/index.js";
import { ownValue } from "../plan/ownValue.js";
import type { CheckContext } from "./context.js";

/**
 * Measures no component pays on, and a variable target that the components' targets do not add up to.
 */
export function checkMeasures(ctx: CheckContext): void {
  const plan = ctx.plan;
  const used = new Set(plan.components.flatMap((c) => ("measure" in c && c.measure ? [c.measure] : [])));
  for (const id of Object.keys(plan.measures)) {
    if (used.has(id)) continue;
    const quota = ownValue(plan.targets.quota, id);
    ctx.add({
      severity: "warning",
      code: "measure_unused",
      message: `The measure ${id} is defined${quota ? ` and has a quota of ${ctx.amount(new Decimal(quota))}` : ""}, but no component pays on it.`,
      numbers: { measure: id, ...(quota ? { quota } : {}) },
    });
  }
  const variable = ctx.model.profile.variable ?? plan.targets.variable;
  if (variable === undefined) return;
  let sum = ZERO;
  const without: string[] = [];
  for (const c of ctx.model.components) {
    if (c.type === "base") continue;
    if (c.target === undefined) without.push(c.id);
    else sum = sum.plus(c.target);
  }
  const v = new Decimal(variable);
  if (sum.gt(v)) {
    ctx.add({
      severity: "warning",
      code: "variable_exceeded",
      message: `The components' targets add up to ${ctx.amount(sum)}, more than the variable target of ${ctx.amount(v)}: on-target pay is ${ctx.amount(sum.minus(v))} above plan.`,
      numbers: { variable: ctx.money(v), targets: ctx.money(sum), excess: ctx.money(sum.minus(v)) },
    });
  } else if (sum.lt(v)) {
    ctx.add({
      severity: "info",
      code: "variable_unallocated",
      message:
        `The components' targets add up to ${ctx.amount(sum)}, less than the variable target of ${ctx.amount(v)}: ` +
        `${ctx.amount(v.minus(sum))} of on-target pay ${without.length ? `is left to components without a target (${without.join(", ")})` : "is not paid by any component"}.`,
      numbers: { variable: ctx.money(v), targets: ctx.money(sum), unallocated: ctx.money(v.minus(sum)) },
    });
  }
}
