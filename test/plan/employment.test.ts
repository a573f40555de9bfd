// The plan key `employment` (issue 12 item 2): a grace period after termination, validated with positions.
import { describe, expect, it } from "vitest";
import { PlanError, type PlanIssue } from "../../src/errors/index.js";
import { parsePlan } from "../../src/plan/index.js";

const plan = (employment: string) => `compplan: 1
id: ae
name: AE
currency: USD
year: { start: 2026-01-01 }
${employment}
measures: { bookings: {} }
components:
  - { id: comm, type: commission, measure: bookings, rate: 0.1 }
`;

function issuesOf(text: string): readonly PlanIssue[] {
  try {
    parsePlan(text, { file: "ae.yaml" });
  } catch (error) {
    if (error instanceof PlanError) return error.issues;
    throw error;
  }
  throw new Error("expected a PlanError");
}

describe("employment.creditAfterTermination", () => {
  it("reads a grace period in days", () => {
    const parsed = parsePlan(plan("employment: { creditAfterTermination: { days: 30 } }"));
    expect(parsed.employment).toEqual({ creditAfterTermination: { days: 30 } });
    // Absent: no grace (credits after the termination date are excluded).
    expect(parsePlan(plan("")).employment).toBeUndefined();
  });

  it("refuses a number of days that is not a whole number from 0 to 366, where it is written", () => {
    for (const [days, code] of [
      ["-1", "too_small"],
      ["367", "too_big"],
      ["1.5", "invalid_type"],
      ['"30"', "invalid_type"],
    ] as const) {
      const [issue, ...more] = issuesOf(plan(`employment: { creditAfterTermination: { days: ${days} } }`));
      expect(more, days).toEqual([]);
      expect(issue, days).toMatchObject({
        file: "ae.yaml",
        line: 6,
        column: 47,
        path: ["employment", "creditAfterTermination", "days"],
        code,
      });
    }
  });

  it("names unknown keys with a suggestion, all at once", () => {
    const issues = issuesOf(
      plan("employment: { creditAfterTermination: { dayz: 30 }, creditBeforeHire: 5 }"),
    );
    expect(issues.map((i) => [i.line, i.column, i.code, i.message])).toEqual([
      [6, 39, "missing_key", 'missing required key "days" (expected number)'],
      [6, 41, "unknown_key", 'unknown key "dayz" in employment.creditAfterTermination; did you mean "days"?'],
      [
        6,
        53,
        "unknown_key",
        'unknown key "creditBeforeHire" in employment; expected one of creditAfterTermination',
      ],
    ]);
  });
});
