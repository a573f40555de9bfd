import { CompplanError } from "./CompplanError.js";
import { describeValue } from "./describeValue.js";

/**
 * Thrown when a public function is called with an argument that is not what its types say: a wrong kind of
 * value (`null` for a plan, a number for a period, `{}` for a list of transactions). Code `INVALID_ARGUMENT`,
 * the code the goal calculators already use for bad arguments. The message names the function, the argument
 * (a path such as `options.transactions`), what was expected and what was found.
 *
 * @example
 * ```ts
 * try { evaluate([], { participants: [], transactions: {}, period: "2026" } as never); }
 * catch (e) { if (e instanceof ArgumentError) console.log(e.code, e.argument); } // INVALID_ARGUMENT options.transactions
 * ```
 */
export class ArgumentError extends CompplanError {
  /** The public function that was called, e.g. `evaluate`. */
  readonly function: string;
  /** The argument, as a path from the function's parameters: `options.transactions`, `plans[2]`. */
  readonly argument: string;
  /** What was expected, in words: `a list of records`. */
  readonly expected: string;
  constructor(fn: string, argument: string, expected: string, got: unknown) {
    super("INVALID_ARGUMENT", `${fn}: ${argument}: expected ${expected}, got ${describeValue(got)}`);
    this.function = fn;
    this.argument = argument;
    this.expected = expected;
  }
}
