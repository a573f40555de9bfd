// Validating a large mapping is linear (issue 12, item 12): on ee7bec5 yaml's uniqueKeys compared each key
// with every earlier one, and each issue searched its mapping again for its position, so 50,000 keys took 78 s.
// Timed as a ratio, n keys against 10n, robust to a busy machine: the smaller size is timed best of three, the
// larger retried (up to three times) only while the ratio is over the bound. Linear is ~10×, quadratic ~100×
// (measured on ee7bec5: about 50× and 69× for the two shapes below at these sizes, against 2–14× after).
import { describe, expect, it } from "vitest";
import { PlanError } from "../../src/errors/index.js";
import { parsePlan } from "../../src/plan/index.js";

const HEAD = `compplan: 1
id: p
name: P
currency: USD
year: { start: 2026-01-01 }
payPeriod: quarter
components:
  - { id: c, type: commission, measure: m0, rate: 0.1 }
`;
const BOUND = 30;

function issueCount(text: string): number {
  try {
    parsePlan(text);
    return 0;
  } catch (error) {
    if (error instanceof PlanError) return error.issues.length;
    throw error;
  }
}

function timed(text: string): number {
  const start = performance.now();
  issueCount(text);
  return performance.now() - start;
}

function ratio(make: (n: number) => string, n: number): number {
  timed(make(100)); // warm up
  const small = Math.min(timed(make(n)), timed(make(n)), timed(make(n)));
  const big = make(10 * n);
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && best / small >= BOUND; attempt++) best = Math.min(best, timed(big));
  return best / small;
}

describe("parsePlan on large mappings", () => {
  it("a mapping of 10n measures takes about 10× the time of n (duplicate keys found in one pass)", () => {
    const measures = (n: number) =>
      `${HEAD}measures:\n${Array.from({ length: n }, (_, i) => `  m${i}: {}`).join("\n")}\n`;
    expect(issueCount(measures(10))).toBe(0);
    expect(ratio(measures, 3000)).toBeLessThan(BOUND);
  }, 120_000);

  it("10n unknown keys, each an issue placed at its line, take about 10× the time of n", () => {
    const unknown = (n: number) =>
      `${HEAD}measures: { m0: {} }\n${Array.from({ length: n }, (_, i) => `k${i}: 1`).join("\n")}\n`;
    expect(issueCount(unknown(10))).toBe(10);
    expect(ratio(unknown, 2000)).toBeLessThan(BOUND);
  }, 120_000);
});
