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
  // Read first: most fields asked for are there, and a missing one needs no ownership check.
  const value = record[key];
  if (value === undefined || !Object.hasOwn(record, key)) return undefined;
  return isBlank(value) ? undefined : value;
}
