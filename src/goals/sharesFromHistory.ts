import { checkArgument } from "../errors/checkArgument.js";
import { CompplanError } from "../errors/index.js";
import { Decimal, type DecimalInput, ONE, ZERO } from "../money/index.js";
import { integerArg, nonNegativeArg } from "./args.js";
import { SHARES_INVALID } from "./seasonalize.js";

/** Options of {@link sharesFromHistory}. */
export interface SharesFromHistoryOptions {
  /**
   * Decimal places of the shares (default 20). Each cumulative share is rounded half-up to this many places, so
   * every share is within one unit of that place of the historical proportion and they still sum to exactly 1.
   * Use 4 to publish shares such as 0.2513; keep 20 for quotas, where a 10^-20 share error is invisible.
   */
  decimals?: number;
}

/**
 * Derives seasonality shares from historical bookings per period (last year's months, or an average of several
 * years): each period's share of the total, summing to exactly 1 so that {@link seasonalize} accepts them.
 *
 * The proportions rarely terminate (1/3), so they are carried at `decimals` places through their cumulative
 * sums: share k = round(bookings through k ÷ total) − round(bookings through k−1 ÷ total). The last cumulative
 * is exactly 1, hence the exact sum. Throws `SHARES_INVALID` for a negative period or a zero total.
 *
 * @example
 * ```ts
 * sharesFromHistory([100, 200, 300, 400]).map(String); // ["0.1", "0.2", "0.3", "0.4"]
 * sharesFromHistory([1, 1, 1]).map(String);
 * // ["0.33333333333333333333", "0.33333333333333333334", "0.33333333333333333333"]
 * ```
 */
export function sharesFromHistory(
  history: readonly DecimalInput[],
  options: SharesFromHistoryOptions = {},
): Decimal[] {
  checkArgument("sharesFromHistory", "history", history, "list");
  checkArgument("sharesFromHistory", "options", options, "object?");
  const decimals = integerArg(options.decimals ?? 20, "decimals", 0, 40);
  if (history.length === 0) throw new CompplanError(SHARES_INVALID, "history has no periods");
  const values = history.map((h, i) => {
    try {
      return nonNegativeArg(h, `history[${i}]`);
    } catch (e) {
      throw new CompplanError(SHARES_INVALID, (e as Error).message);
    }
  });
  const total = values.reduce((a, b) => a.plus(b), new Decimal(0));
  if (total.isZero()) {
    throw new CompplanError(SHARES_INVALID, "history sums to 0: there is no seasonality to derive from it");
  }
  const shares: Decimal[] = [];
  let running = ZERO;
  let previous = ZERO;
  values.forEach((v, i) => {
    running = running.plus(v);
    const cumulative =
      i === values.length - 1 ? ONE : running.div(total).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
    shares.push(cumulative.minus(previous));
    previous = cumulative;
  });
  return shares;
}
