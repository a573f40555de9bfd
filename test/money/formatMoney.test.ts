// The formatters of output lines and traces round a value's printed digits instead of going through decimal.js
// (see src/money/roundMoney.ts). These tests hold them equal, text for text, to the decimal.js way they replaced,
// on random values of every shape a statement carries: amounts with cents, long exact quotients (1/3 at 60
// digits), tiny and huge magnitudes, negatives, zeros, and values sitting exactly on a rounding tie.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Decimal,
  formatAmount,
  formatMoney,
  formatNumber,
  formatPercent,
  type RoundingMode,
  roundMoney,
  ZERO,
} from "../../src/money/index.js";
import { digitsOf, minusZero, scaledDigits, zeroPlus } from "../../src/money/roundMoney.js";

const MODES = {
  "half-up": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
} as const;

// The decimal.js implementations, as they were before the digit-by-digit ones.
const group = (text: string) => {
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const [int = "0", frac] = body.split(".");
  return `${negative ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac ? `.${frac}` : ""}`;
};
const reference = {
  formatNumber(value: Decimal, decimals: number) {
    const cut = value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
    const text = group((cut.isZero() ? new Decimal(0) : cut).toString());
    return cut.equals(value) ? text : `${text}…`;
  },
  formatPercent(fraction: Decimal, decimals: number) {
    const cut = fraction.times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
    return `${group((cut.isZero() ? new Decimal(0) : cut).toString())}%`;
  },
  formatAmount(value: Decimal, scale: number, mode: RoundingMode) {
    const rounded = value.toDecimalPlaces(scale, MODES[mode]);
    const clean = rounded.isZero() ? new Decimal(0) : rounded;
    return group(clean.isInteger() ? clean.toFixed(0) : clean.toFixed(scale));
  },
  formatMoney(value: Decimal, scale: number, mode: RoundingMode) {
    const rounded = value.toDecimalPlaces(scale, MODES[mode]);
    return (rounded.isZero() ? new Decimal(0) : rounded).toFixed(scale);
  },
};

// Digits, a point somewhere (or none), a sign; plus quotients that fill all 60 digits of precision.
const written = fc
  .tuple(
    fc.constantFrom("", "-"),
    fc.stringMatching(/^\d{1,14}$/),
    fc.option(fc.stringMatching(/^\d{1,12}$/), { nil: undefined }),
  )
  .map(([sign, int, frac]) => new Decimal(`${sign}${int}${frac === undefined ? "" : `.${frac}`}`));
const quotient = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 1, max: 10_000 }))
  .map(([a, b]) => new Decimal(a.toString()).div(b));
const scaled = fc
  .tuple(fc.oneof(written, quotient), fc.integer({ min: -30, max: 30 }))
  .map(([x, k]) => x.times(new Decimal(10).pow(k)));
// Ties and nines: 2.345, 0.125, 9.995, -0.005 — where rounding modes disagree and carries run.
const tie = fc
  .tuple(fc.constantFrom("", "-"), fc.stringMatching(/^\d{0,4}$/), fc.stringMatching(/^[059]{0,5}$/))
  .map(([sign, int, frac]) => new Decimal(`${sign}${int || "0"}.${frac}5`));
const value = fc.oneof(written, quotient, scaled, tie, fc.constantFrom(new Decimal(0), new Decimal("-0")));
const places = fc.integer({ min: 0, max: 8 });
const mode = fc.constantFrom<RoundingMode>("half-up", "half-even", "down", "up");

