import { CompplanError, formatPath } from "../errors/index.js";

/**
 * One problem found in a condition. `path` is relative to the condition, e.g. `["all", 1, "operator"]`; the plan
 * parser prefixes it with the condition's own place in the plan.
 *
 * @example
 * ```ts
 * const issue: ConditionIssue = { path: ["all", 1, "operator"], message: 'unknown operator "eq"; did you mean equal?' };
 * ```
 */
export interface ConditionIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Thrown by `compileCondition` (code `CONDITION_INVALID`) with every problem found in the condition, so that one
 * run shows them all. The plan parser catches it and places each issue in the YAML file.
 *
 * @example
 * ```ts
 * try { compileCondition({ fact: "amount", operator: "greaterThen", value: 5 }); }
 * catch (e) { if (e instanceof ConditionError) console.log(e.issues[0]?.message); }
 * // unknown operator "greaterThen"; did you mean greaterThan?
 * ```
 */
export class ConditionError extends CompplanError {
  readonly issues: readonly ConditionIssue[];
  constructor(issues: ConditionIssue[]) {
    const lines = issues.map(
      (issue) => (issue.path.length ? `${formatPath(issue.path)}: ` : "") + issue.message,
    );
    super("CONDITION_INVALID", `invalid condition: ${lines.join("; ") || "unknown problem"}`);
    this.issues = Object.freeze(issues.map((issue) => Object.freeze({ ...issue, path: [...issue.path] })));
  }
}
