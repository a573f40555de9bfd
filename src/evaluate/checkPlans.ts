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
 * @param fn - the public function called, as the message names it.
 * @param plans - its `plans` argument as given.
 * @param operators - custom condition operators the plans' conditions may use.
 * @returns the plans as they will be used (plan objects with their defaults filled in).
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
  return (plans as unknown[]).map((p, i) => checkPlanArgument(fn, `plans[${i}]`, p, operators));
}

/**
 * Checks one plan argument: a plan (checked as `parsePlan` checks a file, see `validPlan`) or a plan compiled
 * by `compilePlan`. Throws an `ArgumentError` or a `PlanError` naming the argument.
 *
 * @param fn - the public function called, as the message names it.
 * @param argument - the argument's name (`plan`, `planA`).
 * @param p - the argument as given.
 * @param operators - custom condition operators the plan's conditions may use.
 * @param shapeOnly - check the schema only (see `validPlan`).
 * @returns the plan as it will be used, or the compiled plan as given.
 * @example
 * ```ts
 * checkPlanArgument("checkPlan", "plan", 5); // throws ArgumentError "checkPlan: plan: expected an object, got 5"
 * ```
 */
export function checkPlanArgument(
  fn: string,
  argument: string,
  p: unknown,
  operators: readonly CustomOperator[] = [],
  shapeOnly = false,
): Plan | CompiledPlan {
  checkArgument(fn, argument, p, "object");
  if (!("periods" in (p as object))) return validPlan(fn, argument, p, operators, shapeOnly);
  const cp = p as CompiledPlan;
  if (!Array.isArray(cp.periods) || !(cp.measures instanceof Map) || !Array.isArray(cp.components)) {
    throw new ArgumentError(fn, argument, "a plan or a plan compiled by compilePlan", p);
  }
  validPlan(fn, `${argument}.plan`, cp.plan, operators, shapeOnly);
  return cp;
}
