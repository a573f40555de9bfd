import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, type Rounding } from "../../src/money/index.js";
import { settle } from "../../src/pay/index.js";
import type { ComponentEarnings } from "../../src/reward/index.js";

const d = (x: string | number) => new Decimal(x);
const HALF_UP: Rounding = { scale: 2, mode: "half-up" };
const HALF_EVEN: Rounding = { scale: 2, mode: "half-even" };

const earnings = (mode: ComponentEarnings["mode"], values: (string | number)[]): ComponentEarnings => ({
  mode,
  values: values.map(d),
  traces: new Map(),
  deals: new Map(),
});

const fixed = (x: Decimal) => x.toFixed(2);

describe("settle, cumulative", () => {
  // earned to date 100.004, 200.008, 300.012, 400.016
  const e = earnings("cumulative", ["100.004", "200.008", "300.012", "400.016"]);

  it("pays rounded earnings to date minus what earlier periods paid", () => {
    // rounded to date: 100.00, 200.01, 300.01, 400.02 → payables 100.00, 100.01, 100.00, 100.01
    const payables = [0, 1, 2, 3].map((p) => settle(e, { rounding: HALF_UP, from: p, through: p }));
    expect(payables.map((s) => fixed(s.amount))).toEqual(["100.00", "100.01", "100.00", "100.01"]);
    expect(payables.map((s) => fixed(s.paidBefore))).toEqual(["0.00", "100.00", "200.01", "300.01"]);
    expect(payables.map((s) => fixed(s.earnedToDate))).toEqual(["100.00", "200.01", "300.01", "400.02"]);
    // sum 400.02 = round(400.016); rounding each period's 100.004 alone would give 4 × 100.00 = 400.00
  });

  it("settles a span as the sum of its periods", () => {
    const h2 = settle(e, { rounding: HALF_UP, from: 2, through: 3 });
    // 400.02 − 200.01 = 200.01 = 100.00 + 100.01
    expect(fixed(h2.amount)).toBe("200.01");
    expect(h2.perPeriod.map((x) => [x.index, fixed(x.amount)])).toEqual([
      [2, "100.00"],
      [3, "100.01"],
    ]);
  });

  it("follows the rounding mode", () => {
    // 10.005 → half-up 10.01, half-even 10.00; 20.01 both
    const e2 = earnings("cumulative", ["10.005", "20.01"]);
    expect(fixed(settle(e2, { rounding: HALF_UP, from: 0, through: 0 }).amount)).toBe("10.01");
    expect(fixed(settle(e2, { rounding: HALF_EVEN, from: 0, through: 0 }).amount)).toBe("10.00");
    expect(fixed(settle(e2, { rounding: HALF_EVEN, from: 1, through: 1 }).amount)).toBe("10.01");
  });

  it("can pay back when earnings to date fall (a reversal)", () => {
    const e3 = earnings("cumulative", ["500", "420.5"]);
    // 420.50 − 500.00 = −79.50
    expect(fixed(settle(e3, { rounding: HALF_UP, from: 1, through: 1 }).amount)).toBe("-79.50");
  });
});

describe("settle, standalone", () => {
  it("rounds each period on its own", () => {
    const e = earnings("standalone", ["10.005", "10.005", "10.005"]);
    const s = settle(e, { rounding: HALF_UP, from: 0, through: 2 });
    // 10.01 × 3 = 30.03 (each period alone; no true-up)
    expect(fixed(s.amount)).toBe("30.03");
    expect(s.perPeriod.map((x) => fixed(x.amount))).toEqual(["10.01", "10.01", "10.01"]);
    const third = settle(e, { rounding: HALF_UP, from: 2, through: 2 });
    // earned to date = the sum of the rounded periods: 30.03; paid before 20.02
    expect([fixed(third.amount), fixed(third.earnedToDate), fixed(third.paidBefore)]).toEqual([
      "10.01",
      "30.03",
      "20.02",
    ]);
  });
});

describe("properties", () => {
  const cumulativeArb = fc
    .array(fc.integer({ min: -1_000_000, max: 10_000_000 }), { minLength: 12, maxLength: 12 })
    .map((xs) => {
      let to = d(0);
      // earned to date with three decimals, so half cents occur
      return xs.map((x) => {
        to = to.plus(d(x).div(1000));
        return to;
      });
    });

  it("the periods of a year add up to the rounded year, in every mode", () => {
    fc.assert(
      fc.property(
        cumulativeArb,
        fc.constantFrom<Rounding["mode"]>("half-up", "half-even", "down", "up"),
        (values, mode) => {
          const e: ComponentEarnings = { mode: "cumulative", values, traces: new Map(), deals: new Map() };
          const rounding = { scale: 2, mode };
          const sum = values
            .map((_, p) => settle(e, { rounding, from: p, through: p }).amount)
            .reduce((s, x) => s.plus(x), d(0));
          const year = settle(e, { rounding, from: 0, through: 11 });
          return sum.eq(year.amount) && year.amount.eq(year.earnedToDate);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("any split of the year into spans pays the same in total", () => {
    fc.assert(
      fc.property(cumulativeArb, fc.integer({ min: 0, max: 10 }), (values, cut) => {
        const e: ComponentEarnings = { mode: "cumulative", values, traces: new Map(), deals: new Map() };
        const a = settle(e, { rounding: HALF_UP, from: 0, through: cut });
        const b = settle(e, { rounding: HALF_UP, from: cut + 1, through: 11 });
        return a.amount.plus(b.amount).eq(settle(e, { rounding: HALF_UP, from: 0, through: 11 }).amount);
      }),
      { numRuns: 100 },
    );
  });
});
