import { checkArgument } from "../errors/checkArgument.js";
import { Decimal, tryDecimal } from "../money/index.js";
import type { Facts } from "./compileCondition.js";
import { describeValue } from "./describeValue.js";
import { ExpressionError } from "./ExpressionError.js";
import { type ExpressionNode, parseExpression } from "./parseExpression.js";
import { readOwnPath } from "./readOwnPath.js";

/**
 * A compiled arithmetic expression, evaluated entirely in exact decimals.
 *
 * @example
 * ```ts
 * const annualized: Expression = compileExpression("amount * 12 / termMonths");
 * annualized.fields;                                                  // ["amount", "termMonths"]
 * annualized.evaluate({ amount: "1000.00", termMonths: 24 }).toString(); // "500"
 * ```
 */
export interface Expression {
  /** The text it was compiled from. */
  readonly text: string;
  /** The fields it reads, dotted as written (`deal.amount` reads `amount` inside the `deal` fact), sorted. */
  readonly fields: readonly string[];
  /**
   * Computes the value. Throws an {@link ExpressionError}: `EXPRESSION_FIELD` (with `field`) when a field is
   * missing or not a number, `EXPRESSION_DIVISION_BY_ZERO` (with `divisor`) when a divisor is zero.
   */
  evaluate(facts: Facts): Decimal;
}

type Evaluator = (facts: Facts) => Decimal;

/**
 * Compiles an arithmetic expression over fields, such as a measure's value `amount * 12 / termMonths`: decimal
 * literals, fields (`amount`, dotted `deal.amount` for nested values), `+ - * /`, parentheses, unary minus, and
 * `min(...)`, `max(...)`, `abs(x)`. No `eval`: a small parser builds a tree of closures once.
 *
 * Every step is a Decimal operation (60 significant digits), so `0.1 + 0.2` is exactly `0.3`. A field must hold
 * a number, a decimal string (`"1000.50"`) or a Decimal.
 *
 * @throws {ExpressionError} code `EXPRESSION_INVALID` with every issue `expressionIssues` reports.
 *
 * @example
 * ```ts
 * compileExpression("max(amount - 500, 0) * 1.5").evaluate({ amount: "1200" }).toString(); // "1050"
 * ```
 */
export function compileExpression(text: string): Expression {
  checkArgument("compileExpression", "text", text, "text");
  const parsed = parseExpression(text);
  if (!parsed.node || parsed.issues.length > 0) {
    const issues = [...parsed.issues].sort((a, b) => a.column - b.column);
    throw new ExpressionError(
      "EXPRESSION_INVALID",
      `invalid expression ${text.length > 80 ? `${JSON.stringify(text.slice(0, 60))}… (${text.length} characters)` : JSON.stringify(text)}: ${issues.map((i) => `column ${i.column}: ${i.message}`).join("; ")}`,
      { expression: text, issues },
    );
  }
  const evaluate = build(parsed.node, text);
  return Object.freeze({ text, fields: Object.freeze(parsed.fields), evaluate });
}

function build(node: ExpressionNode, text: string): Evaluator {
  switch (node.kind) {
    case "number": {
      const value = node.value;
      return () => value;
    }
    case "field":
      return fieldReader(node.name, node.keys, text);
    case "negate": {
      const operand = build(node.operand, text);
      return (facts) => operand(facts).negated();
    }
    case "binary": {
      const left = build(node.left, text);
      const right = build(node.right, text);
      switch (node.operator) {
        case "+":
          return (facts) => left(facts).plus(right(facts));
        case "-":
          return (facts) => left(facts).minus(right(facts));
        case "*":
          return (facts) => left(facts).times(right(facts));
        case "/": {
          const divisor = text.slice(node.right.start, node.right.end);
          return (facts) => {
            const dividend = left(facts);
            const by = right(facts);
            if (by.isZero()) {
              throw new ExpressionError(
                "EXPRESSION_DIVISION_BY_ZERO",
                `division by zero in ${JSON.stringify(text)}: ${divisor} is 0`,
                { expression: text, divisor },
              );
            }
            return dividend.dividedBy(by);
          };
        }
      }
      break;
    }
    case "call": {
      const args = node.args.map((arg) => build(arg, text));
      if (node.name === "abs") {
        const [x] = args as [Evaluator];
        return (facts) => x(facts).abs();
      }
      const pick = node.name === "min" ? Decimal.min : Decimal.max;
      if (args.length === 1) return args[0]!;
      return (facts) =>
        pick.apply(
          Decimal,
          args.map((arg) => arg(facts)),
        );
    }
  }
  throw new Error(`unknown expression node ${(node as { kind: string }).kind}`);
}

// Reads a field as an exact decimal, or throws an error naming it. The common cases (a Decimal already, a plain
// number, a decimal string) avoid tryDecimal's result object.
function fieldReader(name: string, keys: readonly string[], text: string): Evaluator {
  const [first] = keys;
  const read =
    keys.length === 1
      ? (facts: Facts) => (Object.hasOwn(facts, first!) ? facts[first!] : undefined)
      : (facts: Facts) => readOwnPath(facts, keys);
  return (facts) => {
    const value = read(facts);
    if (value instanceof Decimal && value.isFinite()) return value;
    if (typeof value === "number" && Number.isFinite(value)) return new Decimal(value);
    const parsed = tryDecimal(value);
    if (parsed.ok && parsed.value.isFinite()) return parsed.value;
    const found =
      value === undefined
        ? "is missing"
        : value === "" || value === null
          ? "is empty"
          : `must be a number: ${parsed.ok ? `got ${describeValue(value)}` : parsed.message}`;
    throw new ExpressionError("EXPRESSION_FIELD", `${name} ${found} (in ${JSON.stringify(text)})`, {
      expression: text,
      field: name,
    });
  };
}
