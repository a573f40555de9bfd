import { checkArgument } from "../errors/checkArgument.js";
import type { ExpressionIssue } from "./ExpressionError.js";
import { parseExpression } from "./parseExpression.js";

/**
 * Every problem in an arithmetic expression's text, for the plan validator, each with its 1-based column inside
 * the expression: empty expression, unexpected character or token, unbalanced parenthesis, unknown function (with
 * a suggestion), wrong number of arguments, a forbidden field name. Empty when `compileExpression` will accept it.
 *
 * @example
 * ```ts
 * expressionIssues("amount * 12 / (termMonths");
 * // [{ column: 15, message: 'unbalanced parenthesis: this "(" is not closed; expected ")" before the end' }]
 * expressionIssues("mx(amount, 0)");
 * // [{ column: 1, message: 'unknown function "mx"; (did you mean max?); functions are min, max, abs' }]
 * ```
 */
export function expressionIssues(text: string): ExpressionIssue[] {
  checkArgument("expressionIssues", "text", text, "text");
  return [...parseExpression(text).issues].sort((a, b) => a.column - b.column);
}
