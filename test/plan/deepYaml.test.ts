// Deep YAML nesting of every kind (issue 12, item 8: "deep YAML nesting in general"): a PlanError with too_deep
// (or too_large when the indentation alone passes 2 MiB, or invalid_key for nested explicit keys), never a
// RangeError from the parser or the checks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanError } from "../../src/errors/index.js";
import { parsePlan } from "../../src/plan/index.js";

// One value nested `depth` levels deep, in one of the ways YAML nests.
const FORMS: Record<string, (depth: number) => string> = {
  flowSeq: (d) => `a: ${"[".repeat(d)}1${"]".repeat(d)}\n`,
  flowMap: (d) => `a: ${"{ k: ".repeat(d)}1${" }".repeat(d)}\n`,
  flowMixed: (d) => `a: ${"[{ k: ".repeat(d)}1${" }]".repeat(d)}\n`,
  dashes: (d) => `a:\n  ${"- ".repeat(d)}1\n`,
  blockMap: (d) => `a:\n${Array.from({ length: d }, (_, i) => `${" ".repeat(i + 1)}k${i}:`).join("\n")} 1\n`,
  blockSeqOfMaps: (d) =>
    `a:\n${Array.from({ length: d }, (_, i) => `${" ".repeat(2 * i + 1)}- k${i}:`).join("\n")} 1\n`,
  explicitKeys: (d) => `${"? ".repeat(d)}x\n`,
};

// Refused before the plan is read: too deep, too large, or (nested explicit keys) a collection as a key.
const REFUSED = new Set(["too_deep", "too_large", "invalid_key"]);

function codes(text: string): string[] {
  try {
    parsePlan(text);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanError);
    return (error as PlanError).issues.map((i) => i.code);
  }
  return [];
}

describe("deep YAML nesting", () => {
  it("property: any form and depth up to 2,000 is a PlanError, too_deep past 64 levels", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(FORMS)),
        fc.integer({ min: 1, max: 2000 }),
        (form, depth) => {
          const found = codes((FORMS[form] as (d: number) => string)(depth));
          // Every one of these documents is also not a plan (no compplan: 1), so a shallow one has shape errors.
          expect(found.length).toBeGreaterThan(0);
          if (depth > 66) expect(found.some((c) => REFUSED.has(c))).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it("each form at 100,000 characters of nesting", () => {
    for (const [form, make] of Object.entries(FORMS)) {
      const depth = form.startsWith("block") ? 1900 : 50_000;
      const found = codes(make(depth));
      expect(
        found.some((c) => c === "too_deep" || c === "too_large"),
        `${form}: ${found.join(",")}`,
      ).toBe(true);
    }
  }, 120_000);
});
