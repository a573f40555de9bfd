import type { OperatorImplementation } from "./OperatorImplementation.js";

/**
 * The operator specialized for a literal value: its own `bind` when it has one, else a closure over `evaluate`.
 *
 * @example
 * ```ts
 * const isBig = bindOrEvaluate(builtinOperators.get("greaterThan")!, "1000000");
 * isBig(2_000_000); // true
 * ```
 */
export function bindOrEvaluate(
  operator: OperatorImplementation,
  value: unknown,
): (factValue: unknown) => boolean {
  return operator.bind ? operator.bind(value) : (factValue) => operator.evaluate(factValue, value);
}
