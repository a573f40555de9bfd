import { checkArgument } from "../errors/checkArgument.js";
import { PlanError, type PlanIssue } from "../errors/index.js";
import { deepFreeze, deeplyFrozen } from "../plan/deepFreeze.js";
import { type Plan, PlanSchema, planIssues } from "../plan/index.js";
import type { CustomOperator } from "../rules/index.js";

// Plan objects frozen all the way down (as parsePlan returns them) already checked: a simulation compiles the
// same plan object thousands of times, and checking it costs a few times what compiling it does. Only those: a
// plan object edited in code between two calls, at any depth, must be checked (and used) as it is now.
const checked = new WeakMap<object, Plan>();

/** The `file` of the issues of a plan object that did not come from a file. */
const PLAN_OBJECT = "(plan object)";

/**
 * Checks a plan object given to `compilePlan` or `evaluate` as `parsePlan` checks a file (the same schema, the
 * same checks of references, bands and conditions), because a plan built or edited in code never went through
 * `parsePlan`. Throws a `PlanError` (code `PLAN_INVALID`) listing every problem, with the key path and line 0
 * (an object has no lines); a value that is not an object at all throws an `ArgumentError`. Returns the plan
 * with its defaults filled in (as the schema gives it back). With `shapeOnly`, only
 * the schema is checked (for `checkPlan`, which reports the rest as findings).
 *
 * @param fn - the public function checking the plan, for the error message.
 * @param argument - the argument's name in that function (`plan`, `plans[0]`).
 * @param value - the plan object as given.
 * @param operators - custom condition operators the plan's conditions may use.
 * @param shapeOnly - check the schema only.
 * @returns the plan to use: a copy of `value` with its defaults filled in.
 * @example
 * ```ts
 * validPlan("compilePlan", "plan", { ...plan, rounding: { scale: 99, mode: "x" } });
 * // throws PlanError "(plan object): rounding.scale: Too big: expected number to be <=10 (and 1 more problem)"
 * ```
 */
export function validPlan(
  fn: string,
  argument: string,
  value: unknown,
  operators: readonly CustomOperator[] = [],
  shapeOnly = false,
): Plan {
  checkArgument(fn, argument, value, "object");
  const known = checked.get(value as object);
  if (known) return known;
  const parsed = PlanSchema.safeParse(value);
  if (!parsed.success) {
    throw new PlanError(
      parsed.error.issues.map((i) =>
        issue(
          i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
          i.code,
          i.message,
        ),
      ),
    );
  }
  // The schema's output, always: a frozen plan object built in code (not by parsePlan) has no defaults filled in.
  const plan = parsed.data;
  // checkPlan reports what planIssues finds as findings of its own: it only needs the shape.
  if (shapeOnly) return plan;
  const problems = planIssues(parsed.data, { operators });
  if (problems.length) throw new PlanError(problems.map((p) => issue(p.path, p.code, p.message)));
  // Frozen, so that a caller changing compilePlan(p).plan cannot change what later calls are given.
  if (deeplyFrozen(value)) checked.set(value as object, deepFreeze(plan));
  return plan;
}

function issue(path: (string | number)[], code: string, message: string): PlanIssue {
  return { file: PLAN_OBJECT, line: 0, column: 0, path, code, message };
}
