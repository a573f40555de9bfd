import { describe, expect, it } from "vitest";
import { CompplanError } from "../../src/errors/index.js";
import { Decimal } from "../../src/money/index.js";
import { compileExpression, ExpressionError, expressionIssues } from "../../src/rules/index.js";

const value = (text: string, facts: Record<string, unknown> = {}) =>
  compileExpression(text).evaluate(facts).toString();
const thrown = (run: () => unknown): ExpressionError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error("expected an ExpressionError");
};

describe("compileExpression", () => {
  it("respects precedence and associativity", () => {
    expect(value("2 + 3 * 4")).toBe("14");
    expect(value("(2 + 3) * 4")).toBe("20");
    expect(value("10 - 4 - 3")).toBe("3"); // (10 - 4) - 3, not 10 - (4 - 3)
    expect(value("100 / 10 / 5")).toBe("2");
    expect(value("2 * 3 / 4")).toBe("1.5");
    expect(value("1 + 2 * 3 - 4 / 2")).toBe("5");
  });

  it("has unary minus, binding tighter than * and /", () => {
    expect(value("-5")).toBe("-5");
    expect(value("-5 + 2")).toBe("-3");
    expect(value("2 * -3")).toBe("-6");
    expect(value("--4")).toBe("4");
    expect(value("-(2 - 7)")).toBe("5");
    expect(value("-amount", { amount: "12.50" })).toBe("-12.5");
  });

  it("computes exactly in decimal", () => {
    expect(value("0.1 + 0.2")).toBe("0.3"); // 0.30000000000000004 in floating point
    expect(value("123456789012345678901234567890 * 1")).toBe("123456789012345678901234567890");
    expect(value("amount * 3", { amount: "33333333333333333333.33" })).toBe("99999999999999999999.99");
    // Division is the one inexact step: 1/3 is rounded to 60 significant digits, so times 3 is 0.999...9.
    expect(value("1 / 3 * 3")).toBe(`0.${"9".repeat(60)}`);
    expect(value(".5 + 1.25")).toBe("1.75");
  });

  it("reads fields: numbers, decimal strings, Decimals, bigints, nested fields", () => {
    const annualized = compileExpression("amount * 12 / termMonths");
    expect(annualized.text).toBe("amount * 12 / termMonths");
    expect(annualized.fields).toEqual(["amount", "termMonths"]);
    expect(annualized.evaluate({ amount: "1000.00", termMonths: 24 }).toString()).toBe("500");
    expect(annualized.evaluate({ amount: new Decimal("0.3"), termMonths: 36n }).toString()).toBe("0.1");
    expect(value("deal.amount - deal.cost", { deal: { amount: "10.5", cost: 0.25 } })).toBe("10.25");
    expect(compileExpression("b + a.x + b").fields).toEqual(["a.x", "b"]);
    expect(compileExpression("amount").evaluate({ amount: " 7 " }).toString()).toBe("7");
  });

  it("has min, max and abs", () => {
    expect(value("min(3, 1, 2)")).toBe("1");
    expect(value("max(amount - 500, 0) * 1.5", { amount: "1200" })).toBe("1050");
    expect(value("max(amount - 500, 0)", { amount: "200" })).toBe("0");
    expect(value("abs(-2.5)")).toBe("2.5");
    expect(value("min(7)")).toBe("7");
    expect(value("max(min(1, 2), abs(-3))")).toBe("3");
  });

  it("names the field that is missing or not a number", () => {
    const annualized = compileExpression("amount * 12 / termMonths");
    const notNumber = thrown(() => annualized.evaluate({ amount: "100", termMonths: "n/a" }));
    expect(notNumber.code).toBe("EXPRESSION_FIELD");
    expect(notNumber.field).toBe("termMonths");
    expect(notNumber.message).toBe(
      'termMonths must be a number: expected a decimal number such as 1000.50, got "n/a" (in "amount * 12 / termMonths")',
    );
    const missing = thrown(() => annualized.evaluate({ termMonths: 12 }));
    expect([missing.code, missing.field, missing.message]).toEqual([
      "EXPRESSION_FIELD",
      "amount",
      'amount is missing (in "amount * 12 / termMonths")',
    ]);
    expect(thrown(() => annualized.evaluate({ amount: "", termMonths: 1 })).message).toMatch(
      /^amount is empty/,
    );
    expect(thrown(() => annualized.evaluate({ amount: "1,000", termMonths: 1 })).message).toMatch(
      /got "1,000"/,
    );
    expect(thrown(() => annualized.evaluate({ amount: true, termMonths: 1 })).message).toMatch(/got boolean/);
    expect(thrown(() => annualized.evaluate({ amount: Number.NaN, termMonths: 1 })).message).toMatch(
      /finite/,
    );
    expect(
      thrown(() => annualized.evaluate({ amount: new Decimal(Number.NaN), termMonths: 1 })).message,
    ).toMatch(/got NaN/);
    expect(thrown(() => value("deal.amount", { deal: "x" })).field).toBe("deal.amount");
    // Own properties only: a field named like an Object method is just missing.
    expect(thrown(() => value("valueOf", {})).message).toMatch(/^valueOf is missing/);
  });

  it("names the divisor that is zero", () => {
    const error = thrown(() =>
      value("amount / (months - offset)", { amount: 1, months: "3", offset: new Decimal(3) }),
    );
    expect(error.code).toBe("EXPRESSION_DIVISION_BY_ZERO");
    expect(error.divisor).toBe("(months - offset)");
    expect(error.message).toBe('division by zero in "amount / (months - offset)": (months - offset) is 0');
    expect(thrown(() => value("1 / termMonths", { termMonths: "0.00" })).divisor).toBe("termMonths");
  });

  it("throws EXPRESSION_INVALID with every issue when the text is not an expression", () => {
    const error = thrown(() => compileExpression("mx(a) + abs(1, 2)"));
    expect(error).toBeInstanceOf(CompplanError);
    expect(error.code).toBe("EXPRESSION_INVALID");
    expect(error.issues).toEqual([
      { column: 1, message: 'unknown function "mx" (did you mean max?); functions are min, max, abs' },
      { column: 9, message: "abs takes exactly 1 argument, got 2" },
    ]);
    expect(error.message).toMatch(/^invalid expression "mx\(a\) \+ abs\(1, 2\)": column 1: unknown function/);
  });
});

