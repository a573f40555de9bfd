/**
 * Sets a field on a record being built from input. A field named `__proto__` (a CSV column, a JSON key) is
 * defined as an own property, because plain assignment would replace the object's prototype instead.
 *
 * @example
 * ```ts
 * const facts: Record<string, unknown> = {};
 * setField(facts, "__proto__", "x"); // Object.keys(facts) → ["__proto__"]
 * ```
 */
export function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
