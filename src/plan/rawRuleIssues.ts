import { type CustomOperator, conditionIssues, expressionIssues } from "../rules/index.js";
import { expressionMessage } from "./expressionMessage.js";
import type { PathIssue } from "./planIssues.js";

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks the conditions and value expressions of a plan that does not have the right shape yet, reading the raw
 * YAML data wherever they can be found. Shape errors and a misspelt operator are then reported together, not
 * one round after the other. (A plan with the right shape gets the same checks from `planIssues`.)
 *
 * @example
 * ```ts
 * rawRuleIssues({ measures: { m: { when: { fact: "x", operator: "equals", value: 1 } } } });
 * // [{ path: ["measures", "m", "when", "operator"], code: "invalid_condition", message: "unknown operator ..." }]
 * ```
 */
export function rawRuleIssues(
  data: unknown,
  options: { operators?: readonly CustomOperator[] } = {},
): PathIssue[] {
  const issues: PathIssue[] = [];
  const ops = { operators: options.operators ? [...options.operators] : [] };
  const condition = (value: unknown, path: (string | number)[]) => {
    if (value === undefined) return;
    for (const i of conditionIssues(value, ops))
      issues.push({ path: [...path, ...i.path], code: "invalid_condition", message: i.message });
  };
  if (!isObject(data)) return issues;
  if (isObject(data.measures)) {
    for (const [id, m] of Object.entries(data.measures)) {
      if (!isObject(m)) continue;
      condition(m.when, ["measures", id, "when"]);
      if (typeof m.value === "string") {
        for (const i of expressionIssues(m.value)) {
          issues.push({
            path: ["measures", id, "value"],
            code: "invalid_expression",
            message: expressionMessage(m.value, i),
          });
        }
      }
      if (Array.isArray(m.multipliers)) {
        m.multipliers.forEach((x, k) => {
          if (isObject(x)) condition(x.when, ["measures", id, "multipliers", k, "when"]);
        });
      }
    }
  }
  if (Array.isArray(data.components)) {
    data.components.forEach((c, index) => {
      if (!isObject(c)) return;
      condition(c.when, ["components", index, "when"]);
      if (Array.isArray(c.rates)) {
        c.rates.forEach((r, k) => {
          if (isObject(r)) condition(r.when, ["components", index, "rates", k, "when"]);
        });
      }
    });
  }
  return issues;
}
