// explain(result, id) turns a statement into readable text carrying its trace and deals.
import { describe, expect, it } from "vitest";
import { CompplanError } from "../../src/errors/index.js";
import { explain } from "../../src/statement/index.js";
import { lineOf, plan, run } from "./helpers.js";

const p = plan(
  "explained",
  `
  targets:
    base: 120000
    variable: 80000
    quota: { bookings: 1000000 }
  measures:
    bookings: {}
  components:
    - { id: base, type: base }
    - id: comm
      type: commission
      measure: bookings
      share: 0.75
      tiers:
        bands:
          - { upTo: 0.5, rate: 0.04 }
          - { upTo: 1.0, multiplier: 1 }
          - { multiplier: 1.5 }
    - id: bonus
      type: bonus
      measure: bookings
      share: 0.25
      curve: [[0.5, 0], [1.0, 1.0], [1.5, 2.0]]
  `,
);

const result = run(
  [p],
  [
    { id: "ana", name: "Ana Alvarez", plan: p.id },
    { id: "bad", plan: p.id, hireDate: "2026-02-30" },
  ],
  [
    { id: "t-a", ownerId: "ana", amount: "120000", closeDate: "2026-01-20" },
    { id: "t-b", ownerId: "ana", amount: "45000.50", closeDate: "2026-02-11" },
  ],
  "2026-Q1",
);

describe("explain", () => {
  it("returns text with each line's payable, its trace and its deals", () => {
    const text = explain(result, "ana");
    expect(text).toContain("Ana Alvarez (ana) — plan explained — 2026-Q1 (2026-01-01 to 2026-03-31), USD");
    // 165,000.50 year to date, all in band 1: 165,000.50 × 4% = 6,600.02
    expect(text).toContain("comm [comm, commission]: 6600.02");
    for (const line of lineOf(result, "ana", "comm").trace) expect(text).toContain(line);
    expect(text).toMatch(/band 1 \(0 < value <= 500,000 \(50% of annual quota 1,000,000\)\) at rate 0\.04/);
    // deal by deal: t-a 120,000 × 4% = 4,800; t-b 45,000.50 × 4% = 1,800.02
    expect(text).toContain("2026-01-20 t-a: 4800");
    expect(text).toContain("2026-02-11 t-b: 1800.02");
    // bonus: Q1 quota 250,000, 165,000.50 ÷ 250,000 = 66.0002%: (0.660002 − 0.5) ÷ 0.5 × 1 = 0.320004
    //   × Q1 target 20,000 ÷ 4 = 5,000 → 1,600.02
    expect(text).toContain("bonus [bonus, bonus]: 1600.02");
    expect(text).toContain("between curve points (0.5, 0) and (1, 1)");
    // base 30,000.00; total 30,000 + 6,600.02 + 1,600.02 = 38,200.04
    expect(text).toContain("total payable: 38200.04 USD");
  });

  it("throws for a participant without a statement, saying when they were rejected", () => {
    expect(() => explain(result, "nobody")).toThrow(CompplanError);
    expect(() => explain(result, "bad")).toThrow(/rejected/);
  });
});
