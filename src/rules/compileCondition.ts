import type { Condition, FactCondition } from "./Condition.js";
import { ConditionError } from "./ConditionError.js";
import type { CustomOperator } from "./CustomOperator.js";
import { conditionIssues } from "./conditionIssues.js";
import { customOperatorMap, type OperatorDefinition } from "./customOperatorMap.js";
import { isFactReference } from "./isFactReference.js";
import type { OperatorImplementation } from "./OperatorImplementation.js";
import { parseFactPath } from "./parseFactPath.js";
import { readOwnPath } from "./readOwnPath.js";
import { resolveOperator } from "./resolveOperator.js";

/**
 * The facts a condition or an expression reads: a transaction's fields, a participant's attributes. Only own
 * properties are read.
 *
 * @example
 * ```ts
 * const facts: Facts = { stage: "won", amount: "1200.00", account: { segment: "enterprise" } };
 * ```
 */
export type Facts = Readonly<Record<string, unknown>>;

/**
 * A compiled condition: synchronous, pure, and cheap enough to run on every transaction.
 *
 * @example
 * ```ts
 * const isWon: Predicate = compileCondition({ fact: "stage", operator: "equal", value: "won" });
 * isWon({ stage: "won" }); // true
 * ```
 */
export type Predicate = (facts: Facts) => boolean;

/**
 * Options of {@link compileCondition} and `conditionIssues`.
 *
 * @example
 * ```ts
 * const options: CompileConditionOptions = { operators: [{ name: "isEven", evaluate: (n) => Number(n) % 2 === 0 }] };
 * ```
 */
export interface CompileConditionOptions {
  /**
   * Operators beyond the built-in ones ({@link CustomOperator}s or json-rules-engine `Operator` instances); one
   * with a built-in's name replaces it.
   */
  operators?: readonly OperatorDefinition[];
}

/**
 * Compiles a condition in json-rules-engine's format into a synchronous {@link Predicate}, built once as a tree
 * of closures: operator names are resolved, paths parsed and literal values prepared (decimals parsed, lists
 * turned into sets) at compile time, so a call only reads facts and compares.
 *
 * The result equals json-rules-engine's (`Engine` with `allowUndefinedFacts: true`; a property test holds them
 * equal), except where compplan is deliberately stricter or exact (see docs/conditions.md):
 * - numbers compare as exact decimals when both sides are numeric (`"10" < "9"` is false; jre compares text);
 * - a Decimal equals a numeric value of the same decimal value (jre: only itself);
 * - `path` is a safe JSONPath subset (`$`, `.name`, `['name']`, `[index]`), refused otherwise at compile time;
 * - a fact condition may be the root; `any: []` and other likely mistakes are refused (see `conditionIssues`);
 * - `all`/`any` stop at the first deciding sub-condition (jre evaluates a whole priority group).
 *
 * Missing facts read as `undefined`. Facts are read as own properties only (never `toString` from the
 * prototype), and a function-valued fact is a value, not computed as jre's dynamic facts are.
 *
 * @throws {ConditionError} code `CONDITION_INVALID`, listing every issue `conditionIssues` finds.
 * The predicate itself throws a `CompplanError` with code `CONDITION_EVALUATION` only where json-rules-engine
 * throws too: `in`/`notIn`/`someValue`/`everyValue` given, through a fact reference, a value that is not a list.
 *
 * @example
 * ```ts
 * const eligible = compileCondition({
 *   all: [
 *     { fact: "amount", operator: "greaterThanInclusive", value: "10000.00" },
 *     { fact: "account", path: "$.segment", operator: "in", value: ["enterprise", "strategic"] },
 *   ],
 * });
 * eligible({ amount: "10000.00", account: { segment: "enterprise" } }); // true
 * ```
 */
export function compileCondition(condition: Condition, options?: CompileConditionOptions): Predicate {
  const issues = conditionIssues(condition, options);
  if (issues.length > 0) throw new ConditionError(issues);
  return compileNode(condition, customOperatorMap(options?.operators));
}

const ALWAYS: Predicate = () => true;

// Only called on a condition `conditionIssues` accepted, so shapes are known to be right.
function compileNode(node: Condition, custom: ReadonlyMap<string, OperatorImplementation>): Predicate {
  if ("all" in node && Object.hasOwn(node, "all")) {
    const children = node.all.map((child) => compileNode(child, custom));
    return every(children);
  }
  if ("any" in node && Object.hasOwn(node, "any")) {
    const children = node.any.map((child) => compileNode(child, custom));
    return some(children);
  }
  if ("not" in node && Object.hasOwn(node, "not")) {
    const child = compileNode(node.not, custom);
    return (facts) => !child(facts);
  }
  return compileFactCondition(node as FactCondition, custom);
}

// Small arities unrolled: most plan conditions have one to three parts, and a loop's setup costs more than
// the tests themselves.
function every(children: Predicate[]): Predicate {
  const [a, b, c] = children;
  switch (children.length) {
    case 0:
      return ALWAYS;
    case 1:
      return a!;
    case 2:
      return (facts) => a!(facts) && b!(facts);
    case 3:
      return (facts) => a!(facts) && b!(facts) && c!(facts);
    default:
      return (facts) => {
        for (let i = 0; i < children.length; i++) if (!children[i]!(facts)) return false;
        return true;
      };
  }
}

function some(children: Predicate[]): Predicate {
  const [a, b, c] = children;
  switch (children.length) {
    case 1:
      return a!;
    case 2:
      return (facts) => a!(facts) || b!(facts);
    case 3:
      return (facts) => a!(facts) || b!(facts) || c!(facts);
    default:
      return (facts) => {
        for (let i = 0; i < children.length; i++) if (children[i]!(facts)) return true;
        return false;
      };
  }
}

function compileFactCondition(
  node: FactCondition,
  custom: ReadonlyMap<string, OperatorImplementation>,
): Predicate {
  const resolved = resolveOperator(node.operator, custom);
  if (!resolved.ok) throw new Error(resolved.message); // unreachable: validated above
  const operator = resolved.implementation;
  const readFact = factReader(node.fact, node.path);
  const value = node.value;
  if (isFactReference(value)) {
    const readValue = factReader(value.fact, value.path);
    return (facts) => operator.evaluate(readFact(facts), readValue(facts));
  }
  const test = operator.bind
    ? operator.bind(value)
    : (factValue: unknown) => operator.evaluate(factValue, value);
  return (facts) => test(readFact(facts));
}

/**
 * How json-rules-engine's almanac reads `fact` + `path`: a missing fact is `undefined`; the path applies only
 * when the fact is a non-null object, otherwise the fact's value is used as it is (`$.length` of a string fact
 * is the string).
 */
function factReader(name: string, path: string | undefined): (facts: Facts) => unknown {
  const parsed = path === undefined ? undefined : parseFactPath(path);
  const keys = parsed?.ok ? parsed.keys : [];
  if (keys.length === 0) return (facts) => (Object.hasOwn(facts, name) ? facts[name] : undefined);
  return (facts) => {
    const value = Object.hasOwn(facts, name) ? facts[name] : undefined;
    return typeof value === "object" && value !== null ? readOwnPath(value, keys) : value;
  };
}
