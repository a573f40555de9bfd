// Worked examples of base salary: pro rata per pay period, prorated by calendar days employed (hire and
// termination days included) for a mid-period hire or termination. Expected amounts computed by hand.
import { describe, expect, it } from "vitest";
import { compilePlan, evaluate } from "../../src/evaluate/index.js";
import { amountOf, lineOf, plan, run, statementOf } from "./helpers.js";

const p = plan(
  "base",
  `
  targets:
    base: 120000
  components:
    - { id: base, type: base }
  `,
);

describe("base salary", () => {
  it("pays a quarter of the annual base each quarter when employed throughout", () => {
    const r = run([p], [{ id: "ana", plan: p.id, hireDate: "2024-03-01" }], [], "2026-Q1");
    // 120,000 ÷ 4 = 30,000.00
    expect(amountOf(r, "ana", "base")).toBe("30000.00");
    expect(lineOf(r, "ana", "base").trace.join("\n")).toContain("employed all of 2026-Q1");
  });

  it("prorates a mid-period hire by calendar days, the hire day included", () => {
    const people = [{ id: "ana", plan: p.id, hireDate: "2026-01-15" }];
    const q1 = run([p], people, [], "2026-Q1");
    // Q1 = 31 + 28 + 31 = 90 days; Jan 15..Mar 31 = 17 + 28 + 31 = 76 days employed
    // 120,000 ÷ 4 × 76/90 = 30,000 × 76 ÷ 90 = 2,280,000 ÷ 90 = 25,333.333… → 25,333.33
    expect(amountOf(q1, "ana", "base")).toBe("25333.33");
    expect(lineOf(q1, "ana", "base").trace.join("\n")).toContain("× 0.844444… of 2026-Q1 employed");
    // Q2 in full: 30,000.00
    expect(amountOf(run([p], people, [], "2026-Q2"), "ana", "base")).toBe("30000.00");
    // The year, each quarter standing alone: 25,333.33 + 3 × 30,000.00 = 115,333.33
    const year = run([p], people, [], "2026");
    expect(amountOf(year, "ana", "base")).toBe("115333.33");
    expect(statementOf(year, "ana").total).toBe("115333.33");
  });

  it("uses the participant's own base over the plan's", () => {
    const r = run([p], [{ id: "dee", plan: p.id, base: "100000", hireDate: "2026-02-15" }], [], "2026-Q1");
    // Feb 15..Mar 31 = 14 + 31 = 45 of 90 days: 100,000 ÷ 4 × 45/90 = 25,000 × 0.5 = 12,500.00
    expect(amountOf(r, "dee", "base")).toBe("12500.00");
  });

  it("prorates a termination, the termination day included, and pays nothing after", () => {
    const people = [{ id: "ben", plan: p.id, terminationDate: "2026-05-15" }];
    expect(amountOf(run([p], people, [], "2026-Q1"), "ben", "base")).toBe("30000.00");
    // Q2 = 30 + 31 + 30 = 91 days; Apr 1..May 15 = 30 + 15 = 45 days employed
    // 30,000 × 45 ÷ 91 = 1,350,000 ÷ 91 = 14,835.164835… → 14,835.16
    expect(amountOf(run([p], people, [], "2026-Q2"), "ben", "base")).toBe("14835.16");
    // Q3: not employed, 0.00
    expect(amountOf(run([p], people, [], "2026-Q3"), "ben", "base")).toBe("0.00");
  });

  it("counts a hire and a termination in the same quarter", () => {
    const r = run(
      [p],
      [{ id: "cy", plan: p.id, hireDate: "2026-02-01", terminationDate: "2026-02-28" }],
      [],
      "2026-Q1",
    );
    // Feb 1..Feb 28 = 28 of 90 days: 30,000 × 28 ÷ 90 = 840,000 ÷ 90 = 9,333.333… → 9,333.33
    expect(amountOf(r, "cy", "base")).toBe("9333.33");
  });

  it("pays a monthly plan per calendar month", () => {
    const monthly = plan(
      "base-monthly",
      `
      targets:
        base: 120000
      components:
        - { id: base, type: base }
      `,
      { payPeriod: "month" },
    );
    const r = run([monthly], [{ id: "ana", plan: monthly.id, hireDate: "2026-02-15" }], [], "2026-02");
    // 120,000 ÷ 12 = 10,000 a month; Feb 15..28 = 14 of 28 days: 10,000 × 14 ÷ 28 = 5,000.00
    expect(amountOf(r, "ana", "base")).toBe("5000.00");
  });

  // Regression: base.ts once divided before multiplying (annual ÷ periods × 12/90 cut to 60 digits), so an
  // exact half cent came out just below the half and rounded the wrong way.
  it("rounds an exact half cent of a prorated base as the plan says (half-up)", () => {
    const odd = plan(
      "base-half-cent",
      `
      targets:
        base: 120000.15
      components:
        - { id: base, type: base }
      `,
    );
    const r = run([odd], [{ id: "eve", plan: odd.id, terminationDate: "2026-01-12" }], [], "2026-Q1");
    // Jan 1..Jan 12 = 12 of 90 days: 120,000.15 ÷ 4 × 12 ÷ 90 = 30,000.0375 × 12 ÷ 90 = 360,000.45 ÷ 90
    //   = 4,000.005 exactly → half-up 4,000.01
    expect(amountOf(r, "eve", "base")).toBe("4000.01");
  });
});

describe("a compiled plan reused across runs", () => {
  it("prorates each participant by their own dates, whoever shared them before", () => {
    // The compiled plan remembers prorations by hire and termination date: participants with the same dates share
    // one, those with other dates get their own, run after run.
    const compiled = compilePlan(p);
    const first = evaluate([compiled], {
      participants: [
        { id: "ana", plan: p.id, hireDate: "2026-01-15" },
        { id: "ben", plan: p.id },
      ],
      transactions: [],
      period: "2026-Q1",
    });
    const later = {
      participants: [
        { id: "cai", plan: p.id, hireDate: "2026-01-15" },
        { id: "dan", plan: p.id, terminationDate: "2026-02-28" },
        { id: "eve", plan: p.id },
      ],
      transactions: [],
      period: "2026-Q1",
    };
    const second = evaluate([compiled], later);
    // ana and cai: Jan 15..Mar 31 = 76 of 90 days: 30,000 × 76 ÷ 90 = 25,333.33
    expect(amountOf(first, "ana", "base")).toBe("25333.33");
    expect(amountOf(second, "cai", "base")).toBe("25333.33");
    // ben and eve all quarter: 30,000.00
    expect(amountOf(first, "ben", "base")).toBe("30000.00");
    expect(amountOf(second, "eve", "base")).toBe("30000.00");
    // dan Jan 1..Feb 28 = 31 + 28 = 59 of 90 days: 30,000 × 59 ÷ 90 = 19,666.666… → 19,666.67
    expect(amountOf(second, "dan", "base")).toBe("19666.67");
    // The same statements as from a plan compiled afresh for the second run.
    const fresh = evaluate([compilePlan(p)], later);
    expect(JSON.stringify(second.statements)).toBe(JSON.stringify(fresh.statements));
  });
});
