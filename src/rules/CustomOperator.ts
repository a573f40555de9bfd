/**
 * An operator added by the library's user, with json-rules-engine's `Operator` contract: `validate` (jre's
 * `factValueValidator`) screens the fact value first, and the condition is false when it returns a falsy
 * value; otherwise `evaluate(factValue, compareValue)` decides. A json-rules-engine `Operator` instance fits
 * this interface as it is (its `evaluate` already applies its validator).
 *
 * The condition holds only when `evaluate` returns exactly `true`: json-rules-engine is inconsistent about
 * truthy non-boolean results (accepted at the root of a rule, refused inside `all`/`any`), so compplan takes
 * the strict reading everywhere.
 *
 * A custom operator with a built-in's name replaces it, as `engine.addOperator` does.
 *
 * @example
 * ```ts
 * const startsWith: CustomOperator = {
 *   name: "startsWith",
 *   evaluate: (factValue, prefix) => (factValue as string).startsWith(String(prefix)),
 *   validate: (factValue) => typeof factValue === "string",
 * };
 * compileCondition({ fact: "sku", operator: "startsWith", value: "SUB-" }, { operators: [startsWith] });
 * ```
 */
export interface CustomOperator {
  readonly name: string;
  evaluate(factValue: unknown, compareValue: unknown): boolean;
  validate?(factValue: unknown): boolean;
}
