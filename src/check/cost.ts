import { ZERO } from "../money/index.js";
import type { CheckContext } from "./context.js";

/**
 * What the plan costs for one participant at each level of attainment (50%, 100%, 150%, 200% by default), with
 * the effective rate: pay ÷ the revenue measure, for the total and for the variable pay alone, and each
 * component's pay ÷ its own measure.
 */
export function checkCost(ctx: CheckContext): void {
  const model = ctx.model;
  const revenue = model.revenue;
  for (const level of ctx.levels) {
    const o = model.at(level);
    let base = ZERO;
    const numbers: Record<string, string> = { attainment: level.toString() };
    model.components.forEach((c, i) => {
      const co = o.components[i] as (typeof o.components)[number];
      if (c.type === "base") base = base.plus(co.paid);
      if (!c.modeled) return;
      numbers[`pay.${c.id}`] = ctx.money(co.paid);
      if (c.measure && !co.value.isZero()) numbers[`rate.${c.id}`] = ctx.ratio(co.paid.div(co.value));
    });
    const variable = o.paid.minus(base);
    numbers.total = ctx.money(o.paid);
    numbers.base = ctx.money(base);
    numbers.variable = ctx.money(variable);
    let rates = "";
    if (revenue && o.revenue && !o.revenue.isZero()) {
      const rate = o.paid.div(o.revenue);
      const variableRate = variable.div(o.revenue);
      numbers.revenue = ctx.money(o.revenue);
      numbers.effectiveRate = ctx.ratio(rate);
      numbers.variableRate = ctx.ratio(variableRate);
      rates = ` That is ${ctx.percent(rate)} of ${ctx.amount(o.revenue)} ${revenue}${base.isZero() ? "" : ` (the variable pay alone ${ctx.percent(variableRate)})`}.`;
    }
    ctx.add({
      severity: "info",
      code: "cost_at",
      message:
        `At ${ctx.percent(level)} attainment the plan pays ${ctx.amount(o.paid)} a year` +
        `${base.isZero() ? "" : `: ${ctx.amount(base)} base and ${ctx.amount(variable)} variable`}.${rates}`,
      numbers,
    });
  }
}
