import { Decimal } from "../money/index.js";

/**
 * Compares two numeric values exactly: -1, 0 or 1. Two numbers compare as doubles, which is exact (each double
 * is one exact value, and its shortest decimal form, the one a person wrote, orders the same way); as soon as
 * one side is a Decimal both compare as Decimals, never as floats.
 *
 * @example
 * ```ts
 * compareNumeric(new Decimal("10000000000000000.01"), 10000000000000000); // 1 (as floats they would be equal)
 * ```
 */
export function compareNumeric(a: number | Decimal, b: number | Decimal): number {
  if (typeof a === "number") {
    if (typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
    return 0 - b.comparedTo(a); // not `-x`, which would give -0
  }
  return a.comparedTo(b);
}

/**
 * The JavaScript number a value stands for in json-rules-engine's own comparisons: a Decimal becomes the
 * nearest double (json-rules-engine would compare it as a *string*, through `valueOf`), anything else is left
 * as it is.
 *
 * @example
 * ```ts
 * asPlainValue(new Decimal("2.5")); // 2.5
 * asPlainValue("2024-01-31");       // "2024-01-31"
 * ```
 */
export function asPlainValue(value: unknown): unknown {
  return value instanceof Decimal ? value.toNumber() : value;
}
