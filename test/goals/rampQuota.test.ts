import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodsOfYear, plusDays } from "../../src/calendar/index.js";
import type { CompplanError } from "../../src/errors/index.js";
import { RAMP_INVALID, rampQuota } from "../../src/goals/index.js";
import { Decimal } from "../../src/money/index.js";

const Q1 = { start: "2026-01-01", end: "2026-03-31" }; // 90 days
const Q2 = { start: "2026-04-01", end: "2026-06-30" }; // 30 + 31 + 30 = 91 days

describe("rampQuota", () => {
  it("ramps across a quarter boundary by day-weighted tenure months", () => {
    // Hired 2026-02-15, schedule: month 1 → 0, month 2 → 0.5, then 1.
    // Tenure month 1 = Feb 15..Mar 14, month 2 = Mar 15..Apr 14, month 3+ from Apr 15.
    // Q1: employed Feb 15..Mar 31 = 45 days: 28 days (Feb 15..Mar 14) × 0 + 17 days (Mar 15..31) × 0.5 = 8.5
    //     factor 8.5/45; quota 90,000 × 8.5/45 = 17,000
    const q1 = rampQuota({
      quota: new Decimal(90000),
      period: Q1,
      hireDate: "2026-02-15",
      schedule: [0, "0.5"],
    });
    expect(q1.parts.map((p) => [p.month, p.days, p.factor.toString()])).toEqual([
      [1, 28, "0"],
      [2, 17, "0.5"],
    ]);
    expect(q1.weightedDays.toString()).toBe("8.5");
    expect(q1.daysEmployed).toBe(45);
    expect(q1.factor.equals(new Decimal("8.5").div(45))).toBe(true);
    expect(q1.quota.toString()).toBe("17000");
    expect(q1.trace).toBe(
      "ramp from hire 2026-02-15: 28 days in month 1 × 0 + 17 days in month 2 × 0.5 = 8.5 of 45 days employed → " +
        "factor 0.188889…; quota 90,000 × 8.5/45 = 17,000",
    );
    // Q2: 14 days (Apr 1..14) × 0.5 = 7, + 77 days (Apr 15..Jun 30: 16 + 31 + 30) × 1 = 84 of 91 days
    //     factor 84/91 = 12/13; quota 91,000 × 84/91 = 84,000
    const q2 = rampQuota({
      quota: new Decimal(91000),
      period: Q2,
      hireDate: "2026-02-15",
      schedule: [0, "0.5"],
    });
    expect(q2.parts.map((p) => [p.month, p.afterSchedule, p.days, p.factor.toString()])).toEqual([
      [2, false, 14, "0.5"],
      [3, true, 77, "1"],
    ]);
    expect(q2.factor.equals(new Decimal(12).div(13))).toBe(true);
    expect(q2.quota.toString()).toBe("84000");
  });

  it("applies the issue's schedule 0, 25%, 50%, 75% from a hire on the 1st", () => {
    // hire Jan 1: months 1–3 are Jan, Feb, Mar: 31 × 0 + 28 × 0.25 + 31 × 0.5 = 7 + 15.5 = 22.5 of 90 → 0.25
    const schedule = [0, "0.25", "0.5", "0.75"];
    const q1 = rampQuota({ quota: 100000, period: Q1, hireDate: "2026-01-01", schedule });
    expect(q1.factor.toString()).toBe("0.25");
    expect(q1.quota.toString()).toBe("25000");
    // Q2: April is month 4: 30 × 0.75 = 22.5, May + June 61 × 1 → 83.5 of 91
    const q2 = rampQuota({ quota: 91000, period: Q2, hireDate: "2026-01-01", schedule });
    expect(q2.weightedDays.toString()).toBe("83.5");
    expect(q2.quota.toString()).toBe("83500");
  });

  it("clamps tenure months at month ends (a hire on Jan 31)", () => {
    // hire 2026-01-31: month 1 = Jan 31..Feb 27, month 2 starts Feb 28 (Jan 31 + 1 month, clamped).
    // February (28 days): Feb 1..27 = 27 days × 0, Feb 28 = 1 day × 1 → factor 1/28
    const feb = rampQuota({
      quota: 28000,
      period: { start: "2026-02-01", end: "2026-02-28" },
      hireDate: "2026-01-31",
      schedule: [0],
    });
    expect(feb.parts.map((p) => [p.month, p.days])).toEqual([
      [1, 27],
      [2, 1],
    ]);
    expect(feb.quota.toString()).toBe("1000");
  });

  it("averages over days employed only: leave days and days after termination do not count", () => {
    // hire Feb 15, [0, 0.5]; leave Mar 20–24 (5 days, in month 2) → Q1 employed 45 − 5 = 40 days:
    // 28 × 0 + 12 × 0.5 = 6 → factor 6/40 = 0.15
    const r = rampQuota({
      quota: 100000,
      period: Q1,
      hireDate: "2026-02-15",
      schedule: [0, "0.5"],
      leaves: [{ start: "2026-03-20", end: "2026-03-24" }],
    });
    expect([r.daysEmployed, r.weightedDays.toString(), r.factor.toString()]).toEqual([40, "6", "0.15"]);
    // terminated Mar 4 → only month 1 days (Feb 15..Mar 4 = 18) × 0 → factor 0
    const t = rampQuota({
      quota: 100000,
      period: Q1,
      hireDate: "2026-02-15",
      schedule: [0, "0.5"],
      terminationDate: "2026-03-04",
    });
    expect([t.daysEmployed, t.factor.toString()]).toEqual([18, "0"]);
  });

  it("is 1 once the schedule is over and 0 before the hire", () => {
    const done = rampQuota({ quota: 90000, period: Q1, hireDate: "2025-01-10", schedule: [0, "0.5"] });
    expect([done.factor.toString(), done.quota.toString()]).toEqual(["1", "90000"]);
    const before = rampQuota({ quota: 90000, period: Q1, hireDate: "2026-05-01", schedule: [0, "0.5"] });
    expect([before.factor.toString(), before.quota.toString(), before.daysEmployed]).toEqual(["0", "0", 0]);
    expect(before.trace).toContain("no day employed");
  });

  it("refuses negative or non-numeric factors with RAMP_INVALID", () => {
    for (const schedule of [["-0.5"], ["half"]]) {
      try {
        rampQuota({ quota: 1, period: Q1, hireDate: "2026-01-01", schedule });
        expect.unreachable();
      } catch (e) {
        expect((e as CompplanError).code).toBe(RAMP_INVALID);
        expect((e as Error).message).toContain("tenure month 1");
      }
    }
  });

  it("property: ramp-weighted days over the months (or quarters) add up to those over the year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200, max: 380 }),
        fc.array(
          fc.integer({ min: 0, max: 100 }).map((p) => new Decimal(p).div(100)),
          { maxLength: 8 },
        ),
        fc.constantFrom("month", "quarter"),
        (hireOffset, schedule, kind) => {
          const yearStart = "2026-01-01";
          const hireDate = plusDays(yearStart, hireOffset);
          const year = periodsOfYear(yearStart, "year")[0]!;
          const whole = rampQuota({ quota: 1, period: year, hireDate, schedule });
          const pieces = periodsOfYear(yearStart, kind).map((period) =>
            rampQuota({ quota: 1, period, hireDate, schedule }),
          );
          const sum = pieces.reduce((s, p) => s.plus(p.weightedDays), new Decimal(0));
          expect(sum.equals(whole.weightedDays)).toBe(true);
          expect(pieces.reduce((s, p) => s + p.daysEmployed, 0)).toBe(whole.daysEmployed);
        },
      ),
      { numRuns: 200 },
    );
  });
});
