import { CompplanError } from "../errors/index.js";
import {
  Decimal,
  type DecimalInput,
  formatMoney,
  formatNumber,
  formatPercent,
  toDecimal,
} from "../money/index.js";
import type { Component, Plan } from "../plan/index.js";
import type { ComponentModel, ComponentOutcome, PlanModel } from "../simulate/model.js";
import type { CheckOptions, Finding } from "./types.js";

/** What every check reads: the plan, its model for one participant, the sweep, the thresholds. */
export interface CheckContext {
  plan: Plan;
  model: PlanModel;
  high: Decimal;
  step: Decimal;
  epsilon: Decimal;
  cliff: Decimal;
  capBelow: Decimal;
  targetTolerance: Decimal;
  levels: Decimal[];
  /**
   * The attainments swept for the component at index `i` of the model, ascending, with its outcomes: the grid
   * and that component's own breakpoints. Per component, so a plan of n components costs n × (grid + its
   * breakpoints) evaluations, not n × (grid + everyone's breakpoints) evaluations of the whole plan.
   */
  sweepOf(i: number): { points: Decimal[]; outcomes: ComponentOutcome[] };
  /** The plan's component with this id. */
  componentOf(id: string): Component | undefined;
  /** An amount as a decimal string at the plan's scale (for `numbers`). */
  money(d: Decimal): string;
  /** An amount for a sentence: grouped, at most the plan's decimals ("60,000", "1,234.5"). */
  amount(d: Decimal): string;
  /** An attainment or rate for a sentence ("150%", "277.78%"). */
  percent(d: Decimal, decimals?: number): string;
  /** A fraction as a decimal string with 6 decimals at most (for `numbers`). */
  ratio(d: Decimal): string;
  add(f: Finding): void;
  findings: Finding[];
}

/**
 * Sets up the checks' shared context. The sweep is a grid from 0 to `high` by `step`, plus every breakpoint of
 * every component (band edges, gates, curve points) and the points `epsilon` either side of it, so that a jump
 * at an edge is seen however the grid falls.
 */
export function checkContext(plan: Plan, model: PlanModel, options: CheckOptions): CheckContext {
  const high = arg(options.high ?? 3, "high");
  const step = arg(options.step ?? "0.01", "step");
  const epsilon = arg(options.epsilon ?? "0.000000001", "epsilon");
  if (!step.gt(0) || !epsilon.gt(0) || !high.gt(0)) throw invalid("high, step and epsilon must be above 0");
  if (high.div(step).gt(100_000)) throw invalid(`sweeping to ${high} by ${step} is too many points`);
  let grid: Decimal[] | undefined;
  // The last component swept: checkSweep and checkCaps each go through the components in order.
  let last: { i: number; swept: { points: Decimal[]; outcomes: ComponentOutcome[] } } | undefined;
  const byId = new Map<string, Component>();
  for (const c of plan.components) if (!byId.has(c.id)) byId.set(c.id, c);
  const findings: Finding[] = [];
  const rounding = model.rounding;
  return {
    plan,
    model,
    high,
    step,
    epsilon,
    cliff: arg(options.cliff ?? "0.1", "cliff"),
    capBelow: arg(options.capBelow ?? "1.5", "capBelow"),
    targetTolerance: arg(options.targetTolerance ?? "0.01", "targetTolerance"),
    levels: (options.levels ?? ["0.5", "1", "1.5", "2"]).map((l, i) => arg(l, `levels[${i}]`)),
    sweepOf(i) {
      if (last?.i === i) return last.swept;
      if (!grid) {
        grid = [];
        for (let a = new Decimal(0); a.lte(high); a = a.plus(step)) grid.push(a);
      }
      const c = model.components[i] as ComponentModel;
      const points = [...grid];
      for (const b of c.breakpoints) {
        for (const p of [b.attainment.minus(epsilon), b.attainment, b.attainment.plus(epsilon)])
          if (p.gte(0) && p.lte(high)) points.push(p);
      }
      points.sort((x, y) => x.comparedTo(y));
      const unique = points.filter((p, k) => k === 0 || !p.eq(points[k - 1] as Decimal));
      const swept = { points: unique, outcomes: unique.map((p) => c.at(p)) };
      last = { i, swept };
      return swept;
    },
    componentOf: (id) => byId.get(id),
    money: (d) => formatMoney(d, rounding),
    amount: (d) => formatNumber(d, rounding.scale),
    percent: (d, decimals = 2) => formatPercent(d, decimals),
    ratio: (d) => d.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toString(),
    add: (f) => findings.push(f),
    findings,
  };
}

/** Components whose payout depends on attainment (base salary does not; SPIFFs are off the curve). */
export function variableComponents(model: PlanModel): { c: ComponentModel; i: number }[] {
  return model.components.map((c, i) => ({ c, i })).filter(({ c }) => c.modeled && c.type !== "base");
}

export function arg(value: DecimalInput, what: string): Decimal {
  try {
    return toDecimal(value);
  } catch (error) {
    throw invalid(`${what}: ${(error as Error).message}`);
  }
}

function invalid(message: string): CompplanError {
  return new CompplanError("CHECK_INVALID", message);
}
