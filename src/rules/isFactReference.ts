import type { FactReference } from "./Condition.js";

/**
 * Whether a condition's `value` is a reference to another fact. As in json-rules-engine's `Almanac.getValue`,
 * any non-null object with an own `fact` key is one, whatever else it holds.
 *
 * @example
 * ```ts
 * isFactReference({ fact: "quota" }); // true
 * isFactReference(["quota"]);         // false
 * ```
 */
export function isFactReference(value: unknown): value is FactReference {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.hasOwn(value, "fact");
}
