// Inputs at the sizes that once crashed or stalled a run: a huge amount cell, a rep with a very large number of
// credits under a manager paid on team credit, a deep reporting chain.
import { describe, expect, it } from "vitest";
import { parseRecords } from "../../src/input/index.js";
import { timeRatio } from "../helpers/timeRatio.js";
import { amountOf, plan, run, statementOf } from "./helpers.js";

const flat = plan(
  "flat",
  `
  measures: { bookings: { value: amount, date: closeDate } }
  components:
    - { id: commission, type: commission, measure: bookings, over: year, rate: 0.01 }
  `,
  { payPeriod: "year" },
);

describe("a very long amount cell", () => {
  // The same file twice: a 2,000,000-character value in the amount column, or in a note column beside a
  // plain amount. The first must cost about what the second does (reading the CSV), not a parse of the value.
  const long = "7".repeat(2_000_000);
  const csv = (amount: string, note: string) =>
    `id,ownerId,amount,note,closeDate\nd1,ana,${amount},${note},2026-03-01\nd2,ana,100,,2026-03-02\n`;
  const evaluateCsv = (text: string) =>
    run([flat], [{ id: "ana", plan: "flat" }], parseRecords(text, { format: "csv" }).rows, "2026");

  it("is a reject naming its row and field, quoting 40 characters of it", () => {
    const r = evaluateCsv(csv(long, ""));
    expect(r.transactions.rejects.map((x) => [x.row, x.id, x.field, x.message])).toEqual([
      [
        1,
        "d1",
        "amount",
        `expected a decimal number of at most 24 digits, got "${"7".repeat(40)}"… (2,000,000 characters)`,
      ],
    ]);
    // d2 alone: 100 × 1% = 1.00
    expect(amountOf(r, "ana", "commission")).toBe("1.00");
  });

  it("costs about what the same text in a note column costs (was ~35×: Decimal of 2,000,000 digits)", () => {
    const inAmount = csv(long, "x");
    const inNote = csv("5", long);
    expect(
      timeRatio(
        () => evaluateCsv(inAmount),
        () => evaluateCsv(inNote),
        5,
      ),
    ).toBeLessThan(5);
  }, 120_000);
});

describe("team credit at scale", () => {
  const team = plan(
    "mgr",
    `
    measures: { team: { value: amount, date: closeDate, credit: team } }
    components:
      - { id: override, type: commission, measure: team, over: year, rate: 0.01 }
    `,
    { payPeriod: "year" },
  );

  it("a manager over a rep with 150,000 credits is paid on all of them (the list once overflowed the stack)", () => {
    const deals = Array.from({ length: 150_000 }, (_, i) => ({
      id: `d${i}`,
      ownerId: "rep",
      amount: "10",
      closeDate: "2026-04-01",
    }));
    const r = run(
      [team],
      [
        { id: "boss", plan: "mgr" },
        { id: "rep", plan: "mgr", managerId: "boss" },
      ],
      deals,
      "2026",
      { deals: false },
    );
    // boss: 150,000 × 10 = 1,500,000 × 1% = 15,000.00; rep: the same, their own deals being their team's
    expect(amountOf(r, "boss", "override")).toBe("15000.00");
    expect(amountOf(r, "rep", "override")).toBe("15000.00");
  }, 60_000);

  it("a 3,000-deep chain: each manager is paid on everyone below, with no recursion", () => {
    const n = 3_000;
    const people = Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      plan: "mgr",
      ...(i ? { managerId: `p${i - 1}` } : {}),
    }));
    const deals = people.map((p, i) => ({
      id: `d${i}`,
      ownerId: p.id,
      amount: "100",
      closeDate: "2026-05-01",
    }));
    const r = run([team], people, deals, "2026", { deals: false });
    // p0 has all 3,000 deals below or at them: 300,000 × 1% = 3,000.00; p2,999 only their own: 100 × 1% = 1.00
    expect(amountOf(r, "p0", "override")).toBe("3000.00");
    expect(amountOf(r, "p2999", "override")).toBe("1.00");
    // p1500: deals of p1500 … p2999, 1,500 × 100 = 150,000 × 1% = 1,500.00
    expect(statementOf(r, "p1500").lines[0]?.amount).toBe("1500.00");
  }, 60_000);
});
