/**
 * The names of json-rules-engine's default operators, all built into compplan.
 *
 * @example
 * ```ts
 * BUILTIN_OPERATOR_NAMES.includes("greaterThanInclusive"); // true
 * ```
 */
export const BUILTIN_OPERATOR_NAMES = [
  "equal",
  "notEqual",
  "in",
  "notIn",
  "contains",
  "doesNotContain",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
] as const;

/**
 * One of {@link BUILTIN_OPERATOR_NAMES}.
 *
 * @example
 * ```ts
 * const op: BuiltinOperatorName = "notIn";
 * ```
 */
export type BuiltinOperatorName = (typeof BUILTIN_OPERATOR_NAMES)[number];

/**
 * json-rules-engine 7's operator decorators, written before an operator with a colon: `not:in`,
 * `someFact:greaterThan` (some element of a list fact), `everyValue:notEqual` (against every element of a list
 * value), `swap:contains` (fact and value exchanged). They compose: `not:someFact:equal`.
 *
 * @example
 * ```ts
 * OPERATOR_DECORATOR_NAMES.includes("someFact"); // true
 * ```
 */
export const OPERATOR_DECORATOR_NAMES = [
  "not",
  "someFact",
  "everyFact",
  "someValue",
  "everyValue",
  "swap",
] as const;

/**
 * One of {@link OPERATOR_DECORATOR_NAMES}.
 *
 * @example
 * ```ts
 * const d: OperatorDecoratorName = "swap";
 * ```
 */
export type OperatorDecoratorName = (typeof OPERATOR_DECORATOR_NAMES)[number];
