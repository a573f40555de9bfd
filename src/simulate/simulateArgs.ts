import { CompplanError } from "../errors/index.js";
import { type Decimal, type DecimalInput, toDecimal } from "../money/index.js";

/**
 * The error simulations throw for a bad argument (code `SIMULATE_INVALID`).
 *
 * @example
 * ```ts
 * throw simulateError("runs: expected a whole number of at least 1, got 0");
 * ```
 */
export function simulateError(message: string): CompplanError {
  return new CompplanError("SIMULATE_INVALID", message);
}

/**
 * Reads a decimal argument of a simulation, naming it in the error when it is not one.
 *
 * @example
 * ```ts
 * simulateArg("1.5", "mean"); // Decimal(1.5)
 * simulateArg("-1", "planned.bookings", { nonNegative: true }); // throws SIMULATE_INVALID
 * ```
 */
export function simulateArg(
  value: DecimalInput,
  what: string,
  options: { nonNegative?: boolean } = {},
): Decimal {
  try {
    const d = toDecimal(value);
    if (options.nonNegative && d.isNegative()) throw new TypeError(`expected zero or more, got ${d}`);
    return d;
  } catch (error) {
    throw simulateError(`${what}: ${(error as Error).message}`);
  }
}
