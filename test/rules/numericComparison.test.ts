import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/money/index.js";
import { builtinOperators } from "../../src/rules/builtinOperators.js";
import { compareDecimalText } from "../../src/rules/compareDecimalText.js";
import { compareNumeric } from "../../src/rules/compareNumeric.js";

const sign = fc.constantFrom("", "", "-", "+");
const digits = (max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: max });
const blanks = fc.constantFrom("", "", " ", "\t");
// Decimal text as people and spreadsheets write it: leading zeros, trailing zeros, ".5", "5.", blanks.
const decimalText = fc
  .tuple(blanks, sign, fc.option(digits(25), { nil: "" }), fc.option(digits(25), { nil: undefined }), blanks)
  .filter(([, , int, frac]) => int !== "" || (frac !== undefined && frac !== ""))
  .map(
    ([before, s, int, frac, after]) => `${before}${s}${int}${frac === undefined ? "" : `.${frac}`}${after}`,
  );

describe("compareDecimalText", () => {
  it("orders decimal text exactly as Decimal does", () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        expect(compareDecimalText(a, b)).toBe(new Decimal(a.trim()).comparedTo(b.trim()));
      }),
      { numRuns: Number(process.env.COMPPLAN_DIFF_RUNS ?? 2000) },
    );
  });

  it("handles the corner cases by hand", () => {
    expect(compareDecimalText("10000000000000000.01", "10000000000000000")).toBe(1);
    expect(compareDecimalText("007.500", "7.5")).toBe(0);
    expect(compareDecimalText("-0", "0.000")).toBe(0);
    expect(compareDecimalText("+.5", "0.49")).toBe(1);
    expect(compareDecimalText("-10", "-9")).toBe(-1);
    expect(compareDecimalText("5.", "5")).toBe(0);
    expect(compareDecimalText(" 12 ", "12.0001")).toBe(-1);
  });
});

describe("compareNumeric", () => {
  it("never returns -0", () => {
    expect(Object.is(compareNumeric(1, new Decimal(1)), 0)).toBe(true);
  });
});

describe("number operators: the literal-specialized path equals the general one", () => {
  const numeric = fc.oneof(
    fc.double({ noNaN: false }),
    fc.integer().map((n) => n / 100),
    decimalText,
    decimalText.map((t) => new Decimal(t.trim())),
    fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
  );
  const anything = fc.oneof(
    numeric,
    fc.constantFrom("abc", "2024-01-31", "12abc", null, true, [5], {}, undefined),
  );
  for (const name of ["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"]) {
    it(name, () => {
      const operator = builtinOperators.get(name)!;
      fc.assert(
        fc.property(anything, anything, (fact, literal) => {
          expect(operator.bind!(literal)(fact)).toBe(operator.evaluate(fact, literal));
        }),
        { numRuns: Number(process.env.COMPPLAN_DIFF_RUNS ?? 1000) },
      );
    });
  }
});
