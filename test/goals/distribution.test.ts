import { describe, expect, it } from "vitest";
import { distribution, distributionRow, quantile } from "../../src/goals/index.js";
import { Decimal } from "../../src/money/index.js";

const ds = (xs: (number | string)[]) => xs.map((x) => new Decimal(x));

describe("quantile", () => {
  it("interpolates linearly between order statistics (type 7)", () => {
    // n = 5: h = 4p → q1 at h = 1 → 2, median at 2 → 3, q3 at 3 → 4
    const five = ds([1, 2, 3, 4, 5]);
    expect(["0.25", "0.5", "0.75"].map((p) => quantile(five, p).toString())).toEqual(["2", "3", "4"]);
    // n = 4: h = 3p → q1 at 0.75 → 1 + 0.75 × 1 = 1.75; median at 1.5 → 2.5; q3 at 2.25 → 3.25
    const four = ds([1, 2, 3, 4]);
    expect(["0.25", "0.5", "0.75"].map((p) => quantile(four, p).toString())).toEqual(["1.75", "2.5", "3.25"]);
    expect(quantile(ds([7]), "0.5").toString()).toBe("7");
    expect(quantile(four, 0).toString()).toBe("1");
    expect(quantile(four, 1).toString()).toBe("4");
  });
});

describe("distribution", () => {
  it("gives count, share at or above 100%, min, quartiles, median and max", () => {
    // sorted 0.8, 0.95, 1, 1.2 (n = 4, h = 3p)
    // q1: h = 0.75 → 0.8 + 0.75 × 0.15 = 0.9125; median: h = 1.5 → 0.975; q3: h = 2.25 → 1 + 0.25 × 0.2 = 1.05
    const d = distribution(["1.2", "0.8", "1", "0.95"]);
    expect({
      count: d.count,
      atOrAbove: d.atOrAbove,
      share: d.atOrAboveShare?.toString(),
      min: d.min?.toString(),
      q1: d.q1?.toString(),
      median: d.median?.toString(),
      q3: d.q3?.toString(),
      max: d.max?.toString(),
    }).toEqual({
      count: 4,
      atOrAbove: 2,
      share: "0.5",
      min: "0.8",
      q1: "0.9125",
      median: "0.975",
      q3: "1.05",
      max: "1.2",
    });
  });

  it("excludes nulls (zero quotas), counts them, and takes another threshold", () => {
    // 3 counted, 1 excluded; at or above 0.9: 0.9 and 1.1 → 2 of 3
    const d = distribution(["0.5", null, "0.9", "1.1"], { threshold: "0.9" });
    expect([d.count, d.excluded, d.atOrAbove]).toEqual([3, 1, 2]);
    expect(d.atOrAboveShare?.equals(new Decimal(2).div(3))).toBe(true);
  });

  it("is empty but defined for no values", () => {
    const d = distribution([]);
    expect([d.count, d.atOrAboveShare, d.min, d.median, d.max]).toEqual([0, null, null, null, null]);
  });

  it("formats as a row of percentages", () => {
    expect(distributionRow(distribution(["0.8", "1.2"]))).toEqual({
      count: 2,
      excluded: 0,
      atOrAbove: 1,
      atOrAbovePercent: "50.00",
      thresholdPercent: "100.00",
      minPercent: "80.00",
      q1Percent: "90.00",
      medianPercent: "100.00",
      q3Percent: "110.00",
      maxPercent: "120.00",
    });
  });
});
