import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plusDays } from "../../src/calendar/index.js";
import type { CompplanError } from "../../src/errors/index.js";
import { attainment, INVALID_ARGUMENT, pace } from "../../src/goals/index.js";
import { Decimal } from "../../src/money/index.js";

const Q1 = { start: "2026-01-01", end: "2026-03-31" }; // 90 days

describe("pace", () => {
  it("projects by days elapsed and states the gap to 100%", () => {
    // Jan 1..Feb 14 = 31 + 14 = 45 of 90 days elapsed; 57,500 × 90/45 = 115,000 → 115%
    // gap to 100%: 100,000 − 57,500 = 42,500
    const p = pace({ value: 57500, quota: 100000, period: Q1, asOf: "2026-02-14" });
    expect([p.daysElapsed, p.daysInPeriod]).toEqual([45, 90]);
    expect(p.attainment?.toString()).toBe("0.575");
    expect(p.projected.toString()).toBe("115000");
    expect(p.projectedAttainment?.toString()).toBe("1.15");
    expect(p.gapTo100.toString()).toBe("42500");
    expect(p.sentence).toBe("needs 42,500 more to reach 100%");
    expect(p.projection).toBe("on pace for 115,000 (115%) by 2026-03-31");
  });

  it("states the gap to each band edge", () => {
    // 57,500 of 100,000: 50% (50,000) reached; 150% needs 150,000 − 57,500 = 92,500
    const p = pace({ value: 57500, quota: 100000, period: Q1, asOf: "2026-02-14", edges: ["0.5", 1, "1.5"] });
    expect(
      p.gaps.map((g) => [g.edge.toString(), g.target.toString(), g.needed.toString(), g.sentence]),
    ).toEqual([
      ["0.5", "50000", "0", "has reached 50%"],
      ["1", "100000", "42500", "needs 42,500 more to reach 100%"],
      ["1.5", "150000", "92500", "needs 92,500 more to reach 150%"],
    ]);
  });

  it("rounds what is still needed up, so it never says 0 while something is missing", () => {
    // 100,000 − 99,999.995 = 0.005 → "0.01" at scale 2
    const p = pace({ value: "99999.995", quota: 100000, period: Q1, asOf: "2026-03-31" });
    expect(p.gapTo100.toString()).toBe("0.005");
    expect(p.sentence).toBe("needs 0.01 more to reach 100%");
    // and with cents: 100,000 − 57,499.5 = 42,500.5
    expect(pace({ value: "57499.5", quota: 100000, period: Q1, asOf: "2026-02-14" }).sentence).toBe(
      "needs 42,500.50 more to reach 100%",
    );
  });

  it("does not extrapolate at or after the period's last day", () => {
    const last = pace({ value: 52500, quota: 50000, period: Q1, asOf: "2026-03-31" });
    expect([last.projected.toString(), last.projectedAttainment?.toString()]).toEqual(["52500", "1.05"]);
    expect(last.sentence).toBe("has reached 100%");
    const after = pace({ value: 52500, quota: 50000, period: Q1, asOf: "2026-06-01" });
    expect(after.daysElapsed).toBe(90);
    expect(after.projected.toString()).toBe("52500");
  });

  it("handles a zero quota, and refuses an asOf before the period", () => {
    const p = pace({ value: 10, quota: 0, period: Q1, asOf: "2026-01-10" });
    expect([p.attainment, p.projectedAttainment, p.sentence]).toEqual([
      null,
      null,
      "no quota for this period",
    ]);
    try {
      pace({ value: 1, quota: 1, period: Q1, asOf: "2025-12-31" });
      expect.unreachable();
    } catch (e) {
      expect((e as CompplanError).code).toBe(INVALID_ARGUMENT);
    }
  });

  it("property: pace at the period's last day equals attainment", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5000, max: 5000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        (startOffset, length, valueCents, quotaCents) => {
          const start = plusDays("2026-01-01", startOffset);
          const period = { start, end: plusDays(start, length) };
          const value = new Decimal(valueCents.toString()).div(100);
          const quota = new Decimal(quotaCents.toString()).div(100);
          const p = pace({ value, quota, period, asOf: period.end });
          expect(p.projected.equals(value)).toBe(true);
          expect(p.projectedAttainment!.equals(attainment(value, quota)!)).toBe(true);
          expect(p.projectedAttainment!.equals(p.attainment!)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: the projection is the value scaled by days in period over days elapsed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        (length, elapsed, valueCents) => {
          const period = { start: "2026-01-01", end: plusDays("2026-01-01", length) };
          const asOf = plusDays(period.start, Math.min(elapsed, length));
          const value = new Decimal(valueCents.toString()).div(100);
          const p = pace({ value, quota: 1, period, asOf });
          expect(p.daysElapsed).toBe(Math.min(elapsed, length) + 1);
          // value × n / k, within Decimal precision of the exact ratio
          expect(
            p.projected.times(p.daysElapsed).minus(value.times(p.daysInPeriod)).abs().lessThan("1e-40"),
          ).toBe(true);
          expect(p.projected.greaterThanOrEqualTo(value)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
