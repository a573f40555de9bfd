import { Decimal } from "../money/index.js";

/**
 * tryDecimal's grammar (sign, digits, optional fraction, surrounding blanks), as a test that allocates nothing:
 * it runs once per fact per condition.
 *
 * @example
 * ```ts
 * DECIMAL_TEXT.test(" -1000.50 "); // true
 * DECIMAL_TEXT.test("1e3");        // false
 * ```
 */
export const DECIMAL_TEXT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*$/;

/**
 * The exact numeric value of a fact or condition value, or `undefined` when it is not a number. A finite
 * number is returned as it is (two numbers compare exactly as doubles); a decimal string (`"1000.50"`), a
 * bigint or a finite Decimal becomes a {@link Decimal}. `"1e3"`, `"1,000"`, `NaN` and `Infinity` are not
 * numbers here, as in `tryDecimal`.
 *
 * @example
 * ```ts
 * toNumeric("1000.50"); // Decimal(1000.5)
 * toNumeric(12);        // 12
 * toNumeric("abc");     // undefined
 * ```
 */
export function toNumeric(value: unknown): number | Decimal | undefined {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? value : undefined;
    case "string":
      return DECIMAL_TEXT.test(value) ? new Decimal(value.trim()) : undefined;
    case "bigint":
      return new Decimal(value.toString());
    case "object":
      // Every decimal.js clone shares one prototype, so this also accepts another library's Decimal.
      return value instanceof Decimal && value.isFinite() ? value : undefined;
    default:
      return undefined;
  }
}
