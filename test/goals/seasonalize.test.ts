import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CompplanError } from "../../src/errors/index.js";
import { checkShares, SHARES_INVALID, seasonalize, sharesFromHistory } from "../../src/goals/index.js";
import { Decimal } from "../../src/money/index.js";

const total = (xs: Decimal[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0));

function errorOf(f: () => unknown): CompplanError {
  try {
    f();
  } catch (e) {
    if (e instanceof CompplanError) return e;
    throw e;
  }
  throw new Error("expected a CompplanError");
}

describe("seasonalize", () => {
  it("splits equally without shares", () => {
    // 1,000,000 / 4 = 250,000 each
    expect(seasonalize(new Decimal(1000000), undefined, 4).map(String)).toEqual([
      "250000",
      "250000",
      "250000",
      "250000",
    ]);
  });

  it("keeps a non-terminating equal split exact enough to add up to the annual amount exactly", () => {
    // 1,000,000 / 3 = 333,333.333…: each period is cumulative(k) − cumulative(k−1), so they telescope to
    // 1,000,000 exactly; each one still reads 333,333.33 at two decimals.
    const parts = seasonalize(new Decimal(1000000), undefined, 3);
    expect(total(parts).equals(1000000)).toBe(true);
    for (const p of parts) expect(p.toFixed(2)).toBe("333333.33");
    // not rounded to money: the exact third is kept to Decimal precision
    expect(parts[0]!.decimalPlaces()).toBeGreaterThan(40);
  });

  it("splits by shares given as strings, numbers or Decimals", () => {
    // 1,000,000 × 0.2 / 0.3 / 0.25 / 0.25
    const expected = ["200000", "300000", "250000", "250000"];
    expect(seasonalize(1000000, ["0.2", "0.3", "0.25", "0.25"], 4).map(String)).toEqual(expected);
    expect(seasonalize(1000000, [0.2, 0.3, 0.25, 0.25], 4).map(String)).toEqual(expected);
    expect(
      seasonalize(
        1000000,
        ["0.2", "0.3", "0.25", "0.25"].map((s) => new Decimal(s)),
        4,
      ).map(String),
    ).toEqual(expected);
  });

  it("refuses shares that do not sum to exactly 1, with the sum in the message", () => {
    const e = errorOf(() => seasonalize(1000000, ["0.2", "0.3", "0.25", "0.24"], 4));
    expect(e.code).toBe(SHARES_INVALID);
    expect(e.message).toContain("sum to 0.99");
    // 0.1 + 0.2 + 0.7 is exactly 1 in decimals (it is not in binary floats)
    expect(total(seasonalize(10, [0.1, 0.2, 0.7], 3)).toString()).toBe("10");
  });

  it("refuses a share count that is not the period count, and negative shares", () => {
    expect(errorOf(() => seasonalize(100, ["0.5", "0.5"], 4)).message).toContain("2 shares for 4 periods");
    expect(errorOf(() => checkShares(["1.5", "-0.5"], 2)).code).toBe(SHARES_INVALID);
    expect(errorOf(() => checkShares(["abc", "1"], 2)).code).toBe(SHARES_INVALID);
  });

  it("property: periods add up to the annual amount exactly, equal split or shares from history", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.constantFrom(1, 2, 3, 4, 6, 7, 12, 13, 52),
        fc.option(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 52, maxLength: 52 }), {
          nil: undefined,
        }),
        fc.integer({ min: 0, max: 24 }),
        (cents, n, history, decimals) => {
          const annual = new Decimal(cents.toString()).div(100);
          const h = history?.slice(0, n);
          const shares = h?.some((x) => x > 0) ? sharesFromHistory(h, { decimals }) : undefined;
          const parts = seasonalize(annual, shares, n);
          expect(parts).toHaveLength(n);
          expect(total(parts).equals(annual)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("sharesFromHistory", () => {
  it("derives shares from bookings per period", () => {
    // total 1,000 → 100/1000, 200/1000, 300/1000, 400/1000
    expect(sharesFromHistory([100, 200, 300, 400]).map(String)).toEqual(["0.1", "0.2", "0.3", "0.4"]);
  });

  it("carries non-terminating shares at 20 decimals through cumulative sums, so they sum to exactly 1", () => {
    // cumulative 1/3 → 0.33333333333333333333, 2/3 → 0.66666666666666666667, 3/3 → 1
    // shares = differences: …333, …334, …333
    const shares = sharesFromHistory(["1", "1", "1"]);
    expect(shares.map(String)).toEqual([
      "0.33333333333333333333",
      "0.33333333333333333334",
      "0.33333333333333333333",
    ]);
    expect(total(shares).toString()).toBe("1");
    // 4 decimals, to publish: cumulative 0.3333, 0.6667, 1 → 0.3333, 0.3334, 0.3333
    expect(sharesFromHistory([1, 1, 1], { decimals: 4 }).map(String)).toEqual(["0.3333", "0.3334", "0.3333"]);
  });

  it("feeds seasonalize directly", () => {
    // history 2 : 3 : 5 → 0.2 / 0.3 / 0.5 of 600,000 = 120,000 / 180,000 / 300,000
    const shares = sharesFromHistory([20000, 30000, 50000]);
    expect(seasonalize(600000, shares, 3).map(String)).toEqual(["120000", "180000", "300000"]);
  });

  it("refuses negative periods, empty history and a zero total", () => {
    expect(errorOf(() => sharesFromHistory([1, -1])).code).toBe(SHARES_INVALID);
    expect(errorOf(() => sharesFromHistory([])).code).toBe(SHARES_INVALID);
    expect(errorOf(() => sharesFromHistory([0, 0])).message).toContain("sums to 0");
  });
});
