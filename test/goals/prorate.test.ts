import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysInclusive, periodsOfYear, plusDays } from "../../src/calendar/index.js";
import type { CompplanError } from "../../src/errors/index.js";
import { employedSegments, INVALID_ARGUMENT, prorate, prorationFactor } from "../../src/goals/index.js";
import { Decimal } from "../../src/money/index.js";

const Q1 = { start: "2026-01-01", end: "2026-03-31" }; // 31 + 28 + 31 = 90 days

describe("prorationFactor", () => {
  it("gives a hire on the 15th of a 90-day quarter 76/90", () => {
    // Jan 15..Jan 31 = 17 days, + Feb 28 + Mar 31 = 76 days employed of 90
    const p = prorationFactor({ period: Q1, hireDate: "2026-01-15" });
    expect(p.daysEmployed).toBe(76);
    expect(p.daysInPeriod).toBe(90);
    expect(p.factor.equals(new Decimal(76).div(90))).toBe(true);
    // not rounded: 0.8444… to Decimal precision
    expect(p.factor.decimalPlaces()).toBeGreaterThan(40);
  });

  it("counts the termination day as employed", () => {
    // Jan 1..Feb 14 = 31 + 14 = 45 of 90 → exactly 0.5
    const p = prorationFactor({ period: Q1, terminationDate: "2026-02-14" });
    expect([p.daysEmployed, p.factor.toString()]).toEqual([45, "0.5"]);
    // hire Jan 15, termination Mar 16: 17 + 28 + 16 = 61
    expect(
      prorationFactor({ period: Q1, hireDate: "2026-01-15", terminationDate: "2026-03-16" }).daysEmployed,
    ).toBe(61);
    // hired and gone the same day: one day
    expect(
      prorationFactor({ period: Q1, hireDate: "2026-02-02", terminationDate: "2026-02-02" }).daysEmployed,
    ).toBe(1);
  });

  it("excludes leave days, counting overlapping leaves once", () => {
    // hire Jan 15 → 76 days; leaves Feb 1–10 and Feb 5–12 together cover Feb 1–12 = 12 days → 64
    const options = {
      period: Q1,
      hireDate: "2026-01-15",
      leaves: [
        { start: "2026-02-05", end: "2026-02-12" },
        { start: "2026-02-01", end: "2026-02-10" },
      ],
    };
    expect(prorationFactor(options).daysEmployed).toBe(64);
    expect(employedSegments(options).segments).toEqual([
      { start: "2026-01-15", end: "2026-01-31" },
      { start: "2026-02-13", end: "2026-03-31" },
    ]);
    expect(employedSegments(options).leaveDays).toBe(12);
    // a leave from before the hire only removes the days after it: Jan 15..Jan 20 = 6 → 70
    expect(
      prorationFactor({
        period: Q1,
        hireDate: "2026-01-15",
        leaves: [{ start: "2026-01-10", end: "2026-01-20" }],
      }).daysEmployed,
    ).toBe(70);
  });

  it("gives zero outside the employment", () => {
    expect(prorationFactor({ period: Q1, hireDate: "2026-04-01" }).factor.isZero()).toBe(true);
    expect(prorationFactor({ period: Q1, terminationDate: "2025-12-31" }).factor.isZero()).toBe(true);
    expect(prorationFactor({ period: Q1, hireDate: null, terminationDate: null }).factor.toString()).toBe(
      "1",
    );
  });

  it("refuses a termination before the hire, bad dates and reversed ranges", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as CompplanError).code;
      }
    };
    expect(
      code(() => prorationFactor({ period: Q1, hireDate: "2026-02-01", terminationDate: "2026-01-31" })),
    ).toBe(INVALID_ARGUMENT);
    expect(code(() => prorationFactor({ period: Q1, hireDate: "2026-02-30" }))).toBe(INVALID_ARGUMENT);
    expect(code(() => prorationFactor({ period: { start: "2026-03-31", end: "2026-01-01" } }))).toBe(
      INVALID_ARGUMENT,
    );
    expect(
      code(() => prorationFactor({ period: Q1, leaves: [{ start: "2026-02-10", end: "2026-02-01" }] })),
    ).toBe(INVALID_ARGUMENT);
  });
});

