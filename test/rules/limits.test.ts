// Size limits of value expressions and conditions (issue 12, item 8): past a limit, a clear error with its
// column or path, never a RangeError. On ee7bec5, 3,000 nested parentheses overflowed the stack in validate,
// and an 8,000-term sum passed validate and overflowed it in run.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CompplanError, PlanError } from "../../src/errors/index.js";
import { evaluate } from "../../src/evaluate/index.js";
import { parsePlan } from "../../src/plan/index.js";
import {
  type Condition,
  ConditionError,
  compileCondition,
  compileExpression,
  conditionFacts,
  conditionIssues,
  ExpressionError,
  expressionIssues,
} from "../../src/rules/index.js";
import { MAX_CONDITION_DEPTH, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_TERMS } from "../../src/rules/limits.js";

const parens = (depth: number, inner = "amount") => `${"(".repeat(depth)}${inner}${")".repeat(depth)}`;
const sum = (terms: number) => Array(terms).fill("amount").join(" + ");
const nots = (depth: number): unknown => {
  let c: unknown = { fact: "stage", operator: "equal", value: "won" };
  for (let i = 0; i < depth; i++) c = { not: c };
  return c;
};

const planWith = (value: string) => `compplan: 1
id: p
name: P
currency: USD
year: { start: 2026-01-01 }
payPeriod: quarter
measures:
  m: { value: "${value}" }
components:
  - { id: c, type: commission, measure: m, rate: 0.1 }
`;

function planIssues(text: string) {
  try {
    parsePlan(text, { file: "p.yaml" });
  } catch (error) {
    if (error instanceof PlanError) return [...error.issues];
    throw error;
  }
  return [];
}

