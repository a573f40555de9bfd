/**
 * Whether a value is a record-like object: not `null`, not a list, not a `Date` or other class instance.
 *
 * @example
 * ```ts
 * isPlainObject({ id: "ana" }); // true
 * isPlainObject([1, 2]); // false
 * ```
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
