import { checkArgument } from "../errors/checkArgument.js";
import { ArgumentError } from "../errors/index.js";
import type { Plan } from "../plan/index.js";
import type { CustomOperator } from "../rules/index.js";
import type { CompiledPlan } from "./compilePlan.js";
import { validPlan } from "./validPlan.js";

/**
 * Checks the `plans` argument of `evaluate` and its kin at their entry: a list whose elements are plans (checked
 * as `parsePlan` checks a file, see `validPlan`) or plans compiled by `compilePlan`. Throws an `ArgumentError`
 * or a `PlanError` naming the element; returns the list with each plan as it will be used.
 *
 * @example
 * ```ts
 * checkPlans("evaluate", [null]); // throws ArgumentError "evaluate: plans[0]: expected an object, got null"
 * ```
 */
export function checkPlans(
  fn: string,
  plans: unknown,
  operators: readonly CustomOperator[] = [],
): (Plan | CompiledPlan)[] {
  checkArgument(fn, "plans", plans, "list");
  return (plans as unknown[]).map((p, i) => {
    checkArgument(fn, `plans[${i}]`, p, "object");
    if (!("periods" in (p as object))) return validPlan(fn, `plans[${i}]`, p, operators);
    const cp = p as CompiledPlan;
    if (!Array.isArray(cp.periods) || !(cp.measures instanceof Map) || !Array.isArray(cp.components)) {
      throw new ArgumentError(fn, `plans[${i}]`, "a plan or a plan compiled by compilePlan", p);
    }
    validPlan(fn, `plans[${i}].plan`, cp.plan, operators);
    return cp;
  });
}
