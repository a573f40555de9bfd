import { CompplanError } from "../errors/index.js";

/**
 * One problem in an expression's text; `column` is 1-based inside the expression, so the plan parser adds it to
 * the column where the expression starts in the YAML file.
 *
 * @example
 * ```ts
 * const issue: ExpressionIssue = { column: 9, message: "expected a number, a field or ( at the end" };
 * ```
 */
export interface ExpressionIssue {
  column: number;
  message: string;
}

/**
 * Thrown by expressions. `code` tells what went wrong:
 * - `EXPRESSION_INVALID` (from `compileExpression`): the text is not a valid expression; see `issues`.
 * - `EXPRESSION_FIELD` (from `evaluate`): a field is missing or not a number; `field` names it.
 * - `EXPRESSION_DIVISION_BY_ZERO` (from `evaluate`): `divisor` is the text of the divisor that was zero.
 *
 * @example
 * ```ts
 * try { compileExpression("amount / termMonths").evaluate({ amount: "100", termMonths: "n/a" }); }
 * catch (e) { if (e instanceof ExpressionError && e.code === "EXPRESSION_FIELD") reject(row, e.field, e.message); }
 * ```
 */
export class ExpressionError extends CompplanError {
  /** The expression's text. */
  readonly expression: string;
  /** For `EXPRESSION_FIELD`: the field, dotted as written (`deal.amount`). */
  readonly field: string | undefined;
  /** For `EXPRESSION_DIVISION_BY_ZERO`: the divisor as written. */
  readonly divisor: string | undefined;
  /** For `EXPRESSION_INVALID`: every problem found. */
  readonly issues: readonly ExpressionIssue[];
  constructor(
    code: "EXPRESSION_INVALID" | "EXPRESSION_FIELD" | "EXPRESSION_DIVISION_BY_ZERO",
    message: string,
    details: { expression: string; field?: string; divisor?: string; issues?: ExpressionIssue[] },
  ) {
    super(code, message);
    this.expression = details.expression;
    this.field = details.field;
    this.divisor = details.divisor;
    this.issues = Object.freeze([...(details.issues ?? [])]);
  }
}
