import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/money/index.js";
import { curvePoints, readCurve } from "../../src/reward/curve.js";
import { bound, limitAmount } from "../../src/reward/limits.js";

const d = (x: string | number) => new Decimal(x);
const curve = curvePoints([
  ["0.5", "0.25"],
  ["1", "1"],
  ["1.5", "2"],
]);

describe("readCurve", () => {
  it("pays nothing below the gate, even where the curve pays", () => {
    // 0.55 < gate 0.6 → 0 (the curve alone: 0.25 + 0.05 ÷ 0.5 × 0.75 = 0.325)
    const r = readCurve(curve, d("0.55"), d("0.6"));
    expect(r.fraction.toString()).toBe("0");
    expect(r.where).toContain("below the gate 0.6");
    expect(readCurve(curve, d("0.55")).fraction.toString()).toBe("0.325");
  });

  it("pays at exactly the gate", () => {
    // 0.25 + (0.6 − 0.5) ÷ 0.5 × 0.75 = 0.25 + 0.15 = 0.4
    expect(readCurve(curve, d("0.6"), d("0.6")).fraction.toString()).toBe("0.4");
  });

  it("pays nothing below the first point", () => {
    expect(readCurve(curve, d("0.4999")).fraction.toString()).toBe("0");
  });

  it("interpolates between points and returns a point's value on it", () => {
    // 1.2: 1 + 0.2 ÷ 0.5 × 1 = 1.4
    expect(readCurve(curve, d("1.2")).fraction.toString()).toBe("1.4");
    expect(readCurve(curve, d("1.2")).where).toBe("between curve points (1, 1) and (1.5, 2)");
    expect(readCurve(curve, d("1")).fraction.toString()).toBe("1");
    expect(readCurve(curve, d("1")).where).toBe("at curve point (1, 1)");
    expect(readCurve(curve, d("1.5")).fraction.toString()).toBe("2");
  });

  it("stays flat beyond the last point", () => {
    expect(readCurve(curve, d("3")).fraction.toString()).toBe("2");
    expect(readCurve(curve, d("3")).where).toBe("beyond the last curve point (1.5, 2)");
  });

  it("property: non-decreasing and continuous between the first and last points for a rising curve", () => {
    fc.assert(
      fc.property(fc.integer({ min: 500, max: 1600 }), fc.integer({ min: 500, max: 1600 }), (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        const fx = readCurve(curve, d(x).div(1000)).fraction;
        const fy = readCurve(curve, d(y).div(1000)).fraction;
        // the steepest segment rises 2 per unit of attainment
        return (
          fx.lte(fy) &&
          fy.minus(fx).lte(
            d(y - x)
              .div(1000)
              .times(2),
          )
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe("limits", () => {
  it("resolves a fixed amount and a multiple of the target", () => {
    expect(limitAmount({ amount: "50000" }, undefined).amount.toString()).toBe("50000");
    // 1.5 × 5,000 = 7,500
    const l = limitAmount({ ofTarget: "1.5" }, d(5000));
    expect(l.amount.toString()).toBe("7500");
    expect(l.label).toBe("1.5 × target 5,000 = 7,500");
  });

  it("caps from above and floors from below, saying which one decided", () => {
    const cap = { amount: d(100), label: "100" };
    const floor = { amount: d(10), label: "10" };
    expect(bound(d(150), { cap, floor }).value.toString()).toBe("100");
    expect(bound(d(150), { cap }).note).toBe("capped at 100 (uncapped 150)");
    expect(bound(d(5), { cap, floor }).value.toString()).toBe("10");
    expect(bound(d(50), { cap, floor })).toEqual({ value: d(50) });
    // exactly at the cap is not capped
    expect(bound(d(100), { cap }).note).toBeUndefined();
  });
});
