import { checkArgument } from "../errors/checkArgument.js";
import { CompplanError } from "../errors/index.js";
import { Decimal, type DecimalInput, ZERO } from "../money/index.js";
import { decimalArg, integerArg, nonNegativeArg } from "./args.js";

/**
 * The stable error code for seasonality shares that cannot be used.
 *
 * @example
 * ```ts
 * seasonalize(100, ["0.5", "0.4"], 2); // throws, code SHARES_INVALID: "... they sum to 0.9 ..."
 * ```
 */
export const SHARES_INVALID = "SHARES_INVALID";

/**
 * Splits an annual amount into per-period amounts: equally without `shares`, or by seasonality shares (one per
 * period, each >= 0, summing to exactly 1).
 *
 * The amounts are exact decimals, not rounded to money: rounding happens once, on output lines. So that they
 * still add up to the annual amount *exactly* when the split does not terminate (1,000,000 ÷ 3), each period's
 * amount is computed as the cumulative amount through that period minus the cumulative amount through the one
 * before (`annual × k/n − annual × (k−1)/n`); the sum then telescopes to `annual × 1`.
 *
 * Throws a `CompplanError` with code `SHARES_INVALID` when the shares are not one per period, are negative or
 * do not sum to exactly 1 (the message gives the sum).
 *
 * @example
 * ```ts
 * seasonalize(new Decimal(1000000), ["0.2", "0.3", "0.25", "0.25"], 4).map(String);
 * // ["200000", "300000", "250000", "250000"]
 * seasonalize(new Decimal(1000000), undefined, 4).map(String); // ["250000", "250000", "250000", "250000"]
 * ```
 */
export function seasonalize(
  annual: DecimalInput,
  shares: readonly DecimalInput[] | undefined,
  periods: number,
): Decimal[] {
  const total = decimalArg(annual, "annual");
  const n = integerArg(periods, "periods", 1);
  const cumulative: Decimal[] = [];
  if (shares === undefined) {
    for (let k = 1; k <= n; k++) cumulative.push(total.times(k).div(n));
  } else {
    const parsed = checkShares(shares, n);
    let running = ZERO;
    for (const share of parsed) {
      running = running.plus(share);
      cumulative.push(total.times(running));
    }
  }
  // The last cumulative is annual × 1 (or annual × n / n), i.e. exactly the annual amount.
  return cumulative.map((c, k) => (k === 0 ? c : c.minus(cumulative[k - 1] ?? ZERO)));
}

/**
 * Parses seasonality shares and checks that they can be used: one per period, none negative, summing to 1.
 *
 * @example
 * ```ts
 * checkShares(["0.5", "0.5"], 2).map(String); // ["0.5", "0.5"]
 * checkShares(["0.5", "0.4"], 2);             // throws SHARES_INVALID: "... they sum to 0.9 (0.5 + 0.4)"
 * ```
 */
export function checkShares(shares: readonly DecimalInput[], periods: number): Decimal[] {
  checkArgument("checkShares", "shares", shares, "list");
  checkArgument("checkShares", "periods", periods, "number");
  if (shares.length !== periods) {
    throw new CompplanError(
      SHARES_INVALID,
      `seasonality has ${shares.length} share${shares.length === 1 ? "" : "s"} for ${periods} period${periods === 1 ? "" : "s"}: give one share per period`,
    );
  }
  const parsed = shares.map((s, i) => {
    try {
      return nonNegativeArg(s, `shares[${i}]`);
    } catch (e) {
      throw new CompplanError(SHARES_INVALID, `seasonality ${(e as Error).message}`);
    }
  });
  const sum = parsed.reduce((a, b) => a.plus(b), new Decimal(0));
  if (!sum.equals(1)) {
    throw new CompplanError(
      SHARES_INVALID,
      `seasonality shares must sum to exactly 1; they sum to ${sum.toString()} (${parsed.map(String).join(" + ")})`,
    );
  }
  return parsed;
}