describe("prorate", () => {
  it("multiplies before dividing, so an amount that can be exact is", () => {
    // 90,000 × 76 / 90 = 76,000 exactly (not 90,000 × 0.8444…4 = 75,999.999…6)
    expect(prorate(new Decimal(90000), { period: Q1, hireDate: "2026-01-15" }).toString()).toBe("76000");
    // 100,000 × 77/90 = 85,555.555… kept at Decimal precision (hire Jan 14: 18 + 28 + 31 = 77 days)
    const v = prorate(new Decimal(100000), { period: Q1, hireDate: "2026-01-14" });
    expect(v.equals(new Decimal(7700000).div(90))).toBe(true);
    // a full period returns the amount itself
    expect(prorate("1234.56", { period: Q1 }).toString()).toBe("1234.56");
  });

  // --- properties ---

  it("property: counts the same days as the calendar module, across years, leap days and DST changes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20000, max: 20000 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 800 }),
        (a, len, hire) => {
          const start = plusDays("2000-01-01", a);
          const end = plusDays(start, len);
          const hireDate = plusDays(start, hire - 100);
          const p = prorationFactor({ period: { start, end }, hireDate });
          expect(p.daysInPeriod).toBe(daysInclusive(start, end));
          const from = [hireDate, start].sort()[1]!; // the later ISO date
          expect(p.daysEmployed).toBe(daysInclusive(from, end));
          const segments = employedSegments({ period: { start, end }, hireDate }).segments;
          expect(segments).toEqual(p.daysEmployed ? [{ start: from, end }] : []);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: days employed over the months, and over the quarters, sum to the days employed over the year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2023, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -40, max: 400 }),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        fc.array(fc.tuple(fc.integer({ min: -40, max: 400 }), fc.integer({ min: 0, max: 60 })), {
          maxLength: 4,
        }),
        (year, month, hireOffset, tenure, leaveDraws) => {
          const yearStart = `${year}-${String(month).padStart(2, "0")}-01`;
          const [yearPeriod] = periodsOfYear(yearStart, "year");
          const hireDate = plusDays(yearStart, hireOffset);
          const terminationDate = tenure === undefined ? undefined : plusDays(hireDate, tenure);
          const leaves = leaveDraws.map(([s, len]) => ({
            start: plusDays(yearStart, s),
            end: plusDays(yearStart, s + len),
          }));
          const employment = { hireDate, terminationDate, leaves };
          const overYear = prorationFactor({ ...employment, period: yearPeriod! });
          for (const kind of ["month", "quarter", "half"] as const) {
            const periods = periodsOfYear(yearStart, kind);
            const pieces = periods.map((p) => prorationFactor({ ...employment, period: p }));
            expect(pieces.reduce((s, p) => s + p.daysEmployed, 0)).toBe(overYear.daysEmployed);
            expect(pieces.reduce((s, p) => s + p.daysInPeriod, 0)).toBe(overYear.daysInPeriod);
            // an annual amount cut into pieces by calendar days, each prorated, adds up to the annual amount
            // prorated over the year (up to Decimal precision: the pieces are sevenths and 365ths)
            const annual = new Decimal(1200000);
            const prorated = periods
              .map((p, i) =>
                prorate(annual.times(pieces[i]!.daysInPeriod).div(overYear.daysInPeriod), {
                  ...employment,
                  period: p,
                }),
              )
              .reduce((s, x) => s.plus(x), new Decimal(0));
            expect(
              prorated
                .minus(prorate(annual, { ...employment, period: yearPeriod! }))
                .abs()
                .lessThan("1e-40"),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
