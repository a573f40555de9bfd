import { checkArgument } from "../errors/checkArgument.js";

/**
 * Checks the options of `evaluate` (and of the functions that take the same ones) at their entry: each field
 * of the kind its type says, so that `{ transactions: {} }` or `period: 2026` throws an `ArgumentError` naming
 * the field rather than giving a wrong result. Records themselves are checked by the readers, one by one.
 *
 * @param fn - the public function called, as the message names it.
 * @param options - its options as given.
 * @param period - the name of the option giving the period (`asOf` for `attainmentAsOf`).
 * @example
 * ```ts
 * checkEvaluateOptions("evaluate", { participants: [], transactions: {}, period: "2026" });
 * // throws ArgumentError "evaluate: options.transactions: expected a list, got an object"
 * ```
 */
export function checkEvaluateOptions(
  fn: string,
  options: unknown,
  period: "period" | "asOf" = "period",
): void {
  checkArgument(fn, "options", options, "object");
  const o = options as Record<string, unknown>;
  checkArgument(fn, "options.participants", o.participants, "list");
  checkArgument(fn, "options.transactions", o.transactions, "list");
  checkArgument(fn, `options.${period}`, o[period], "text");
  checkArgument(fn, "options.operators", o.operators, "list?");
  checkArgument(fn, "options.strict", o.strict, "boolean?");
  checkArgument(fn, "options.deals", o.deals, "boolean?");
  checkArgument(fn, "options.onProgress", o.onProgress, "function?");
  checkArgument(fn, "options.sources", o.sources, "object?");
  const sources = (o.sources ?? {}) as Record<string, unknown>;
  checkArgument(fn, "options.sources.participants", sources.participants, "text?");
  checkArgument(fn, "options.sources.transactions", sources.transactions, "text?");
}
