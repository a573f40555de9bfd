import type { Operator as JreOperator } from "json-rules-engine";
import { CompplanError } from "../errors/index.js";
import type { CustomOperator } from "./CustomOperator.js";
import type { OperatorImplementation } from "./OperatorImplementation.js";

/**
 * What `compileCondition` accepts as a custom operator: compplan's {@link CustomOperator}, or a
 * json-rules-engine `Operator` instance (`new Operator(name, cb, validator)`), so operators written for an
 * existing jre setup carry over unchanged.
 *
 * @example
 * ```ts
 * import { Operator } from "json-rules-engine";
 * const ops: OperatorDefinition[] = [new Operator("isEven", (n: number) => n % 2 === 0, Number.isInteger)];
 * ```
 */
export type OperatorDefinition = CustomOperator | JreOperator;

// A jre Operator at run time: `cb` and `factValueValidator`, plus an `evaluate` method that applies both.
// Its published type declares only `name`, hence this view.
interface OperatorShape {
  name?: unknown;
  evaluate?: unknown;
  validate?: unknown;
  cb?: unknown;
  factValueValidator?: unknown;
}

/**
 * Indexes custom operators by name, each wrapped with json-rules-engine's contract (validator first) and
 * compplan's strict reading of the result (only `true` passes). A later operator with the same name replaces an
 * earlier one, as `engine.addOperator` does. Throws a `CompplanError` (`OPERATOR_INVALID`) for an operator
 * without a name or without `evaluate`, a programming error better caught at once.
 *
 * @example
 * ```ts
 * const map = customOperatorMap([{ name: "isEven", evaluate: (n) => Number(n) % 2 === 0 }]);
 * map.get("isEven")?.evaluate(4, undefined); // true
 * ```
 */
export function customOperatorMap(
  operators: readonly OperatorDefinition[] | undefined,
): ReadonlyMap<string, OperatorImplementation> {
  const map = new Map<string, OperatorImplementation>();
  for (const [index, definition] of (operators ?? []).entries()) {
    const operator = definition as OperatorShape;
    if (typeof operator?.name !== "string" || operator.name === "") {
      throw new CompplanError("OPERATOR_INVALID", `custom operator #${index + 1} has no name`);
    }
    const name = operator.name;
    if (operator.validate !== undefined && typeof operator.validate !== "function") {
      throw new CompplanError("OPERATOR_INVALID", `custom operator "${name}": validate must be a function`);
    }
    let evaluate: (a: unknown, b: unknown) => unknown;
    if (typeof operator.evaluate === "function") {
      // Called as a method, so a jre Operator instance keeps its `this`.
      const own = operator as { evaluate(a: unknown, b: unknown): unknown; validate?(a: unknown): unknown };
      evaluate = own.validate
        ? (a, b) => Boolean(own.validate!(a)) && own.evaluate(a, b)
        : (a, b) => own.evaluate(a, b);
    } else if (typeof operator.cb === "function") {
      const jre = operator as {
        cb(a: unknown, b: unknown): unknown;
        factValueValidator?(a: unknown): unknown;
      };
      evaluate = (a, b) =>
        (jre.factValueValidator === undefined || Boolean(jre.factValueValidator(a))) && jre.cb(a, b);
    } else {
      throw new CompplanError("OPERATOR_INVALID", `custom operator "${name}" has no evaluate function`);
    }
    map.set(name, { evaluate: (a, b) => evaluate(a, b) === true });
  }
  return map;
}
