import { isBlank } from "./isBlank.js";

/**
 * A record's own field, or `undefined` when it is absent or blank (see {@link isBlank}). Inherited properties
 * never count, so a record without `constructor` does not read `Object.prototype.constructor`.
 *
 * @example
 * ```ts
 * ownField({ amount: "" }, "amount"); // undefined
 * ownField({ amount: "10" }, "amount"); // "10"
 * ```
 */
export function ownField(record: Record<string, unknown>, key: string): unknown {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  return isBlank(value) ? undefined : value;
}
