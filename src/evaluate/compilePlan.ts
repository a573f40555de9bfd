import { type Period, periodsOfYear, planYear } from "../calendar/index.js";
import { checkArgument } from "../errors/checkArgument.js";
import type { Proration, QuotaSchedule, TargetSchedule } from "../goals/index.js";
import { Decimal } from "../money/index.js";
import { type Component, componentTarget, type Measure, type Plan } from "../plan/index.js";
import { type ComponentNeeds, componentKinds } from "../reward/componentKinds.js";
import { type CurvePoint, curvePoints } from "../reward/curve.js";
import {
  type CustomOperator,
  compileCondition,
  compileExpression,
  type Expression,
  type Predicate,
} from "../rules/index.js";
import { validPlan } from "./validPlan.js";

/** A measure with its conditions and value expression compiled once. */
export interface CompiledMeasure {
  id: string;
  source: Measure;
  when: Predicate | undefined;
  /** `undefined` when the value is the credited amount itself (the common case, kept off the hot path). */
  value: Expression | undefined;
  multipliers: { when: Predicate; factor: Decimal; label: string }[];
  dateField: string;
  /** Seasonality share per pay period (already spread when given per quarter or half), or undefined for equal. */
  seasonality: Decimal[] | undefined;
  /**
   * Quota schedules of participants employed the whole plan year without a ramp, by annual quota as written:
   * for them the schedule depends on nothing else, and many participants share a quota. Filled as statements
   * are computed, up to {@link SCHEDULE_MEMO_SIZE} quotas. Absent: no memo.
   */
  quotaSchedules?: Map<string, QuotaSchedule>;
}

/** A component with its conditions compiled. */
export interface CompiledComponent {
  source: Component;
  index: number;
  /** Rate table rows (commission `rates`). */
  rates?: { when: Predicate | undefined; rate: Decimal; label: string }[];
  /** SPIFF qualification. */
  when?: Predicate;
  curve?: CurvePoint[];
  /** What the component's kind asks the pipeline to prepare (`componentKinds[type].needs`), asked once. */
  needs?: ComponentNeeds;
  /** The component's own annual target incentive (`target`), parsed once. */
  target?: Decimal;
  /** Without a `target`: the `share` of the participant's variable that is the component's target, parsed once. */
  targetShare?: Decimal;
  /** A bonus's `gate`, parsed once. */
  gate?: Decimal;
  /**
   * Target schedules of participants employed the whole plan year, by annual variable as written (`""` for a
   * component with its own `target`), as {@link CompiledMeasure.quotaSchedules}. Absent: no memo.
   */
  targetSchedules?: Map<string, TargetSchedule>;
}

/**
 * How many schedules a compiled measure or component remembers (see {@link CompiledMeasure.quotaSchedules}):
 * enough for the quotas and variables of a real sales organisation, and a bound on the memory a compiled plan
 * keeps however many participants it evaluates.
 */
export const SCHEDULE_MEMO_SIZE = 1024;

/** A plan ready to evaluate many times: conditions compiled, calendar laid out. Reuse it across runs. */
export interface CompiledPlan {
  plan: Plan;
  year: Period;
  /** The pay periods of the plan year, in order. */
  periods: Period[];
  measures: Map<string, CompiledMeasure>;
  components: CompiledComponent[];
  /**
   * Each pay period's proration, by hire and termination date (`hire|termination`, empty when not given), as
   * statements compute them, up to {@link SCHEDULE_MEMO_SIZE} pairs: most participants share one (employed all
   * year). Absent: no memo.
   */
  prorations?: Map<string, readonly Proration[]>;
}

/**
 * Compiles a plan for evaluation: every condition becomes a synchronous predicate and every value a decimal
 * expression, once. A plan object that did not come from `parsePlan` / `loadPlan` (built or edited in code) is
 * checked first as a plan file would be, and a bad one throws a `PlanError` (code `PLAN_INVALID`). `evaluate` does this itself; simulations that evaluate the same plan thousands of
 * times call it once and pass the result.
 *
 * @example
 * ```ts
 * const compiled = compilePlan(loadPlan("plans/account-executive.yaml"));
 * compiled.periods.map((p) => p.name); // ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
 * ```
 */
