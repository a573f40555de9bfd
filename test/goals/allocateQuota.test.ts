import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CompplanError } from "../../src/errors/index.js";
import { ALLOCATION_INFEASIBLE, ALLOCATION_INVALID, allocateQuota } from "../../src/goals/index.js";
import { Decimal } from "../../src/money/index.js";

const sum = (xs: string[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0));

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof CompplanError ? e.code : `not a CompplanError: ${String(e)}`;
  }
  return undefined;
}

describe("allocateQuota", () => {
  it("allocates 1,000,000 equally to 3 people at scale 2, summing exactly", () => {
    // 1,000,000 / 3 = 333,333.333… → 333,333.33 each (999,999.99), r 0.01 → one cent to move.
    // The three remainders tie (0.00333…), so the first id in input order gets the extra cent.
    const result = allocateQuota({
      total: 1000000,
      scale: 2,
      weights: [
        { id: "ana", weight: 1 },
        { id: "ben", weight: 1 },
        { id: "cy", weight: 1 },
      ],
    });
    expect(result.rows.map((r) => [r.id, r.amount, r.adjustment])).toEqual([
      ["ana", "333333.34", "0.01"],
      ["ben", "333333.33", "0.00"],
      ["cy", "333333.33", "0.00"],
    ]);
    expect(result.assigned).toBe("1000000.00");
    expect(result.target).toBe("1000000.00");
    expect(result.residue).toBe("0.01");
    expect(sum(result.rows.map((r) => r.amount)).equals(1000000)).toBe(true);
  });

  it("breaks remainder ties by input order, whatever the ids", () => {
    // 100 / 3 = 33.333… → 33.33 × 3 = 99.99, r 0.01 → first in input order ("z") gets it.
    const result = allocateQuota({
      total: 100,
      scale: 2,
      weights: [
        { id: "z", weight: 1 },
        { id: "a", weight: 1 },
        { id: "m", weight: 1 },
      ],
    });
    expect(result.rows.map((r) => r.amount)).toEqual(["33.34", "33.33", "33.33"]);
  });

  it("gives the residue to the largest remainders first", () => {
    // total 10 at scale 0, weights 1, 2, 4 (sum 7): 10/7 = 1.428…, 20/7 = 2.857…, 40/7 = 5.714…
    // floors 1 + 2 + 5 = 8, 2 units to move; remainders .428, .857, .714 → "b" then "c".
    const result = allocateQuota({
      total: 10,
      scale: 0,
      weights: [
        { id: "a", weight: 1 },
        { id: "b", weight: 2 },
        { id: "c", weight: 4 },
      ],
    });
    expect(result.rows.map((r) => r.amount)).toEqual(["1", "3", "6"]);
    expect(result.residue).toBe("2");
  });

  it("applies over-assignment of 110% by weights", () => {
    // team number 1,000,000 × 1.1 = 1,100,000 to carry; weights 5 : 3 : 2 (sum 10)
    // → 550,000 / 330,000 / 220,000, all exact, nothing for largest remainder to move.
    const result = allocateQuota({
      total: "1000000",
      overAssignment: "1.1",
      scale: 2,
      weights: [
        { id: "east", weight: 5 },
        { id: "west", weight: 3 },
        { id: "north", weight: 2 },
      ],
    });
    expect(result.rows.map((r) => [r.id, r.share, r.amount])).toEqual([
      ["east", "0.5", "550000.00"],
      ["west", "0.3", "330000.00"],
      ["north", "0.2", "220000.00"],
    ]);
    expect(result.total).toBe("1000000");
    expect(result.overAssignment).toBe("1.1");
    expect(result.target).toBe("1100000.00");
    expect(result.assigned).toBe("1100000.00");
    expect(result.residue).toBe("0.00");
  });

  it("rounds an over-assigned target that is finer than the scale, and says so", () => {
    // 333,333.33 × 1.1 = 366,666.663 → target 366,666.66 at scale 2; 366,666.66 / 2 = 183,333.33 each.
    const result = allocateQuota({
      total: "333333.33",
      overAssignment: "1.1",
      scale: 2,
      weights: [
        { id: "a", weight: 1 },
        { id: "b", weight: 1 },
      ],
    });
    expect(result.targetExact).toBe("366666.663");
    expect(result.target).toBe("366666.66");
    expect(result.rows.map((r) => r.amount)).toEqual(["183333.33", "183333.33"]);
  });

  it("clamps at a maximum and redistributes the excess by weight", () => {
    // 1,000,000 by 1 : 1 : 2 → 250,000 / 250,000 / 500,000, but "c" has max 400,000.
    // Excess 100,000 above max, no shortfall below a min → c is clamped at 400,000 for good;
    // the 600,000 left is split 1 : 1 → 300,000 each.
    const result = allocateQuota({
      total: 1000000,
      scale: 2,
      weights: [
        { id: "a", weight: 1 },
        { id: "b", weight: 1 },
        { id: "c", weight: 2, max: 400000 },
      ],
    });
    expect(result.rows.map((r) => [r.amount, r.bound])).toEqual([
      ["300000.00", null],
      ["300000.00", null],
      ["400000.00", "max"],
    ]);
  });

  it("clamps at a minimum and takes the shortfall from the others by weight", () => {
    // 1,000,000 by 1 : 4 : 5 → 100,000 / 400,000 / 500,000, but "a" has min 190,000.
    // Shortfall 90,000 below min, nothing above a max → a is fixed at 190,000;
    // 810,000 left split 4 : 5 → 360,000 / 450,000.
    const result = allocateQuota({
      total: 1000000,
      scale: 2,
      weights: [
        { id: "a", weight: 1, min: 190000 },
        { id: "b", weight: 4 },
        { id: "c", weight: 5 },
      ],
    });
    expect(result.rows.map((r) => [r.amount, r.bound])).toEqual([
      ["190000.00", "min"],
      ["360000.00", null],
      ["450000.00", null],
    ]);
  });

  it("handles a min and a max binding together, with over-assignment", () => {
    // 1,000,000 × 1.1 = 1,100,000 by 5 : 3 : 2 → 550,000 / 330,000 / 220,000.
    // "west" max 300,000 (30,000 above), "north" min 250,000 (30,000 below): equal, so both are clamped
    // and "east" keeps 1,100,000 − 300,000 − 250,000 = 550,000.
    const result = allocateQuota({
      total: 1000000,
      overAssignment: "1.1",
      scale: 2,
      weights: [
        { id: "east", weight: 5 },
        { id: "west", weight: 3, max: 300000 },
        { id: "north", weight: 2, min: 250000 },
      ],
    });
    expect(result.rows.map((r) => [r.amount, r.bound])).toEqual([
      ["550000.00", null],
      ["300000.00", "max"],
      ["250000.00", "min"],
    ]);
  });

  it("re-clamps when redistribution pushes another row over its maximum", () => {
    // 900 by 1 : 1 : 1 → 300 each; "a" max 100 (200 above) → a = 100, 800 left → 400 / 400;
    // now "b" max 350 (50 above) → b = 350, c = 450.
    const result = allocateQuota({
      total: 900,
      scale: 0,
      weights: [
        { id: "a", weight: 1, max: 100 },
        { id: "b", weight: 1, max: 350 },
        { id: "c", weight: 1 },
      ],
    });
    expect(result.rows.map((r) => r.amount)).toEqual(["100", "350", "450"]);
  });

  it("refuses infeasible minimums and maximums with ALLOCATION_INFEASIBLE, saying why", () => {
    // mins 700,000 + 400,000 = 1,100,000 > 1,000,000
    expect(() =>
      allocateQuota({
        total: 1000000,
        scale: 2,
        weights: [
          { id: "a", weight: 1, min: 700000 },
          { id: "b", weight: 1, min: 400000 },
        ],
      }),
    ).toThrow(/minimums sum to 1,100,000, more than the 1,000,000 to allocate/);
    // maxes 300,000 + 400,000 = 700,000 < 1,000,000 (every row has a max)
    let caught: unknown;
    try {
      allocateQuota({
        total: 1000000,
        scale: 2,
        weights: [
          { id: "a", weight: 1, max: 300000 },
          { id: "b", weight: 1, max: 400000 },
        ],
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CompplanError);
    expect((caught as CompplanError).code).toBe(ALLOCATION_INFEASIBLE);
    expect((caught as Error).message).toMatch(/maximums sum to 700,000, less than the 1,000,000 to allocate/);
    // a min above its own max
    expect(() =>
      allocateQuota({ total: 10, scale: 0, weights: [{ id: "a", weight: 1, min: 8, max: 5 }] }),
    ).toThrow(/a: minimum 8 is above maximum 5/);
  });

  it("refuses to give the rest to rows of weight 0", () => {
    // a takes at most 10 of 100; b could take the rest but has weight 0: no proportional answer.
    expect(
      codeOf(() =>
        allocateQuota({
          total: 100,
          scale: 0,
          weights: [
            { id: "a", weight: 1, max: 10 },
            { id: "b", weight: 0 },
          ],
        }),
      ),
    ).toBe(ALLOCATION_INFEASIBLE);
  });

  it("refuses bad arguments with ALLOCATION_INVALID", () => {
    const one = [{ id: "a", weight: 1 }];
    expect(codeOf(() => allocateQuota({ total: 1, scale: 2, weights: [] }))).toBe(ALLOCATION_INVALID);
    expect(
      codeOf(() =>
        allocateQuota({
          total: 1,
          scale: 2,
          weights: [
            { id: "a", weight: 1 },
            { id: "a", weight: 2 },
          ],
        }),
      ),
    ).toBe(ALLOCATION_INVALID);
    expect(codeOf(() => allocateQuota({ total: 1, scale: 2, weights: [{ id: "a", weight: -1 }] }))).toBe(
      ALLOCATION_INVALID,
    );
    expect(codeOf(() => allocateQuota({ total: 1, scale: 2, weights: [{ id: "a", weight: 0 }] }))).toBe(
      ALLOCATION_INVALID,
    );
    expect(codeOf(() => allocateQuota({ total: "1,000", scale: 2, weights: one }))).toBe(ALLOCATION_INVALID);
    expect(
      codeOf(() => allocateQuota({ total: 10, scale: 2, weights: [{ id: "a", weight: 1, min: "1.005" }] })),
    ).toBe(ALLOCATION_INVALID);
    expect(codeOf(() => allocateQuota({ total: 10, scale: 2, overAssignment: 0, weights: one }))).toBe(
      ALLOCATION_INVALID,
    );
  });

  // --- properties ---

  const scaleArb = fc.integer({ min: 0, max: 3 });
  const atScale = (units: number, scale: number) => new Decimal(units).div(new Decimal(10).pow(scale));

  it("property: without bounds, amounts sum exactly to the target and each is within one unit of its exact share", () => {
    fc.assert(
      fc.property(
        scaleArb,
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom("1", "1.1", "1.25", "0.9"),
        (scale, totalUnits, weights, over) => {
          const total = atScale(totalUnits, scale);
          const result = allocateQuota({
            total,
            overAssignment: over,
            scale,
            weights: weights.map((w, i) => ({ id: `p${i}`, weight: w })),
          });
          const target = total.times(over).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
          const amounts = result.rows.map((r) => r.amount);
          expect(sum(amounts).equals(target)).toBe(true);
          expect(result.assigned).toBe(target.toFixed(scale));
          const unit = atScale(1, scale);
          const w = weights.reduce((a, b) => a + b, 0);
          result.rows.forEach((r, i) => {
            expect(new Decimal(r.amount).decimalPlaces()).toBeLessThanOrEqual(scale);
            const exact = target.times(weights[i]!).div(w);
            expect(new Decimal(r.amount).minus(exact).abs().lessThan(unit)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: with min/max, sums exactly and respects bounds when feasible, else ALLOCATION_INFEASIBLE", () => {
    // Bounds are drawn as percentages of a fair share (total / n) so that feasible and infeasible cases, and
    // bounds that bind, all come up often. They are whole currency units, hence always at the scale.
    const row = fc.record({
      weight: fc.integer({ min: 1, max: 1000 }),
      minPct: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
      extraPct: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
      crossed: fc.integer({ min: 0, max: 1_000_000 }).map((n) => n % 53 === 29),
    });
    fc.assert(
      fc.property(
        scaleArb,
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(row, { minLength: 1, maxLength: 10 }),
        (scale, totalWhole, drawn) => {
          const total = new Decimal(totalWhole);
          const fair = Math.floor(totalWhole / drawn.length);
          const rows = drawn.map((r) => {
            const min = r.minPct === undefined ? undefined : Math.floor((fair * r.minPct) / 100);
            const extra = r.extraPct === undefined ? undefined : Math.floor((fair * r.extraPct) / 100);
            // Now and then a max below its own min, to cover that refusal too.
            const max = extra === undefined ? undefined : r.crossed && min ? min - 1 : (min ?? 0) + extra;
            return { weight: r.weight, min, max };
          });
          const weights = rows.map((r, i) => ({ id: `p${i}`, weight: r.weight, min: r.min, max: r.max }));
          const sumMin = rows.reduce((s, r) => s + (r.min ?? 0), 0);
          const allMax = rows.every((r) => r.max !== undefined);
          const sumMax = rows.reduce((s, r) => s + (r.max ?? 0), 0);
          const feasible =
            rows.every((r) => r.min === undefined || r.max === undefined || r.min <= r.max) &&
            totalWhole >= sumMin &&
            (!allMax || totalWhole <= sumMax);
          if (!feasible) {
            expect(codeOf(() => allocateQuota({ total, scale, weights }))).toBe(ALLOCATION_INFEASIBLE);
            return;
          }
          const result = allocateQuota({ total, scale, weights });
          expect(sum(result.rows.map((r) => r.amount)).equals(total)).toBe(true);
          result.rows.forEach((r, i) => {
            const amount = new Decimal(r.amount);
            expect(amount.decimalPlaces()).toBeLessThanOrEqual(scale);
            expect(amount.greaterThanOrEqualTo(rows[i]!.min ?? 0)).toBe(true);
            if (rows[i]!.max !== undefined) expect(amount.lessThanOrEqualTo(rows[i]!.max!)).toBe(true);
          });
          // Proportional where no bound binds: two free rows get amounts per weight within a unit of each other.
          const unit = atScale(1, scale);
          const free = result.rows
            .map((r, i) => ({
              exact: new Decimal(r.exact),
              w: rows[i]!.weight,
              bound: r.bound,
              amount: r.amount,
            }))
            .filter((r) => r.bound === null);
          for (const r of free) expect(new Decimal(r.amount).minus(r.exact).abs().lessThan(unit)).toBe(true);
          const [first, ...others] = free;
          for (const o of others) {
            expect(first!.exact.div(first!.w).minus(o.exact.div(o.w)).abs().lessThan("1e-40")).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
