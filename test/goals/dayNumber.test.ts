// Day numbers are integer arithmetic on the digits of an ISO date (src/goals/dayNumber.ts), and tryDate reads a
// well-formed date by character codes before its regular expression: both held equal to the Date-based way.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysInclusive, plusDays, plusMonths, tryDate } from "../../src/calendar/index.js";
import { fromDayNumber, plusMonthsDay, toDayNumber } from "../../src/goals/dayNumber.js";

const MS_PER_DAY = 86_400_000;
// Every calendar date from 1000-01-01 to 9999-12-31, as a day number and its ISO text (the Date way).
const FIRST = Date.UTC(1000, 0, 1) / MS_PER_DAY;
const LAST = Date.UTC(9999, 11, 31) / MS_PER_DAY;
const day = fc.integer({ min: FIRST, max: LAST });
const isoOf = (n: number) => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);

describe("day numbers", () => {
  it("read and write worked examples", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("1970-01-02")).toBe(1);
    expect(toDayNumber("1969-12-31")).toBe(-1);
    // 2024 is a leap year, 2100 is not, 2000 is
    expect(toDayNumber("2024-03-01") - toDayNumber("2024-02-28")).toBe(2);
    expect(toDayNumber("2100-03-01") - toDayNumber("2100-02-28")).toBe(1);
    expect(toDayNumber("2000-03-01") - toDayNumber("2000-02-28")).toBe(2);
    expect(fromDayNumber(toDayNumber("2026-12-31"))).toBe("2026-12-31");
  });

  it("equal Date.UTC both ways, on every date from year 1000 to 9999", () => {
    fc.assert(
      fc.property(day, (n) => {
        const iso = isoOf(n);
        expect(toDayNumber(iso)).toBe(n);
        expect(fromDayNumber(n)).toBe(iso);
      }),
      { numRuns: 20000 },
    );
  });

  it("count and step days as the calendar module does", () => {
    const near = fc.integer({
      min: Date.UTC(1990, 0, 1) / MS_PER_DAY,
      max: Date.UTC(2060, 0, 1) / MS_PER_DAY,
    });
    fc.assert(
      fc.property(near, fc.integer({ min: 0, max: 800 }), (n, k) => {
        const a = isoOf(n);
        const b = plusDays(a, k);
        expect(toDayNumber(b) - toDayNumber(a)).toBe(k);
        expect(daysInclusive(a, b)).toBe(k + 1);
        expect(fromDayNumber(n + k)).toBe(b);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("plusMonthsDay", () => {
  it("adds months as calendar's plusMonths does, clamping to the month's end", () => {
    expect(fromDayNumber(plusMonthsDay("2026-01-31", 1))).toBe("2026-02-28");
    expect(fromDayNumber(plusMonthsDay("2024-01-31", 1))).toBe("2024-02-29");
    expect(fromDayNumber(plusMonthsDay("2026-11-15", 14))).toBe("2028-01-15");
    const near = fc.integer({
      min: Date.UTC(1990, 0, 1) / MS_PER_DAY,
      max: Date.UTC(2060, 0, 1) / MS_PER_DAY,
    });
    fc.assert(
      fc.property(near, fc.integer({ min: 0, max: 40 }), (n, k) => {
        const a = isoOf(n);
        expect(fromDayNumber(plusMonthsDay(a, k))).toBe(plusMonths(a, k));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("tryDate", () => {
  // The way tryDate checked every date before it read well-formed ones by character codes.
  const slow = (text: string) => {
    if (!/^(\d{4})-(\d{2})-(\d{2})$/.test(text)) return false;
    const [y, m, d] = text.split("-").map(Number) as [number, number, number];
    const local = new Date(y, m - 1, d);
    return local.getFullYear() === y && local.getMonth() === m - 1 && local.getDate() === d;
  };
  const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
  const dateLike = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`);

  it("accepts and refuses exactly what the Date-based check did", () => {
    fc.assert(
      fc.property(
        fc.oneof(dateLike, fc.constantFrom("2026-02-29", "2024-02-29", "0099-01-01", "0150-06-30")),
        (text) => {
          expect(tryDate(text).ok).toBe(slow(text));
        },
      ),
      { numRuns: 20000 },
    );
    // near misses still get their explanation
    expect(tryDate("2026-02-30")).toEqual({ ok: false, message: "2026-02-30 is not a calendar date" });
    expect(tryDate(" 2026-02-03 ")).toEqual({ ok: true, value: "2026-02-03" });
    expect(tryDate("2026-2-3").ok).toBe(false);
  });
});
