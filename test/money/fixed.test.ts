import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addFixed,
  FIXED_SCALE,
  fixedPlus,
  fixedRate,
  fixedShare,
  fixedShareOf,
  fixedSums,
  fixedTimesText,
  fixedToDecimal,
  fixedToString,
  fixedUnits,
  fixedUnitsOfNumber,
  sumOf,
} from "../../src/money/fixed.js";
import { Decimal, tryDecimal } from "../../src/money/index.js";

// Decimal texts of every shape the inputs carry: signs, no integer part, no fraction, long fractions, huge.
const decimalText = fc
  .tuple(
    fc.constantFrom("", "-", "+"),
    fc.stringMatching(/^\d{0,18}$/),
    fc.option(fc.stringMatching(/^\d{0,9}$/), { nil: undefined }),
    fc.constantFrom("", " "),
  )
  .map(([sign, int, frac, pad]) => `${pad}${sign}${int}${frac === undefined ? "" : `.${frac}`}${pad}`);

const MAX = new Decimal(Number.MAX_SAFE_INTEGER);
const fits = (d: Decimal) => d.decimalPlaces() <= FIXED_SCALE && d.times(1e6).abs().lte(MAX);

describe("fixedUnits", () => {
  it("reads worked examples", () => {
    // 1843.27 × 10^6 = 1,843,270,000
    expect(fixedUnits("1843.27")).toBe(1_843_270_000);
    expect(fixedUnits(" -0.5 ")).toBe(-500_000);
    expect(fixedUnits("12.")).toBe(12_000_000);
    expect(fixedUnits(".5")).toBe(500_000);
    expect(Object.is(fixedUnits("-0.00"), 0)).toBe(true);
    // Seven decimals, or 9,007,199,254.740992 (one millionth past 2^53 − 1 millionths): kept as Decimals.
    expect(fixedUnits("0.1234567")).toBeNaN();
    expect(fixedUnits("9007199254.740991")).toBe(Number.MAX_SAFE_INTEGER);
    expect(fixedUnits("9007199254.740992")).toBeNaN();
    for (const bad of ["", " ", "-", ".", "1,000", "1e3", "abc", "NaN", "1.2.3", "--1"])
      expect(fixedUnits(bad)).toBeNaN();
  });

  it("is exactly decimal.js whenever it gives a number, and gives one whenever the value fits", () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const units = fixedUnits(text);
        const parsed = tryDecimal(text);
        if (!parsed.ok) return Number.isNaN(units);
        if (Number.isNaN(units))
          return !fits(parsed.value) || parsed.value.decimalPlaces() > FIXED_SCALE || /\.\d{7,}/.test(text);
        return Number.isSafeInteger(units) && fixedToDecimal(units).equals(parsed.value);
      }),
      { numRuns: 5000 },
    );
  });

  it("reads numbers through their shortest text", () => {
    expect(fixedUnitsOfNumber(0.1)).toBe(100_000);
    expect(fixedUnitsOfNumber(1000.5)).toBe(1_000_500_000);
    expect(fixedUnitsOfNumber(Number.NaN)).toBeNaN();
    expect(fixedUnitsOfNumber(1e21)).toBeNaN();
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const units = fixedUnitsOfNumber(n);
        return Number.isNaN(units) || fixedToDecimal(units).equals(new Decimal(String(n)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("fixedShareOf", () => {
  it("multiplies exactly", () => {
    // 1,843.27 × 0.6 = 1,105.962
    expect(fixedShareOf(1_843_270_000, fixedShare(600_000))).toBe(1_105_962_000);
    // 0.01 × 0.3333 = 0.003333
    expect(fixedShareOf(10_000, fixedShare(333_300))).toBe(3_333);
    // 0.01 × 0.333333 = 0.00333333: eight decimals, does not fit
    expect(fixedShareOf(10_000, fixedShare(333_333))).toBeNaN();
  });

  it("is exactly decimal.js whenever it gives a number", () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 1, max: 1_000_000 }), (text, shareUnits) => {
        const amount = fixedUnits(text);
        if (Number.isNaN(amount)) return true;
        const product = fixedShareOf(amount, fixedShare(shareUnits));
        const exact = fixedToDecimal(amount).times(fixedToDecimal(shareUnits));
        // NaN (keep it as a Decimal) only when the result does not fit, or amount × the share's numerator does not.
        const numerator = fixedShare(shareUnits).numerator;
        if (Number.isNaN(product)) return !fits(exact) || !Number.isSafeInteger(amount * numerator);
        return fixedToDecimal(product).equals(exact);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("fixed sums", () => {
  it("add exactly, spilling into Decimals past 2^53 millionths", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(3), decimalText), { maxLength: 60 }),
        fc.array(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), { maxLength: 5 }),
        (adds, huge) => {
          const sums = fixedSums(4);
          const expected = [0, 1, 2, 3].map(() => new Decimal(0));
          const all: [number, Decimal][] = [];
          for (const [slot, text] of adds) {
            const d = tryDecimal(text);
            if (d.ok) all.push([slot, d.value]);
          }
          huge.forEach((b, i) => {
            all.push([i % 4, new Decimal(b.toString()).div(1000)]);
          });
          for (const [slot, value] of all) {
            const units = fixedUnits(value.toFixed());
            addFixed(sums, slot, units, value);
            expected[slot] = (expected[slot] as Decimal).plus(value);
          }
          return expected.every((e, slot) => sumOf(sums, slot).equals(e));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("fixedPlus refuses what would pass 2^53", () => {
    expect(fixedPlus(1_500_000, 2_250_000)).toBe(3_750_000);
    expect(fixedPlus(Number.MAX_SAFE_INTEGER, 1)).toBeNaN();
    expect(fixedPlus(-Number.MAX_SAFE_INTEGER, -1)).toBeNaN();
  });
});

describe("fixedToString", () => {
  it("writes millionths as decimal.js writes the same value", () => {
    // 1,843,270,000 millionths = 1843.27; −500,000 = −0.5; 7 = 0.000007
    expect([
      fixedToString(1_843_270_000),
      fixedToString(-500_000),
      fixedToString(7),
      fixedToString(0),
    ]).toEqual(["1843.27", "-0.5", "0.000007", "0"]);
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (units) => {
        return fixedToString(units) === new Decimal(units).div(1_000_000).toString();
      }),
      { numRuns: 5000 },
    );
  });
});

describe("fixedTimesText", () => {
  const times = (units: number, rate: Decimal) => fixedToDecimal(units).times(rate).toString();

  it("writes worked examples as decimal.js does", () => {
    // 1,843.27 × 0.04 = 73.7308
    expect(fixedTimesText(1_843_270_000, fixedRate(new Decimal("0.04")))).toBe("73.7308");
    // 1,000 × 1.5 × (80,000 ÷ 1,350,000): the rate is 0.0888… to 60 digits, the product rounded to 60 digits
    const rate = new Decimal("1.5").times(new Decimal(80_000).div(1_350_000));
    expect(fixedTimesText(1_000_000_000, fixedRate(rate))).toBe(times(1_000_000_000, rate));
    expect(fixedTimesText(-2_500_000, fixedRate(new Decimal("-0.5")))).toBe("1.25");
    expect(fixedTimesText(0, fixedRate(new Decimal("-0.5")))).toBe("0");
    expect(fixedTimesText(7, fixedRate(new Decimal("3")))).toBe("0.000021");
    expect(fixedTimesText(1_000_000, fixedRate(new Decimal("1e-70")))).toBe(new Decimal("1e-70").toString());
  });

  it("rounds a product past 60 digits half-up, carrying through nines", () => {
    // 0.99…9 (60 nines) × 1.5: the exact product has 61 digits and rounds up through all of them.
    const nines = new Decimal(`0.${"9".repeat(60)}`);
    expect(fixedTimesText(1_500_000, fixedRate(nines))).toBe(times(1_500_000, nines));
    expect(fixedTimesText(1_000_001, fixedRate(nines))).toBe(times(1_000_001, nines));
  });

  // Rates as plans make them: short decimals, and multiples of a target ÷ quota to 60 digits.
  const rate = fc.oneof(
    fc
      .tuple(fc.constantFrom("", "-"), fc.stringMatching(/^\d{1,3}$/), fc.stringMatching(/^\d{0,8}$/))
      .map(([sign, int, frac]) => new Decimal(`${sign}${int}${frac ? `.${frac}` : ""}`)),
    fc
      .tuple(
        fc.constantFrom("0.5", "1", "1.5", "2", "3.25"),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100_000_000 }),
      )
      .map(([m, target, quota]) => new Decimal(m).times(new Decimal(target).div(quota))),
    fc.stringMatching(/^0\.\d{1,70}$/).map((t) => new Decimal(t)),
  );
  it("is decimal.js's product, digit for digit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        rate,
        (units, r) => fixedTimesText(units, fixedRate(r)) === times(units, r),
      ),
      { numRuns: 5000 },
    );
  });
});
