// Ids that are Object.prototype names (toString, constructor...) are ordinary ids: a plan using them as measure
// and component ids validates, runs, checks and pays what it says (issue 12, item 7). On ee7bec5 they passed
// validation and then crashed `run` and `check` with a DecimalError (quota read from Object.prototype).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../../src/check/index.js";
import { PlanError, type PlanIssue } from "../../src/errors/index.js";
import { evaluate } from "../../src/evaluate/index.js";
import { parsePlan } from "../../src/plan/index.js";

const PROTOTYPE_NAMES = [
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "constructor",
  "prototype",
];

// A commission (10%) and a bonus (half the variable of 20,000, on a straight curve) on one measure, paid per
// quarter; the measure, its quota and the commission all carry the id under test.
const planText = (measure: string, component: string, extra = "") => `compplan: 1
id: p
name: P
currency: USD
year: { start: 2026-01-01 }
payPeriod: quarter
targets: { variable: 20000, quota: { ${measure}: 100000 } }
measures:
  ${measure}: {}
components:
  - { id: ${component}, type: commission, measure: ${measure}, share: 0.5, rate: 0.1 }
  - { id: bonus, type: bonus, measure: ${measure}, share: 0.5, curve: [[0, 0], [1, 1]] }
${extra}`;

function issuesOf(text: string): PlanIssue[] {
  try {
    parsePlan(text, { file: "p.yaml" });
  } catch (error) {
    if (error instanceof PlanError) return [...error.issues];
    throw error;
  }
  return [];
}

const pay = (measure: string, component: string) => {
  const plan = parsePlan(planText(measure, component));
  const result = evaluate([plan], {
    participants: [
      { id: "ana", plan: "p" },
      // A participant's own quota for the measure, written as a flat column.
      { id: "ben", plan: "p", [`quota.${measure}`]: "50000" },
    ],
    transactions: [
      { id: "a1", ownerId: "ana", amount: "10000", closeDate: "2026-02-01" },
      { id: "b1", ownerId: "ben", amount: "5000", closeDate: "2026-03-01" },
    ],
    period: "2026-Q1",
  });
  const amounts = Object.fromEntries(
    result.statements.map((s) => [s.participantId, s.lines.map((l) => [l.component, l.amount])]),
  );
  return { plan, result, amounts };
};

describe("ids named like Object.prototype members", () => {
  for (const name of PROTOTYPE_NAMES) {
    it(`${name} as a measure id and a component id: runs, checks, and pays the hand-computed amounts`, () => {
      const { plan, amounts } = pay(name, name);
      expect(amounts).toEqual({
        // ana: quota 100,000 a year, 25,000 a quarter. Commission 10,000 × 10% = 1,000.00. Bonus: target
        // 20,000 × 0.5 = 10,000 a year, 2,500 a quarter; attainment 10,000 ÷ 25,000 = 0.4 → 0.4 × 2,500 = 1,000.00.
        ana: [
          [name, "1000.00"],
          ["bonus", "1000.00"],
        ],
        // ben: his own quota 50,000 a year, 12,500 a quarter. Commission 5,000 × 10% = 500.00. Attainment
        // 5,000 ÷ 12,500 = 0.4 → 0.4 × 2,500 = 1,000.00 (with the plan's quota it would be 0.2 → 500.00).
        ben: [
          [name, "500.00"],
          ["bonus", "1000.00"],
        ],
      });
      const findings = checkPlan(plan);
      expect(findings.some((f) => f.component === name)).toBe(true);
    });

    it(`measure: ${name} with no such measure is an unknown measure, not a crash`, () => {
      const issues = issuesOf(
        planText("bookings", "c").replace("measure: bookings, share: 0.5", `measure: ${name}, share: 0.5`),
      );
      expect(issues).toEqual([
        expect.objectContaining({
          code: "unknown_reference",
          line: 11,
          path: ["components", 0, "measure"],
          message: `no measure "${name}" is defined under measures`,
        }),
      ]);
    });
  }

  it("a quota or a test's expected line under a prototype name that names nothing is an unknown reference", () => {
    const text = planText("bookings", "c").replace(
      "quota: { bookings: 100000 }",
      "quota: { bookings: 100000, valueOf: 5 }",
    );
    expect(issuesOf(text).map((i) => [i.code, i.path.join(".")])).toEqual([
      ["unknown_reference", "targets.quota.valueOf"],
    ]);
    const tests = `tests:
  - name: t
    period: 2026-Q1
    participants: [{ id: ana }]
    expect: [{ participant: ana, lines: { toString: 0 } }]
`;
    expect(issuesOf(planText("bookings", "c", tests)).map((i) => [i.code, i.path.join(".")])).toEqual([
      ["unknown_reference", "tests.0.expect.0.lines.toString"],
    ]);
  });

  it("refuses __proto__ as a key, and as an id", () => {
    expect(
      issuesOf(planText("bookings", "c").replace("  bookings: {}", "  bookings: {}\n  __proto__: {}"))[0],
    ).toMatchObject({
      code: "forbidden_key",
      line: 10,
    });
    expect(issuesOf(planText("bookings", "__proto__"))[0]).toMatchObject({
      code: "invalid_format",
      line: 11,
    });
  });

  it("property: any ids, prototype names included, pay deal × rate on the commission", () => {
    const id = fc.oneof(
      fc.constantFrom(...PROTOTYPE_NAMES),
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,12}$/),
    );
    fc.assert(
      fc.property(
        id,
        id.filter((c) => c !== "bonus"),
        fc.integer({ min: 1, max: 100_000_000 }),
        (measure, component, cents) => {
          const amount = (cents / 100).toFixed(2);
          const plan = parsePlan(planText(measure, component));
          const result = evaluate([plan], {
            participants: [{ id: "ana", plan: "p" }],
            transactions: [{ id: "a1", ownerId: "ana", amount, closeDate: "2026-02-01" }],
            period: "2026-Q1",
          });
          const line = result.statements[0]?.lines.find((l) => l.component === component);
          // amount × 10%, rounded half-up to the cent: cents × 10 ÷ 100 cents, rounded.
          const expected = (Math.round(cents / 10) / 100).toFixed(2);
          expect(line?.amount).toBe(expected);
          expect(() => checkPlan(plan)).not.toThrow();
        },
      ),
      { numRuns: 60 },
    );
  });
});
