import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PayPeriodKind, periodsOfYear, plusDays } from "../../src/calendar/index.js";
import { periodQuota, sharesFromHistory } from "../../src/goals/index.js";
import { Decimal } from "../../src/money/index.js";

const quarters = periodsOfYear("2026-01-01", "quarter"); // Q1 90, Q2 91, Q3 92, Q4 92 days

describe("periodQuota", () => {
  it("seasonalizes a full-period quota, with the step in the trace", () => {
    // 1,000,000 × Q3 share 0.25 = 250,000, employed all of Q3
    const r = periodQuota({
      annual: 1000000,
      shares: ["0.2", "0.3", "0.25", "0.25"],
      periodIndex: 2,
      periodCount: 4,
      period: quarters[2]!,
    });
    expect(r.quota.toString()).toBe("250000");
    expect(r.trace).toEqual(["annual 1,000,000 × 2026-Q3 share 0.25 = 250,000"]);
  });

  it("prorates by days employed after seasonality", () => {
    // Q3 = Jul 1..Sep 30 = 92 days; hired Aug 17 → Aug 17..31 (15) + Sep (30) = 45 days
    // 250,000 × 45/92 = 122,282.608695…
    const r = periodQuota({
      annual: 1000000,
      shares: ["0.2", "0.3", "0.25", "0.25"],
      periodIndex: 2,
      periodCount: 4,
      period: quarters[2]!,
      hireDate: "2026-08-17",
    });
    expect(r.quota.equals(new Decimal(250000).times(45).div(92))).toBe(true);
    expect(r.trace).toEqual([
      "annual 1,000,000 × 2026-Q3 share 0.25 = 250,000",
      "× 45/92 days employed (hired 2026-08-17) = 122,282.61…",
    ]);
    expect([r.proration.daysEmployed, r.proration.daysInPeriod]).toEqual([45, 92]);
  });

  it("gives a hire on the 15th of a 90-day quarter 76/90 of the quarter's quota", () => {
    // 360,000 / 4 = 90,000 for Q1; Jan 15..Mar 31 = 76 of 90 days → 90,000 × 76/90 = 76,000
    const r = periodQuota({
      annual: 360000,
      periodIndex: 0,
      periodCount: 4,
      period: quarters[0]!,
      hireDate: "2026-01-15",
    });
    expect(r.quota.toString()).toBe("76000");
    expect(r.trace).toEqual([
      "annual 360,000 ÷ 4 periods = 90,000 for 2026-Q1",
      "× 76/90 days employed (hired 2026-01-15) = 76,000",
    ]);
  });

  it("composes seasonality, ramp and proration across a quarter boundary", () => {
    // annual 360,000 / 4 = 90,000 a quarter; hired Feb 15 with ramp [0, 0.5].
    // Q1: ramp 8.5/45 (28 days × 0, 17 days × 0.5), employed 45/90 → 90,000 × 8.5/90 = 8,500
    const q1 = periodQuota({
      annual: 360000,
      periodIndex: 0,
      periodCount: 4,
      period: quarters[0]!,
      hireDate: "2026-02-15",
      ramp: [0, "0.5"],
    });
    expect(q1.quota.toString()).toBe("8500");
    expect(q1.trace).toEqual([
      "annual 360,000 ÷ 4 periods = 90,000 for 2026-Q1",
      "× ramp 8.5/45 from hire 2026-02-15 (28 days in month 1 × 0 + 17 days in month 2 × 0.5) = 17,000",
      "× 45/90 days employed (hired 2026-02-15) = 8,500",
    ]);
    // Q2: employed all 91 days; ramp 14 × 0.5 + 77 × 1 = 84 of 91 → 90,000 × 84/91 = 83,076.923076…
    const q2 = periodQuota({
      annual: 360000,
      periodIndex: 1,
      periodCount: 4,
      period: quarters[1]!,
      hireDate: "2026-02-15",
      ramp: [0, "0.5"],
    });
    expect(q2.quota.equals(new Decimal(90000).times(84).div(91))).toBe(true);
    expect(q2.trace).toHaveLength(2);
    // Q3: ramp complete, employed all quarter → 90,000 and no ramp line
    const q3 = periodQuota({
      annual: 360000,
      periodIndex: 2,
      periodCount: 4,
      period: quarters[2]!,
      hireDate: "2026-02-15",
      ramp: [0, "0.5"],
    });
    expect([q3.quota.toString(), q3.trace.length]).toEqual(["90000", 1]);
  });

  it("says so when a ramp cannot apply for want of a hire date", () => {
    const r = periodQuota({ annual: 400, periodIndex: 0, periodCount: 4, period: quarters[0]!, ramp: [0] });
    expect(r.quota.toString()).toBe("100");
    expect(r.trace).toContain("no hire date: ramp not applied");
  });

  it("property: a full-year employee's period quotas sum exactly to the annual quota, with and without seasonality", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.constantFrom<PayPeriodKind>("month", "quarter", "half", "year"),
        fc.option(fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 12, maxLength: 12 }), {
          nil: undefined,
        }),
        fc.integer({ min: 2020, max: 2030 }),
        fc.boolean(),
        (cents, kind, history, year, withFinishedRamp) => {
          const annual = new Decimal(cents.toString()).div(100);
          const periods = periodsOfYear(`${year}-01-01`, kind);
          const shares = history ? sharesFromHistory(history.slice(0, periods.length)) : undefined;
          // hired long before the year: a ramp in the plan is over, and must not disturb the sum
          const extra = withFinishedRamp
            ? { hireDate: plusDays(`${year}-01-01`, -400), ramp: [0, "0.5"] }
            : {};
          const quotas = periods.map(
            (period, i) =>
              periodQuota({ annual, shares, periodIndex: i, periodCount: periods.length, period, ...extra })
                .quota,
          );
          expect(quotas.reduce((s, q) => s.plus(q), new Decimal(0)).equals(annual)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
