import { checkArgument, checkElements } from "../errors/checkArgument.js";
import { checkPlanArgument } from "../evaluate/checkPlans.js";
import type { CompiledPlan } from "../evaluate/index.js";
import { Decimal, type DecimalInput, formatMoney } from "../money/index.js";
import type { Plan } from "../plan/index.js";
import {
  buildModel,
  checkModel,
  type ModelOptions,
  type PlanModel,
  type Profile,
  representative,
} from "./model.js";
import { simulateArg, simulateError } from "./simulateArgs.js";

/** Options of {@link payoutCurve}. */
export interface CurveOptions extends ModelOptions {
  /** First attainment (default 0). */
  from?: DecimalInput;
  /** Last attainment (default 2). */
  to?: DecimalInput;
  /** Step (default 0.05). */
  step?: DecimalInput;
  /** The participant (default: the plan's default targets, employed the whole year). */
  profile?: Profile;
}

/** One point of one series of a payout curve. Amounts at the plan's scale, ratios with 6 decimals. */
export interface CurveRow {
  /** Attainment as a fraction: `"1.05"` is 105%. */
  attainment: string;
  /** A component id, or `total` (every component on the curve, base included). */
  component: string;
  name: string;
  /** The component's type, or `total`. */
  type: string;
  /** The measure the effective rate divides by (the revenue measure for `total`); empty for base salary. */
  measure: string;
  /** That measure's value for the year at this attainment. */
  value: string;
  /** What the year pays, rounded as the plan rounds each pay period. */
  payout: string;
  /** payout ÷ value; empty when there is no value. */
  effectiveRate: string;
}

/**
 * The payout curve of a plan: what one participant earns for the year, per component and in total, at each
 * attainment from `from` to `to` by `step`, with the effective rate (payout ÷ the measure's value). Every pay
 * period attains the same fraction of its quota. Components the curve cannot place (SPIFFs, measures without
 * quota or planned volume) are left out; {@link buildModel}'s component notes say why.
 *
 * @example
 * ```ts
 * payoutCurve(loadPlan("examples/quickstart/plan.yaml"), { from: 0, to: 2, step: 0.5 })
 *   .filter((r) => r.component === "total").map((r) => [r.attainment, r.payout]);
 * ```
 */
export function payoutCurve(plan: Plan | CompiledPlan | PlanModel, options: CurveOptions = {}): CurveRow[] {
  checkArgument("payoutCurve", "options", options, "object");
  checkArgument("payoutCurve", "plan", plan, "object");
  if (!("at" in plan)) checkPlanArgument("payoutCurve", "plan", plan);
  else checkModel("payoutCurve", "plan", plan);
  const model = "at" in plan ? plan : buildModel(plan, options.profile ?? representative(), options);
  const from = simulateArg(options.from ?? 0, "from");
  const to = simulateArg(options.to ?? 2, "to");
  const step = simulateArg(options.step ?? "0.05", "step");
  if (!step.gt(0)) throw simulateError(`step: expected more than 0, got ${step}`);
  if (to.lt(from)) throw simulateError(`to (${to}) is below from (${from})`);
  const count = to.minus(from).div(step).floor().toNumber() + 1;
  if (count > 100_000)
    throw simulateError(`from ${from} to ${to} by ${step} is ${count} points; at most 100,000`);
  const rows: CurveRow[] = [];
  const r = model.rounding;
  const rate = (payout: Decimal, value: Decimal | undefined) =>
    value === undefined || value.isZero()
      ? ""
      : payout.div(value).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6);
  const on = model.components.map((c, i) => ({ c, i })).filter(({ c }) => c.modeled);
  for (let n = 0; n < count; n++) {
    const a = from.plus(step.times(n));
    const outcome = model.at(a);
    const attainment = a.toString();
    let total = new Decimal(0);
    for (const { c, i } of on) {
      const o = outcome.components[i] as (typeof outcome.components)[number];
      total = total.plus(o.paid);
      const hasValue = c.measure !== undefined;
      rows.push({
        attainment,
        component: c.id,
        name: c.name,
        type: c.type,
        measure: c.measure ?? "",
        value: hasValue ? formatMoney(o.value, r) : "",
        payout: formatMoney(o.paid, r),
        effectiveRate: hasValue ? rate(o.paid, o.value) : "",
      });
    }
    rows.push({
      attainment,
      component: "total",
      name: "Total",
      type: "total",
      measure: model.revenue ?? "",
      value: outcome.revenue ? formatMoney(outcome.revenue, r) : "",
      payout: formatMoney(total, r),
      effectiveRate: rate(total, outcome.revenue),
    });
  }
  return rows;
}

/**
 * A payout curve as one row per attainment: a column per series with its payout, and the effective rate of the
 * total. For a terminal table or a spreadsheet.
 *
 * @example
 * ```ts
 * curveTable(payoutCurve(plan)); // [{ attainment: "0", "base-salary": "120000.00", …, total: "…", effectiveRate: "" }, …]
 * ```
 */
export function curveTable(rows: readonly CurveRow[]): Record<string, string>[] {
  checkElements("curveTable", "rows", rows, "object");
  const out = new Map<string, Record<string, string>>();
  for (const row of rows) {
    let line = out.get(row.attainment);
    if (!line) {
      line = { attainment: row.attainment };
      out.set(row.attainment, line);
    }
    line[row.component] = row.payout;
    if (row.component === "total") line.effectiveRate = row.effectiveRate;
  }
  return [...out.values()];
}