export function compilePlan(
  input: Plan,
  options: { operators?: readonly CustomOperator[] } = {},
): CompiledPlan {
  checkArgument("compilePlan", "options", options, "object");
  checkArgument("compilePlan", "options.operators", options.operators, "list?");
  // A plan built or edited in code never went through parsePlan: it is checked as a file would be.
  return compileValidPlan(validPlan("compilePlan", "plan", input, options.operators), options.operators);
}

/**
 * {@link compilePlan} without checking the plan first: for a plan already checked (by its shape at least, as
 * `checkPlan` does, which reports the other problems as findings). Internal.
 *
 * @example
 * ```ts
 * compileValidPlan(loadPlan("plans/account-executive.yaml")).periods.length; // 4
 * ```
 */
export function compileValidPlan(plan: Plan, operators: readonly CustomOperator[] = []): CompiledPlan {
  const options = { operators };
  const ops = { operators: options.operators ? [...options.operators] : [] };
  const periods = periodsOfYear(plan.year.start, plan.payPeriod);
  const measures = new Map<string, CompiledMeasure>();
  for (const [id, m] of Object.entries(plan.measures)) {
    const trimmed = m.value.trim();
    measures.set(id, {
      id,
      source: m,
      when: m.when ? compileCondition(m.when, ops) : undefined,
      value: trimmed === "amount" ? undefined : compileExpression(trimmed),
      multipliers: (m.multipliers ?? []).map((x, i) => ({
        when: compileCondition(x.when, ops),
        factor: new Decimal(x.factor),
        label: x.label ?? `multiplier ${i + 1}`,
      })),
      dateField: m.date,
      seasonality: m.seasonality ? spread(m.seasonality, periods.length) : undefined,
      quotaSchedules: new Map(),
    });
  }
  const components = plan.components.map((c, index): CompiledComponent => {
    // Everything here depends on the plan alone; statements read it for every participant.
    const compiled: CompiledComponent = {
      source: c,
      index,
      needs: componentKinds[c.type].needs(c),
      targetSchedules: new Map(),
    };
    const declared = componentTarget(c);
    if (declared?.target !== undefined) compiled.target = new Decimal(declared.target);
    else if (declared?.share !== undefined) compiled.targetShare = new Decimal(declared.share);
    if (c.type === "commission" && c.rates) {
      compiled.rates = c.rates.map((r, i) => ({
        when: r.when ? compileCondition(r.when, ops) : undefined,
        rate: new Decimal(r.rate),
        label: r.label ?? `rate row ${i + 1}`,
      }));
    }
    if (c.type === "spiff" && c.when) compiled.when = compileCondition(c.when, ops);
    if (c.type === "bonus") {
      compiled.curve = curvePoints(c.curve as [string, string][]);
      if (c.gate !== undefined) compiled.gate = new Decimal(c.gate);
    }
    return compiled;
  });
  return { plan, year: planYear(plan.year.start), periods, measures, components, prorations: new Map() };
}

// Seasonality may be written per half or quarter for a plan paid monthly: each share is split evenly across
// the pay periods it covers.
function spread(shares: readonly string[], count: number): Decimal[] {
  const per = count / shares.length;
  return shares.flatMap((s) => {
    // 0.2 over three months is 0.0666…, which no decimal holds: each month but the last gets it to 30 decimals
    // and the last takes what the others leave, so each quarter's months add up to its share exactly, and the
    // year to 1 (at 30 decimals, sums stay well inside the 60 significant digits decimal.js computes with).
    const share = new Decimal(s);
    const part = share.div(per).toDecimalPlaces(30, Decimal.ROUND_DOWN);
    return Array.from({ length: per }, (_, k) => (k < per - 1 ? part : share.minus(part.times(per - 1))));
  });
}
