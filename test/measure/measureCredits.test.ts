import { describe, expect, it } from "vitest";
import { creditTransactions } from "../../src/credit/index.js";
import { compilePlan } from "../../src/evaluate/index.js";
import { parseTransactions } from "../../src/input/index.js";
import { measureCredits } from "../../src/measure/index.js";
import { parsePlan } from "../../src/plan/index.js";

const plan = compilePlan(
  parsePlan(`
compplan: 1
id: mp
name: mp
currency: USD
year: { start: 2026-01-01 }
payPeriod: quarter
measures:
  bookings:
    when: { all: [ { fact: stage, operator: equal, value: won } ] }
  acv:
    value: amount * 12 / termMonths
    multipliers:
      - { when: { fact: multiYear, operator: equal, value: true }, factor: 1.2, label: multi-year }
      - { when: { fact: region, operator: equal, value: EMEA }, factor: 1.1 }
  booked:
    date: bookDate
components:
  - { id: c, type: commission, measure: bookings, rate: 0.1 }
`),
);

function measure(id: string, rows: Record<string, unknown>[]) {
  const { transactions, rejects } = parseTransactions(rows);
  expect(rejects).toEqual([]);
  const { credits } = creditTransactions(transactions, { participant: () => true });
  const m = plan.measures.get(id);
  if (!m) throw new Error(`no measure ${id}`);
  return measureCredits(m, credits, { periods: plan.periods, planId: "mp" });
}

describe("measureCredits", () => {
  it("counts credits meeting the condition, in date order, per pay period", () => {
    const r = measure("bookings", [
      { id: "b", ownerId: "ana", amount: "200", closeDate: "2026-04-01", stage: "won" },
      { id: "a", ownerId: "ana", amount: "100", closeDate: "2026-03-31", stage: "won" },
      { id: "c", ownerId: "ana", amount: "50", closeDate: "2026-03-31", stage: "won" },
      { id: "x", ownerId: "ana", amount: "999", closeDate: "2026-02-01", stage: "lost" },
    ]);
    // date order, then id on the same date: a (Mar 31), c (Mar 31), b (Apr 1)
    expect(r.entries.map((e) => [e.credit.transaction.id, e.period])).toEqual([
      ["a", 0],
      ["c", 0],
      ["b", 1],
    ]);
    // Q1 = 100 + 50 = 150; Q2 = 200
    expect(r.perPeriod.map((x) => x.toString())).toEqual(["150", "200", "0", "0"]);
    expect(r.excluded.map((x) => [x.credit.transaction.id, x.rule])).toEqual([
      ["x", "mp: measures.bookings.when"],
    ]);
  });

  it("excludes credits dated outside the plan year, by rule", () => {
    const r = measure("bookings", [
      { id: "early", ownerId: "ana", amount: "1", closeDate: "2025-12-31", stage: "won" },
      { id: "first", ownerId: "ana", amount: "1", closeDate: "2026-01-01", stage: "won" },
      { id: "last", ownerId: "ana", amount: "1", closeDate: "2026-12-31", stage: "won" },
      { id: "late", ownerId: "ana", amount: "1", closeDate: "2027-01-01", stage: "won" },
    ]);
    expect(r.entries.map((e) => e.credit.transaction.id)).toEqual(["first", "last"]);
    expect(r.excluded.map((x) => [x.credit.transaction.id, x.rule])).toEqual([
      ["early", "mp: year"],
      ["late", "mp: year"],
    ]);
  });

  it("evaluates the value expression on the credited amount, then the multipliers", () => {
    const r = measure("acv", [
      {
        id: "m1",
        ownerId: "ana",
        amount: "36000",
        closeDate: "2026-02-01",
        termMonths: 36,
        multiYear: true,
        region: "EMEA",
      },
      { id: "m2", amount: "36000", closeDate: "2026-02-02", termMonths: "36", splits: "ana:0.25;ben:0.75" },
    ]);
    // m1: 36,000 × 12 ÷ 36 = 12,000 × 1.2 × 1.1 = 15,840
    // m2 for ana: 36,000 × 0.25 = 9,000 × 12 ÷ 36 = 3,000; for ben: 27,000 × 12 ÷ 36 = 9,000
    expect(
      r.entries.map((e) => [e.credit.transaction.id, e.credit.participantId, e.value.toString()]),
    ).toEqual([
      ["m1", "ana", "15840"],
      ["m2", "ana", "3000"],
      ["m2", "ben", "9000"],
    ]);
    expect(r.entries[0]?.multipliers).toEqual(["multi-year × 1.2", "multiplier 2 × 1.1"]);
    // Q1: 15,840 + 3,000 + 9,000 = 27,840
    expect(r.perPeriod[0]?.toString()).toBe("27840");
  });

  it("reports a credit the expression cannot use as failed, naming the field", () => {
    const r = measure("acv", [{ id: "f", ownerId: "ana", amount: "1000", closeDate: "2026-02-01" }]);
    expect(r.entries).toEqual([]);
    expect(r.failed.map((x) => [x.credit.transaction.id, x.field])).toEqual([["f", "termMonths"]]);
  });

  it("places credits by the measure's own date field", () => {
    const r = measure("booked", [
      { id: "d", ownerId: "ana", amount: "10", closeDate: "2026-01-15", bookDate: "2026-07-15" },
      { id: "e", ownerId: "ana", amount: "10", closeDate: "2026-01-15" },
    ]);
    // d is placed by bookDate in Q3; e has no bookDate: failed, naming bookDate
    expect(r.entries.map((x) => [x.credit.transaction.id, x.period])).toEqual([["d", 2]]);
    expect(r.failed.map((x) => [x.credit.transaction.id, x.field])).toEqual([["e", "bookDate"]]);
  });
});
