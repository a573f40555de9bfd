/**
 * How an operator runs inside a compiled condition. `evaluate` has json-rules-engine's `Operator.evaluate`
 * contract (the fact-value validator included). `bind`, when present, specializes the operator for a literal
 * compare value once, at compile time (parse a decimal, build a set), so the hot path only tests the fact.
 *
 * @example
 * ```ts
 * const isEven: OperatorImplementation = { evaluate: (fact) => typeof fact === "number" && fact % 2 === 0 };
 * ```
 */
export interface OperatorImplementation {
  evaluate(factValue: unknown, compareValue: unknown): boolean;
  bind?(compareValue: unknown): (factValue: unknown) => boolean;
}
