// The engine's per-participant schedules take short cuts: quotaSchedule seasonalizes once instead of calling
// periodQuota per period, targetSchedule divides once for whole periods, prorations count days without writing
// segments, and whole or empty periods are the constants 1 and 0. These tests hold each short cut equal to the
// long way it replaces, on random employment.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PayPeriodKind, periodsOfYear, plusDays } from "../../src/calendar/index.js";
import { employedDays } from "../../src/goals/employedSegments.js";
import {
  employedSegments,
  periodQuota,
  prorationFactor,
  quotaSchedule,
  targetSchedule,
} from "../../src/goals/index.js";
import { dayFactor } from "../../src/goals/prorate.js";
import { Decimal } from "../../src/money/index.js";

const kind = fc.constantFrom<PayPeriodKind>("month", "quarter", "half", "year");
// Hire and termination anywhere from the year before to the year after (or absent), termination not before hire.
const offset = fc.option(fc.integer({ min: -400, max: 760 }), { nil: undefined });
const employment = fc.tuple(offset, offset).map(([a, b]) => {
  const hire = a === undefined ? null : plusDays("2026-01-01", a);
  let term = b === undefined ? null : plusDays("2026-01-01", b);
  if (hire && term && term < hire) term = hire;
  return { hireDate: hire, terminationDate: term };
});
const amount = fc.oneof(
  fc.integer({ min: 0, max: 5_000_000 }).map(String),
  fc
    .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }))
    .map(([i, c]) => `${i}.${c}`),
  fc.integer({ min: 1, max: 999 }).map((x) => new Decimal(1_000_000).div(x)),
  // 55 to 58 significant digits: at the edge where annual × days stops fitting in the precision
  fc
    .tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 55, max: 58 }))
    .map(([x, sd]) => new Decimal(1_000_000).div(x).toSignificantDigits(sd)),
);

describe("quotaSchedule", () => {
  it("equals periodQuota period by period, with seasonality, proration and ramp", () => {
    const ramp = fc.option(
      fc.array(fc.constantFrom("0", "0.25", "0.5", "1"), { minLength: 1, maxLength: 4 }),
      {
        nil: undefined,
      },
    );
    fc.assert(
      fc.property(kind, amount, employment, ramp, fc.boolean(), (k, annual, who, r, seasonal) => {
        const periods = periodsOfYear("2026-01-01", k);
        const shares = seasonal && periods.length === 4 ? ["0.2", "0.25", "0.25", "0.3"] : undefined;
        const schedule = quotaSchedule({ annual, periods, shares, ...who, ramp: r });
        const long = periods.map(
          (period, periodIndex) =>
            periodQuota({
              annual,
              ...(shares ? { shares } : {}),
              periodIndex,
              periodCount: periods.length,
              period,
              ...who,
              ...(r ? { ramp: r } : {}),
            }).quota,
        );
        expect(schedule.perPeriod.map(String)).toEqual(long.map(String));
        expect(schedule.year.toString()).toBe(long.reduce((s, x) => s.plus(x), new Decimal(0)).toString());
      }),
      { numRuns: 400 },
    );
  });

  it("reports bad arguments as periodQuota does", () => {
    const periods = periodsOfYear("2026-01-01", "quarter");
    expect(() => quotaSchedule({ annual: 1, periods, shares: ["0.5", "0.5", "0", "0.1"] })).toThrow(
      /sum to exactly 1/,
    );
    expect(() => quotaSchedule({ annual: 1, periods, hireDate: "2026-02-30" })).toThrow(/hireDate/);
    expect(() =>
      quotaSchedule({ annual: 1, periods, hireDate: "2026-03-01", terminationDate: "2026-02-01" }),
    ).toThrow(/before hireDate/);
  });
});

describe("targetSchedule", () => {
  it("equals annual × days employed ÷ (periods × days in period), period by period", () => {
    fc.assert(
      fc.property(kind, amount, employment, (k, annual, who) => {
        const periods = periodsOfYear("2026-01-01", k);
        const a = new Decimal(annual);
        const schedule = targetSchedule({ annual, periods, ...who });
        const long = periods.map((period) => {
          const { daysEmployed, daysInPeriod } = prorationFactor({ period, ...who });
          return a.times(daysEmployed).div(periods.length * daysInPeriod);
        });
        expect(schedule.perPeriod.map(String)).toEqual(long.map(String));
        expect(schedule.year.toString()).toBe(long.reduce((s, x) => s.plus(x), new Decimal(0)).toString());
      }),
      { numRuns: 400 },
    );
  });
});

describe("employedDays and dayFactor", () => {
  it("count what employedSegments counts, and divide as decimal.js does", () => {
    fc.assert(
      fc.property(kind, employment, (k, who) => {
        for (const period of periodsOfYear("2026-01-01", k)) {
          const long = employedSegments({ period, ...who });
          const days = employedDays({ period, ...who });
          expect(days).toEqual({ daysEmployed: long.daysEmployed, daysInPeriod: long.daysInPeriod });
          const factor = dayFactor(days.daysEmployed, days.daysInPeriod);
          expect(factor.toString()).toBe(new Decimal(days.daysEmployed).div(days.daysInPeriod).toString());
          expect(prorationFactor({ period, ...who }).factor.toString()).toBe(factor.toString());
        }
      }),
      { numRuns: 300 },
    );
  });

  it("leaves leaves to employedSegments", () => {
    const period = { start: "2026-01-01", end: "2026-03-31" };
    const leaves = [{ start: "2026-02-01", end: "2026-02-10" }];
    expect(employedDays({ period, hireDate: "2026-01-15", leaves })).toEqual({
      daysEmployed: 66,
      daysInPeriod: 90,
    });
  });
});