describe("formatters, digit by digit", () => {
  it("formatNumber equals decimal.js", () => {
    fc.assert(
      fc.property(value, places, (x, p) => {
        expect(formatNumber(x, p)).toBe(reference.formatNumber(x, p));
      }),
      { numRuns: 5000 },
    );
  });

  it("formatPercent equals decimal.js", () => {
    fc.assert(
      fc.property(value, places, (x, p) => {
        expect(formatPercent(x, p)).toBe(reference.formatPercent(x, p));
      }),
      { numRuns: 5000 },
    );
  });

  it("formatMoney and formatAmount equal decimal.js in every rounding mode", () => {
    fc.assert(
      fc.property(value, places, mode, (x, scale, m) => {
        expect(formatMoney(x, { scale, mode: m })).toBe(reference.formatMoney(x, scale, m));
        expect(formatAmount(x, scale, m)).toBe(reference.formatAmount(x, scale, m));
        expect(roundMoney(x, { scale, mode: m }).eq(x.toDecimalPlaces(scale, MODES[m]))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("formats worked examples", () => {
    expect(formatNumber(new Decimal(1000000).div(3))).toBe("333,333.33…");
    expect(formatNumber(new Decimal("-0.004"))).toBe("0…");
    expect(formatNumber(new Decimal("999.995"))).toBe("1,000…");
    expect(formatPercent(new Decimal("0.975"))).toBe("97.5%");
    // 2.345 at two decimals: half-up 2.35, half-even 2.34 (4 is even), down 2.34, up 2.35
    const x = new Decimal("2.345");
    expect(
      ["half-up", "half-even", "down", "up"].map((m) =>
        formatMoney(x, { scale: 2, mode: m as RoundingMode }),
      ),
    ).toEqual(["2.35", "2.34", "2.34", "2.35"]);
    expect(formatMoney(new Decimal("-0.001"), { scale: 2, mode: "half-up" })).toBe("0.00");
    expect(formatMoney(new Decimal("-2.5"), { scale: 0, mode: "half-even" })).toBe("-2");
    expect(formatAmount(new Decimal("42500.001"), 2, "up")).toBe("42,500.01");
  });

  it("falls back to decimal.js for values it cannot print digit by digit", () => {
    expect(formatMoney(new Decimal(Number.NaN), { scale: 2, mode: "half-up" })).toBe("NaN");
    expect(formatNumber(new Decimal(Number.POSITIVE_INFINITY))).toBe("Infinity");
  });
});

describe("scaledDigits", () => {
  it("cuts a value as its digits do, wherever the digits fit in a double", () => {
    // -1234.505 at 2 places: ⌊123450.5⌋ = 123450, next digit 5, nothing after it
    expect(scaledDigits(new Decimal("-1234.505"), 2)).toEqual({
      negative: true,
      n: 123450,
      next: 5,
      more: false,
    });
    // 2/3 at 2 places: 66, then 6, then more sixes
    expect(scaledDigits(new Decimal(2).div(3), 2)).toEqual({ negative: false, n: 66, next: 6, more: true });
    // 0.00003 at 2 places: every digit kept is 0, the 3 lies past the next digit
    expect(scaledDigits(new Decimal("0.00003"), 2)).toEqual({ negative: false, n: 0, next: 0, more: true });
    // 10^12 at 2 places needs 16 digits: left to digitsOf
    expect(scaledDigits(new Decimal("1e12"), 2)).toBeUndefined();
    fc.assert(
      fc.property(value, places, (x, p) => {
        const s = scaledDigits(x, p);
        const d = digitsOf(x, p);
        if (s === undefined || d === undefined) return;
        const kept = (d.frac + "0".repeat(p + 1)).slice(0, p + 1);
        const digits = BigInt(d.int + kept);
        expect(BigInt(s.n) * 10n + BigInt(s.next)).toBe(digits);
        expect(s.more).toBe(d.more || d.frac.length > p + 1);
        expect(s.negative).toBe(d.negative);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("zeroPlus and minusZero", () => {
  it("equal 0 + x and x − 0 in value and sign, and skip the copy when nothing changes", () => {
    const long = new Decimal(`1.${"3".repeat(70)}`); // more digits than the precision: 0 + x rounds it
    fc.assert(
      fc.property(fc.oneof(value, fc.constant(long)), (x) => {
        for (const [fast, slow] of [
          [zeroPlus(x), ZERO.plus(x)],
          [minusZero(x), x.minus(ZERO)],
        ] as const) {
          expect(fast.toString()).toBe(slow.toString());
          expect(fast.isNeg()).toBe(slow.isNeg());
        }
      }),
      { numRuns: 3000 },
    );
    const x = new Decimal("12.5");
    expect(zeroPlus(x)).toBe(x);
    expect(minusZero(x)).toBe(x);
    expect(zeroPlus(long)).not.toBe(long);
  });
});