describe("value expression limits", () => {
  it(`nests up to ${MAX_EXPRESSION_DEPTH} levels, and reports the level past it with its column`, () => {
    // 64 parentheses around amount: the value is amount itself, 1,234.5.
    expect(compileExpression(parens(64)).evaluate({ amount: "1234.5" }).toString()).toBe("1234.5");
    // 64 minus signs: an even count, so -(-(...amount)) is amount again.
    expect(
      compileExpression(`${"-".repeat(64)}amount`)
        .evaluate({ amount: "7" })
        .toString(),
    ).toBe("7");
    expect(expressionIssues(parens(65))).toEqual([
      {
        column: 65,
        message: expect.stringContaining("nested more than 64 levels deep"),
      },
    ]);
    // The 65th call's "(": 64 × "abs(" + "abs" + 1 = column 260.
    expect(expressionIssues(`${"abs(".repeat(65)}amount${")".repeat(65)}`)[0]?.column).toBe(260);
    expect(expressionIssues(`${"-".repeat(65)}amount`)[0]?.column).toBe(65);
  });

  it("reports 3,000 nested parentheses as a plan error with line:column, not a stack overflow", () => {
    const issues = planIssues(planWith(parens(3000)));
    expect(issues).toEqual([
      expect.objectContaining({
        code: "invalid_expression",
        line: 8,
        column: 15,
        path: ["measures", "m", "value"],
        message: expect.stringMatching(
          /^column 65 of the 6006-character expression "\({40}…": nested more than 64/,
        ),
      }),
    ]);
    expect(() => compileExpression(parens(3000))).toThrow(ExpressionError);
  });

  it(`holds up to ${MAX_EXPRESSION_TERMS} numbers and fields, and evaluates them exactly`, () => {
    // 1,000 × 0.01 = 10 exactly (no float drift in a long sum).
    expect(compileExpression(sum(1000)).evaluate({ amount: "0.01" }).toString()).toBe("10");
    // The 1,001st term starts at column 9 × 1,000 + 1 ("amount + " is 9 characters).
    expect(expressionIssues(sum(1001))).toEqual([
      { column: 9001, message: "an expression holds at most 1000 numbers and fields; this one has more" },
    ]);
  });

  it("reports an 8,000-term sum in validate, and refuses a plan object built in code with a PlanError", () => {
    const issues = planIssues(planWith(sum(8000)));
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([["invalid_expression", 8, 15]]);
    expect(issues[0]?.message.length).toBeLessThan(300);
    // A hand-built plan object (as a library user may pass) reaches compileExpression in evaluate.
    const plan = parsePlan(planWith("amount"));
    const bad = { ...plan, measures: { m: { ...plan.measures.m!, value: sum(8000) } } };
    let thrown: unknown;
    try {
      evaluate([bad], { participants: [{ id: "a", plan: "p" }], transactions: [], period: "2026-Q1" });
    } catch (error) {
      thrown = error;
    }
    // evaluate validates plan objects it did not parse, so the limit is a PlanError naming the key path.
    expect(thrown).toBeInstanceOf(PlanError);
    expect((thrown as PlanError).code).toBe("PLAN_INVALID");
    expect((thrown as PlanError).issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["invalid_expression", "measures.m.value"],
    ]);
    expect((thrown as PlanError).message.length).toBeLessThan(300);
  });

  it("property: any nesting and length either compiles and evaluates, or is refused with an ExpressionError", () => {
    const shape = fc.record({
      depth: fc.integer({ min: 0, max: 5000 }),
      minus: fc.integer({ min: 0, max: 200 }),
      terms: fc.integer({ min: 1, max: 5000 }),
      call: fc.boolean(),
    });
    fc.assert(
      fc.property(shape, ({ depth, minus, terms, call }) => {
        const core = `${"-".repeat(minus)}${sum(terms)}`;
        const text = call ? `${"max(".repeat(depth)}${core}${")".repeat(depth)}` : parens(depth, core);
        const fits = depth + minus <= MAX_EXPRESSION_DEPTH && terms <= MAX_EXPRESSION_TERMS;
        try {
          const value = compileExpression(text).evaluate({ amount: "2" });
          expect(fits).toBe(true);
          // The minus signs bind to the first term only: (terms − 1) × 2 ± 2.
          expect(value.toString()).toBe(String((terms - 1) * 2 + (minus % 2 ? -2 : 2)));
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionError);
          expect(fits).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("condition nesting limit", () => {
  it(`accepts ${MAX_CONDITION_DEPTH} levels of all/any/not and refuses the next, by path`, () => {
    expect(conditionIssues(nots(MAX_CONDITION_DEPTH))).toEqual([]);
    // 64 nots: an even count, so the predicate is stage = won again.
    expect(compileCondition(nots(MAX_CONDITION_DEPTH) as Condition)({ stage: "won" })).toBe(true);
    const [issue] = conditionIssues(nots(MAX_CONDITION_DEPTH + 1));
    expect(issue?.path).toHaveLength(MAX_CONDITION_DEPTH + 1);
    expect(issue?.message).toBe("conditions nest at most 64 levels of all, any and not; flatten this one");
  });

  it("refuses 100,000 levels and a cycle without a stack overflow", () => {
    expect(conditionIssues(nots(100_000))).toHaveLength(1);
    expect(() => compileCondition(nots(100_000) as Condition)).toThrow(ConditionError);
    const cycle: { all: unknown[] } = { all: [] };
    cycle.all.push(cycle);
    expect(conditionIssues(cycle)).toHaveLength(1);
    expect(conditionFacts(nots(100_000))).toEqual([]);
    expect(conditionFacts(nots(3))).toEqual(["stage"]);
    expect(conditionFacts(cycle)).toEqual([]);
  });

  it("property: any nesting of all/any/not gives issues or a predicate, never a RangeError", () => {
    const kinds = fc.array(fc.constantFrom("all", "any", "not"), { maxLength: 3000 });
    fc.assert(
      fc.property(kinds, (path) => {
        let c: unknown = { fact: "stage", operator: "equal", value: "won" };
        for (const k of path) c = k === "not" ? { not: c } : { [k]: [c] };
        try {
          compileCondition(c as Condition)({ stage: "won" });
          expect(path.length).toBeLessThanOrEqual(MAX_CONDITION_DEPTH);
        } catch (error) {
          expect(error).toBeInstanceOf(CompplanError);
          expect(path.length).toBeGreaterThan(MAX_CONDITION_DEPTH);
        }
      }),
      { numRuns: 200 },
    );
  });
});
