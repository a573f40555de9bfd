/**
 * Freezes a value and everything reachable from it, so that a plan cannot change after it was checked.
 *
 * @param value - a plain data value (a plan).
 * @returns the same value, frozen all the way down.
 * @example
 * ```ts
 * const plan = deepFreeze({ rounding: { scale: 2 } });
 * Object.isFrozen(plan.rounding); // true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v && typeof v === "object" && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) stack.push(child);
    }
  }
  return value;
}

/**
 * Whether a value and everything reachable from it are frozen: only then is it sure not to change between two
 * calls (`Object.isFrozen` looks at the top level only). Cycles are followed once.
 *
 * @param value - the value to look at.
 * @returns true when no object reachable from it can be changed.
 * @example
 * ```ts
 * deeplyFrozen(Object.freeze({ rounding: { scale: 2 } })); // false
 * ```
 */
export function deeplyFrozen(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (!v || typeof v !== "object" || seen.has(v)) continue;
    if (!Object.isFrozen(v)) return false;
    seen.add(v);
    for (const child of Object.values(v)) stack.push(child);
  }
  return true;
}
