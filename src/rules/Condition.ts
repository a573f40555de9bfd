/**
 * A condition in json-rules-engine's JSON format: a boolean combination (`all`, `any`, `not`) of fact
 * conditions. Plans write them in YAML; the library API takes the same objects.
 *
 * Unlike json-rules-engine, a fact condition may stand alone at the root (json-rules-engine requires the root of
 * a rule to be `all`, `any` or `not`), because a plan's `when:` often tests a single fact.
 *
 * @example
 * ```ts
 * const won: Condition = {
 *   all: [
 *     { fact: "stage", operator: "equal", value: "closed-won" },
 *     { fact: "amount", operator: "greaterThanInclusive", value: "1000.00" },
 *     { not: { fact: "region", operator: "in", value: ["internal", "test"] } },
 *   ],
 * };
 * ```
 */
export type Condition = AllCondition | AnyCondition | NotCondition | FactCondition;

/**
 * Properties json-rules-engine allows on every condition. compplan accepts them and ignores them.
 *
 * @example
 * ```ts
 * const c: Condition = { name: "big deal", all: [{ fact: "amount", operator: "greaterThan", value: 100000 }] };
 * ```
 */
export interface ConditionAnnotations {
  /** A label, shown by json-rules-engine's results; compplan does not use it. */
  name?: string;
  /** Evaluation order hint in json-rules-engine; it never changes a result, so compplan ignores it. */
  priority?: number;
}

/**
 * Holds when every sub-condition holds. `all: []` holds (nothing to fail).
 *
 * @example
 * ```ts
 * const c: AllCondition = { all: [{ fact: "stage", operator: "equal", value: "won" }] };
 * ```
 */
export interface AllCondition extends ConditionAnnotations {
  all: Condition[];
}

/**
 * Holds when at least one sub-condition holds. `any: []` is refused: json-rules-engine treats it as always
 * true, which is never what its author meant.
 *
 * @example
 * ```ts
 * const c: AnyCondition = { any: [{ fact: "type", operator: "equal", value: "new" }, { fact: "type", operator: "equal", value: "upsell" }] };
 * ```
 */
export interface AnyCondition extends ConditionAnnotations {
  any: Condition[];
}

/**
 * Holds when its single sub-condition does not.
 *
 * @example
 * ```ts
 * const c: NotCondition = { not: { fact: "channel", operator: "equal", value: "partner" } };
 * ```
 */
export interface NotCondition extends ConditionAnnotations {
  not: Condition;
}

/**
 * Compares a fact (a field of the transaction or participant) with a value:
 * `<fact, read at path> <operator> <value>`.
 *
 * @example
 * ```ts
 * const c: FactCondition = { fact: "account", path: "$.address.country", operator: "in", value: ["FR", "DE"] };
 * ```
 */
export interface FactCondition extends ConditionAnnotations {
  /** The name of the fact (field) to read. */
  fact: string;
  /** A built-in operator (`equal`, `greaterThan`, ...), optionally decorated (`not:in`), or a custom one. */
  operator: string;
  /**
   * What the fact is compared with: a literal (string, number, boolean, null, list, Decimal), or a
   * {@link FactReference} (`{ fact: "otherFact" }`) to compare two facts. As in json-rules-engine, any object
   * with a `fact` key is a reference, never a literal.
   */
  value: unknown;
  /** A safe JSONPath subset (`$.address.city`, `$.tags[0]`, `$['first name']`) applied to an object fact. */
  path?: string;
  /** Accepted for json-rules-engine compatibility; compplan's facts are plain values, so params are unused. */
  params?: Record<string, unknown>;
}

/**
 * A condition's `value` that names another fact, so that two facts are compared (e.g. close date before
 * the end of the contract).
 *
 * @example
 * ```ts
 * const c: FactCondition = { fact: "discount", operator: "lessThanInclusive", value: { fact: "maxDiscount" } };
 * ```
 */
export interface FactReference {
  fact: string;
  path?: string;
  params?: Record<string, unknown>;
}
