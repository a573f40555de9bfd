import type { ExpressionIssue } from "../rules/index.js";

// Longer expressions are quoted by their start only, so one issue does not repeat kilobytes of text.
const QUOTED = 60;

/**
 * The message of a plan issue about a measure's value expression: where in the expression, and what is wrong.
 *
 * @param text The expression as written.
 * @param issue One of the problems `expressionIssues` found in it.
 * @returns e.g. `column 9 of "amount *": expected a number, a field or ( at the end`.
 *
 * @example
 * ```ts
 * expressionMessage("amount *", { column: 9, message: "expected a number, a field or ( at the end" });
 * // 'column 9 of "amount *": expected a number, a field or ( at the end'
 * ```
 */
export function expressionMessage(text: string, issue: ExpressionIssue): string {
  const quoted =
    text.length <= QUOTED
      ? `"${text}"`
      : `the ${text.length}-character expression "${text.slice(0, QUOTED - 20)}…"`;
  return `column ${issue.column} of ${quoted}: ${issue.message}`;
}
