import { CompplanError } from "../errors/index.js";
import { bindOrEvaluate } from "./bindOrEvaluate.js";
import { describeValue } from "./describeValue.js";
import type { OperatorImplementation } from "./OperatorImplementation.js";
import type { OperatorDecoratorName } from "./operatorNames.js";

// someValue/everyValue call `value.some` in json-rules-engine, a TypeError when the value is not a list.
function listValue(value: unknown, decorator: string): readonly unknown[] {
  if (Array.isArray(value)) return value;
  throw new CompplanError(
    "CONDITION_EVALUATION",
    `${decorator}: the value must be a list, got ${describeValue(value)}`,
  );
}

/**
 * json-rules-engine 7's operator decorators, each wrapping an operator into a new one with the same semantics
 * as `engine-default-operator-decorators.js` (`someFact` and `everyFact` are false, not an error, when the fact
 * is not a list; `everyFact` of an empty list is true).
 *
 * @example
 * ```ts
 * const notIn = operatorDecorators.not(builtinOperators.get("in")!);
 * notIn.evaluate("FR", ["DE"]); // true
 * ```
 */
export const operatorDecorators: Readonly<
  Record<OperatorDecoratorName, (inner: OperatorImplementation) => OperatorImplementation>
> = {
  not: (inner) => ({
    evaluate: (a, b) => !inner.evaluate(a, b),
    bind: (b) => {
      const test = bindOrEvaluate(inner, b);
      return (a) => !test(a);
    },
  }),
  someFact: (inner) => ({
    evaluate: (a, b) => Array.isArray(a) && a.some((element) => inner.evaluate(element, b)),
    bind: (b) => {
      const test = bindOrEvaluate(inner, b);
      return (a) => Array.isArray(a) && a.some((element) => test(element));
    },
  }),
  everyFact: (inner) => ({
    evaluate: (a, b) => Array.isArray(a) && a.every((element) => inner.evaluate(element, b)),
    bind: (b) => {
      const test = bindOrEvaluate(inner, b);
      return (a) => Array.isArray(a) && a.every((element) => test(element));
    },
  }),
  someValue: (inner) => ({
    evaluate: (a, b) => listValue(b, "someValue").some((element) => inner.evaluate(a, element)),
    bind: (b) => {
      if (!Array.isArray(b)) return (a) => listValue(b, "someValue").some((e) => inner.evaluate(a, e));
      const tests = b.map((element) => bindOrEvaluate(inner, element));
      return (a) => tests.some((test) => test(a));
    },
  }),
  everyValue: (inner) => ({
    evaluate: (a, b) => listValue(b, "everyValue").every((element) => inner.evaluate(a, element)),
    bind: (b) => {
      if (!Array.isArray(b)) return (a) => listValue(b, "everyValue").every((e) => inner.evaluate(a, e));
      const tests = b.map((element) => bindOrEvaluate(inner, element));
      return (a) => tests.every((test) => test(a));
    },
  }),
  swap: (inner) => ({ evaluate: (a, b) => inner.evaluate(b, a) }),
};
