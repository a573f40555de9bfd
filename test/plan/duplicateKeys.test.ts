// Duplicate keys are compared as the text they become in the plan's data (issue 12, item 3). On ee7bec5 yaml
// compared key values, so `true` and "true" (or `.inf` and Infinity) both passed and the last one silently won:
// a measure that counted only won deals was replaced by one that counted everything (550.00 paid for 50.00).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanError, type PlanIssue } from "../../src/errors/index.js";
import { parsePlan } from "../../src/plan/index.js";

const plan = (body: string) => `compplan: 1
id: p
name: P
currency: USD
year: { start: 2026-01-01 }
payPeriod: quarter
${body}`;

function issuesOf(text: string): PlanIssue[] {
  try {
    parsePlan(text, { file: "p.yaml" });
  } catch (error) {
    if (error instanceof PlanError) return [...error.issues];
    throw error;
  }
  return [];
}

describe("duplicate keys", () => {
  it('refuses true and "true" as two measures: the second is placed, the first named', () => {
    const issues = issuesOf(
      plan(`measures:
  true: { when: { fact: stage, operator: equal, value: won } }
  "true": {}
components:
  - { id: c, type: commission, measure: "true", rate: 0.1 }
`),
    );
    expect(issues).toEqual([
      {
        file: "p.yaml",
        line: 9,
        column: 3,
        path: [],
        code: "duplicate_key",
        message:
          'duplicate key "true" (first at line 8, column 3, written true): each key may appear once in a ' +
          "mapping, and keys are compared as the text they become",
      },
    ]);
  });

  it('refuses .inf and Infinity, false and "false", 1000 and 1e3 under quota', () => {
    for (const [a, b, text] of [
      [".inf", "Infinity", "Infinity"],
      ["false", '"false"', "false"],
      ["1000", "1e3", "1000"],
      ["~", '""', ""],
    ]) {
      const issues = issuesOf(
        plan(`targets:
  quota:
    ${a}: 5
    ${b}: 6
measures: { m: {} }
components:
  - { id: c, type: commission, measure: m, rate: 0.1 }
`),
      );
      expect(issues.filter((i) => i.code === "duplicate_key")).toEqual([
        expect.objectContaining({
          line: 10,
          column: 5,
          message: expect.stringContaining(
            `duplicate key "${text}" (first at line 9, column 5, written ${a})`,
          ),
        }),
      ]);
    }
  });

  it("says nothing of the writing when the same key is written the same way twice", () => {
    const [issue] = issuesOf(plan("id: again\n"));
    expect(issue).toMatchObject({ code: "duplicate_key", line: 7, column: 1 });
    expect(issue?.message).toBe(
      'duplicate key "id" (first at line 2, column 1): each key may appear once in a mapping',
    );
  });

  // Spellings that YAML's core schema reads as one value, or as values with one text.
  const SAME_TEXT = [
    ["true", "True", "TRUE", '"true"', "'true'"],
    ["false", "False", "FALSE", '"false"'],
    ["null", "~", "Null", "NULL", '""', "''"],
    [".inf", ".Inf", ".INF", "+.inf", "Infinity", '"Infinity"'],
    ["-.inf", "-.Inf", "-Infinity"],
    [".nan", ".NaN", ".NAN", "NaN"],
    ["1000", "1e3", "0x3E8", "0o1750", "+1000", "1000.0", '"1000"'],
    ["0.5", "0.50", "5e-1", "'0.5'"],
    ["bookings", '"bookings"', "'bookings'"],
  ];

  it("property: a mapping whose keys collide once stringified always gets exactly one duplicate_key, at the second", () => {
    const collision = fc
      .constantFrom(...SAME_TEXT)
      .chain((group) => fc.uniqueArray(fc.constantFrom(...group), { minLength: 2, maxLength: 2 }));
    fc.assert(
      fc.property(
        collision,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.boolean(),
        ([a, b], fillers, i, j, flow) => {
          const keys = Array.from({ length: fillers }, (_, k) => `k${k}`);
          const first = Math.min(i, keys.length);
          keys.splice(first, 0, a as string);
          const second = first + 1 + Math.min(j, keys.length - first - 1);
          keys.splice(second, 0, b as string);
          // One key a line, in block or flow style, so a key's line is its place in the list.
          const body = flow
            ? `quota: {\n${keys.map((k) => `  ${k}: 1,`).join("\n")}\n}\n`
            : `quota:\n${keys.map((k) => `  ${k}: 1`).join("\n")}\n`;
          const issues = issuesOf(plan(body)).filter((x) => x.code === "duplicate_key");
          expect(issues).toHaveLength(1);
          expect(issues[0]).toMatchObject({ line: 8 + second, column: 3 });
          expect(issues[0]?.message).toContain(`first at line ${8 + first}, column 3`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: keys whose texts differ never collide", () => {
    const texts = SAME_TEXT.map((g) => g[0] as string);
    fc.assert(
      fc.property(fc.shuffledSubarray(texts, { minLength: 1 }), (keys) => {
        const body = `quota:\n${keys.map((k) => `  ${k}: 1`).join("\n")}\n`;
        expect(issuesOf(plan(body)).filter((x) => x.code === "duplicate_key")).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
