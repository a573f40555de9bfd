import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixedUnits, fixedUnitsOfNumber } from "../../src/money/fixed.js";
import { Decimal, MAX_DIGITS, tryDecimal } from "../../src/money/index.js";

// Integer digits (leading zeros aside) plus decimals (trailing zeros aside), counted on the text by hand.
function digitsOf(int: string, frac: string): number {
  return int.replace(/^0+/, "").length + frac.replace(/0+$/, "").length;
}

describe("tryDecimal: at most MAX_DIGITS digits", () => {
  it("takes 24 digits and refuses 25, whatever form the number has", () => {
    expect(MAX_DIGITS).toBe(24);
    // 20 integer digits + 4 decimals = 24; one more decimal is 25.
    expect(tryDecimal("12345678901234567890.1234").ok).toBe(true);
    expect(tryDecimal("12345678901234567890.12345")).toEqual({
      ok: false,
      message: 'expected at most 24 digits, got 25 in "12345678901234567890.12345"',
    });
    // Leading zeros and trailing zeros are not digits of the value: 0000.5000 has one.
    expect(tryDecimal(`${"0".repeat(40)}.5${"0".repeat(40)}`).ok).toBe(true);
    // 0.000…01 with 24 decimals has 24 digits; with 25, 25.
    expect(tryDecimal(`0.${"0".repeat(23)}1`).ok).toBe(true);
    expect(tryDecimal(`0.${"0".repeat(24)}1`).ok).toBe(false);
    // Numbers: 1e24 is written with 25 digits; 1e23 with 24; 1e-25 has 25 decimals.
    expect(tryDecimal(1e23).ok).toBe(true);
    expect(tryDecimal(1e24)).toEqual({
      ok: false,
      message: 'expected at most 24 digits, got 25 in "1000000000000000000000000"',
    });
    expect(tryDecimal(1e-25).ok).toBe(false);
    expect(tryDecimal(1.5e300).ok).toBe(false);
    // Bigints: 10^23 has 24 digits, 10^24 has 25.
    expect(tryDecimal(10n ** 23n).ok).toBe(true);
    expect(tryDecimal(-(10n ** 24n)).ok).toBe(false);
  });

  it("takes a Decimal of up to the precision's 60 significant digits (compplan's own results) and no more", () => {
    // 1,000,000 ÷ 3 = 333,333.33… rounded to 60 significant digits, as a prorated quota is.
    const third = new Decimal(1_000_000).div(3);
    expect(third.sd()).toBe(60);
    expect(tryDecimal(third)).toEqual({ ok: true, value: third });
    expect(tryDecimal(new Decimal(`1${"0".repeat(59)}1`)).ok).toBe(false); // 61 significant digits
    expect(tryDecimal(new Decimal("1e60")).ok).toBe(false); // 61 integer digits
    expect(tryDecimal(new Decimal(Number.NaN))).toEqual({
      ok: false,
      message: "expected a finite number, got NaN",
    });
    expect(tryDecimal(new Decimal(Number.POSITIVE_INFINITY)).ok).toBe(false);
  });

  it("refuses a 20,000,000-character text by its length, quoting only its start", () => {
    const cell = "1".repeat(20_000_000);
    const parsed = tryDecimal(cell);
    expect(parsed).toEqual({
      ok: false,
      message: `expected a decimal number of at most 24 digits, got "${"1".repeat(40)}"… (20,000,000 characters)`,
    });
    expect(tryDecimal("x".repeat(50))).toEqual({
      ok: false,
      message: `expected a decimal number such as 1000.50, got "${"x".repeat(40)}"… (50 characters)`,
    });
  });

  it("property: a decimal text is taken exactly when it has at most 24 digits", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("", "-", "+"),
        fc.stringMatching(/^\d{0,32}$/),
        fc.stringMatching(/^\d{0,32}$/),
        (sign, int, frac) => {
          const text = `${sign}${int || "0"}${frac ? `.${frac}` : ""}`;
          const parsed = tryDecimal(text);
          const digits = digitsOf(int, frac);
          expect(parsed.ok).toBe(digits <= MAX_DIGITS);
          if (parsed.ok) expect(parsed.value.eq(new Decimal(text))).toBe(true);
          else expect(parsed.message).toContain(`got ${digits} in`);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("property: the fast path reads nothing tryDecimal refuses (at most 16 digits fit in 2^53 millionths)", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^-?\d{0,30}(\.\d{0,8})?$/),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (text, n) => {
          if (!Number.isNaN(fixedUnits(text))) expect(tryDecimal(text).ok).toBe(true);
          if (!Number.isNaN(fixedUnitsOfNumber(n))) expect(tryDecimal(n).ok).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
