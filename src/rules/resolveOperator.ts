import { builtinOperators } from "./builtinOperators.js";
import { didYouMean } from "./didYouMean.js";
import type { OperatorImplementation } from "./OperatorImplementation.js";
import { operatorDecorators } from "./operatorDecorators.js";
import {
  BUILTIN_OPERATOR_NAMES,
  OPERATOR_DECORATOR_NAMES,
  type OperatorDecoratorName,
} from "./operatorNames.js";

// What people write out of habit from SQL, spreadsheets or other rule engines, mapped to the operator they
// mean. Edit distance cannot find these ("gte" is far from "greaterThanInclusive").
const ALIASES: Readonly<Record<string, string>> = {
  "=": "equal",
  "==": "equal",
  "===": "equal",
  eq: "equal",
  equals: "equal",
  is: "equal",
  "!=": "notEqual",
  "!==": "notEqual",
  "<>": "notEqual",
  ne: "notEqual",
  neq: "notEqual",
  "<": "lessThan",
  lt: "lessThan",
  "<=": "lessThanInclusive",
  lte: "lessThanInclusive",
  le: "lessThanInclusive",
  ">": "greaterThan",
  gt: "greaterThan",
  ">=": "greaterThanInclusive",
  gte: "greaterThanInclusive",
  ge: "greaterThanInclusive",
  nin: "notIn",
  not_in: "notIn",
  includes: "contains",
  notContains: "doesNotContain",
  not_contains: "doesNotContain",
};

/**
 * An operator name resolved, or why it cannot be.
 *
 * @example
 * ```ts
 * const r: ResolvedOperator = resolveOperator("not:someFact:equal", new Map());
 * if (r.ok) r.decorators; // ["not", "someFact"]
 * ```
 */
export type ResolvedOperator =
  | {
      ok: true;
      implementation: OperatorImplementation;
      /** Decorators in the order written (outermost first): `["not", "someFact"]` for `not:someFact:equal`. */
      decorators: OperatorDecoratorName[];
      /** The operator under the decorators. */
      base: string;
      /** Whether `base` is a built-in (not replaced by a custom operator of the same name). */
      builtin: boolean;
    }
  | { ok: false; message: string };

/**
 * Finds an operator as json-rules-engine's `OperatorMap.get` does: a registered name first (custom operators
 * shadow built-ins), else strip a leading `decorator:` and look again, so `not:in` is the `not` decorator over
 * `in`, and a custom operator named `a:b` is found as itself. Unknown names come with a suggestion.
 *
 * @example
 * ```ts
 * resolveOperator("not:in", new Map()).ok; // true
 * resolveOperator("gte", new Map());       // { ok: false, message: 'unknown operator "gte"; did you mean greaterThanInclusive?' }
 * ```
 */
export function resolveOperator(
  name: string,
  custom: ReadonlyMap<string, OperatorImplementation>,
): ResolvedOperator {
  const decorators: OperatorDecoratorName[] = [];
  let base = name;
  while (!custom.has(base) && !builtinOperators.has(base)) {
    const colon = base.indexOf(":");
    if (colon <= 0) return { ok: false, message: unknownOperatorMessage(name, base, custom) };
    const decorator = base.slice(0, colon);
    if (!isDecorator(decorator)) {
      const guess = didYouMean(decorator, OPERATOR_DECORATOR_NAMES);
      return {
        ok: false,
        message:
          `unknown operator decorator "${decorator}" in "${name}"` +
          (guess ? `; did you mean ${guess}?` : `; decorators are ${OPERATOR_DECORATOR_NAMES.join(", ")}`),
      };
    }
    decorators.push(decorator);
    base = base.slice(colon + 1);
  }
  const customImplementation = custom.get(base);
  let implementation = (customImplementation ?? builtinOperators.get(base))!;
  for (let i = decorators.length - 1; i >= 0; i--)
    implementation = operatorDecorators[decorators[i]!](implementation);
  return { ok: true, implementation, decorators, base, builtin: customImplementation === undefined };
}

function isDecorator(name: string): name is OperatorDecoratorName {
  return (OPERATOR_DECORATOR_NAMES as readonly string[]).includes(name);
}

function unknownOperatorMessage(
  name: string,
  base: string,
  custom: ReadonlyMap<string, OperatorImplementation>,
): string {
  const where = base === name ? `"${name}"` : `"${base}" in "${name}"`;
  const guess =
    (Object.hasOwn(ALIASES, base) ? ALIASES[base] : undefined) ??
    didYouMean(base, [...BUILTIN_OPERATOR_NAMES, ...custom.keys()]);
  return `unknown operator ${where}${guess ? `; did you mean ${guess}?` : ""}`;
}