describe("expressionIssues", () => {
  it("is empty for a valid expression", () => {
    expect(expressionIssues("amount * 12 / termMonths")).toEqual([]);
    expect(expressionIssues("  max( a , -b.c ) ")).toEqual([]);
  });

  it("reports problems with their 1-based column", () => {
    expect(expressionIssues("")).toEqual([
      {
        column: 1,
        message:
          "expression is empty; write a field such as amount, or a formula such as amount * 12 / termMonths",
      },
    ]);
    expect(expressionIssues("   ")[0]?.column).toBe(1);
    expect(expressionIssues("amount * 12 / (termMonths")).toEqual([
      { column: 15, message: 'unbalanced parenthesis: this "(" is not closed; expected ")" before the end' },
    ]);
    expect(expressionIssues("(a))")).toEqual([
      { column: 4, message: 'unbalanced parenthesis: ")" has no matching "("' },
    ]);
    expect(expressionIssues(")")).toEqual([
      { column: 1, message: 'unbalanced parenthesis: ")" has no matching "("' },
    ]);
    expect(expressionIssues("max(a, b")[0]).toEqual({
      column: 4,
      message: 'unbalanced parenthesis: this "(" is not closed; expected "," or ")" before the end',
    });
    expect(expressionIssues("amount *")).toEqual([
      { column: 9, message: "expected a number, a field or ( at the end" },
    ]);
    expect(expressionIssues("amount * * 2")).toEqual([
      { column: 10, message: 'expected a number, a field or ( but found "*"' },
    ]);
    expect(expressionIssues("amount rate")).toEqual([
      { column: 8, message: 'unexpected "rate"; expected an operator (+ - * /) or the end' },
    ]);
    expect(expressionIssues("+1")[0]?.column).toBe(1);
    expect(expressionIssues("min()")).toEqual([
      { column: 1, message: "min takes at least 1 argument, got 0" },
    ]);
    expect(expressionIssues("MAX(a)")[0]?.message).toMatch(/unknown function "MAX" \(did you mean max\?\)/);
    expect(expressionIssues("sqrt(a)")[0]?.message).toBe(
      'unknown function "sqrt"; functions are min, max, abs',
    );
  });

  it("explains characters the language lacks", () => {
    expect(expressionIssues("amount % 5")).toEqual([
      {
        column: 8,
        message:
          'unexpected "%": percent and modulo are not supported; write a rate as a decimal, e.g. amount * 0.05',
      },
    ]);
    expect(expressionIssues("a ** 2")[0]).toEqual({
      column: 3,
      message: "powers (**) are not supported; multiply instead",
    });
    expect(expressionIssues("a >= 2")[0]?.message).toMatch(/comparisons belong in conditions/);
    expect(expressionIssues("1e3")).toEqual([
      { column: 2, message: "exponent notation (1e3) is not supported; write the number out, e.g. 1000" },
    ]);
    expect(expressionIssues("a.")).toEqual([{ column: 2, message: 'expected a field name after "a."' }]);
    expect(expressionIssues("a $ b # c").map((i) => i.column)).toEqual([3, 7]); // every bad character
  });

  it("refuses __proto__, constructor and prototype as field names", () => {
    expect(expressionIssues("__proto__ + 1")).toEqual([
      { column: 1, message: '"__proto__" cannot be a field name: it reaches JavaScript\'s object internals' },
    ]);
    expect(expressionIssues("deal.constructor * 2")[0]?.message).toMatch(
      /"constructor" cannot be a field name/,
    );
    expect(expressionIssues("1 + a.prototype.b")[0]?.column).toBe(5);
    expect(() => compileExpression("constructor")).toThrow(ExpressionError);
  });
});
