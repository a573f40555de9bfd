import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/money/index.js";
import { readCurve } from "../../src/reward/curve.js";
import { bound, floorToDate, limitAmount } from "../../src/reward/limits.js";

const d = (x: string | number) => new Decimal(x);

// Labels, notes and curve positions are written when first read (most periods never print them): they must read
// the same as when they were written up front, and behave as plain properties.
describe("limits", () => {
  it("resolve amounts and labels", () => {
    const cap = limitAmount({ ofTarget: "3" }, d(60000));
    expect(cap.amount.toString()).toBe("180000");
    expect(cap.label).toBe("3 × target 60,000 = 180,000");
    expect(cap.label).toBe("3 × target 60,000 = 180,000"); // read twice, written once
    expect(JSON.parse(JSON.stringify({ label: limitAmount({ amount: "1234.5" }, undefined).label }))).toEqual(
      {
        label: "1,234.5",
      },
    );
    // 12,000 a year, quarterly, full year, through Q2: 12,000 × 2/4 = 6,000
    const one = d(1);
    const floor = floorToDate(
      { amount: "12000" },
      { annualTarget: undefined, factors: [one, one, one, one], through: 1 },
    );
    expect(floor.amount.toString()).toBe("6000");
    expect(floor.label).toBe("12,000 × 0.5 of the year to date");
  });

  it("bound says which bound decided, and nothing when none did", () => {
    const cap = limitAmount({ amount: "180000" }, undefined);
    const floor = limitAmount({ amount: "1000" }, undefined);
    const capped = bound(d(200000), { cap, floor });
    expect([capped.value.toString(), capped.note]).toEqual([
      "180000",
      "capped at 180,000 (uncapped 200,000)",
    ]);
    const raised = bound(d(999.5), { cap, floor });
    expect([raised.value.toString(), raised.note]).toEqual([
      "1000",
      "raised to the floor 1,000 (earned 999.5)",
    ]);
    const free = bound(d(5000), { cap, floor });
    expect(free).toEqual({ value: d(5000) });
    expect("note" in free).toBe(false);
  });
});

describe("readCurve positions", () => {
  const curve = [
    [d("0.5"), d("0.25")],
    [d(1), d(1)],
    [d("1.5"), d(2)],
  ] as const;
  it("says where the lookup landed", () => {
    expect(readCurve(curve, d("0.4"), d("0.45")).where).toBe("below the gate 0.45");
    expect(readCurve(curve, d("0.4")).where).toBe("below the first curve point");
    expect(readCurve(curve, d(1)).where).toBe("at curve point (1, 1)");
    const between = readCurve(curve, d("1.25"));
    expect([between.fraction.toString(), between.where]).toEqual([
      "1.5",
      "between curve points (1, 1) and (1.5, 2)",
    ]);
    expect(readCurve(curve, d(3)).where).toBe("beyond the last curve point (1.5, 2)");
    expect(readCurve(curve, d("1.5")).where).toBe("at curve point (1.5, 2)");
  });
});
