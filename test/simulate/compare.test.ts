import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/plan/index.js";
import { comparePlans } from "../../src/simulate/index.js";
import { plan } from "./helpers.js";

const quick = loadPlan("test/fixtures/off-target-ae.yaml");
const people = [
  { id: "ana", name: "Ana", hireDate: "2024-03-01" },
  { id: "ben", name: "Ben", hireDate: "2026-02-15", "quota.bookings": 800000 },
  { id: "cai", name: "Cai", hireDate: "2025-09-01" },
];

describe("comparePlans on deals", () => {
  it("finds a plan compared with itself differs by zero everywhere, whatever the deals", () => {
    const deal = fc.record({
      ownerId: fc.constantFrom("ana", "ben", "cai"),
      amount: fc.integer({ min: 0, max: 90000000 }).map((c) => (c / 100).toFixed(2)),
      closeDate: fc
        .integer({ min: 0, max: 364 })
        .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10)),
      stage: fc.constantFrom("won", "lost"),
      type: fc.constantFrom("new", "expansion", "renewal"),
    });
    fc.assert(
      fc.property(
        fc.array(deal, { maxLength: 25 }),
        fc.constantFrom("2026", "2026-Q2", "2026-H2"),
        (deals, period) => {
          const transactions = deals.map((d, i) => ({ id: `t${i}`, ...d }));
          const c = comparePlans(quick, quick, { participants: people, transactions, period });
          expect(c.rows.every((r) => r.difference === "0.00" && r.a === r.b)).toBe(true);
          expect(c.totals.every((r) => r.difference === "0.00")).toBe(true);
          expect(c.participants.every((p) => p.outcome === "same")).toBe(true);
          expect([c.winners, c.losers]).toEqual([[], []]);
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  });

  it("lines up components by id and lists winners and losers", () => {
    // A: 5% on bookings. B: 6% on bookings, and a SPIFF of 500 per deal of 50,000 or more in Q1.
    // Ana: 100,000 → A 5,000, B 6,000 + 500 = 6,500: wins 1,500.
    // Ben: 20,000 → A 1,000, B 1,200: wins 200. Cai: nothing → same.
    const a = plan(
      `
      measures: { bookings: {} }
      components:
        - { id: commission, type: commission, measure: bookings, rate: 0.05 }
      `,
      { id: "a" },
    );
    const b = plan(
      `
      measures: { bookings: {} }
      components:
        - { id: commission, type: commission, measure: bookings, rate: 0.06 }
        - id: spiff
          type: spiff
          measure: bookings
          window: { from: 2026-01-01, to: 2026-03-31 }
          when: { fact: amount, operator: greaterThanInclusive, value: 50000 }
          pay: { perDeal: 500 }
      `,
      { id: "b" },
    );
    const c = comparePlans(a, b, {
      participants: people,
      transactions: [
        { id: "t1", ownerId: "ana", amount: "100000", closeDate: "2026-02-01" },
        { id: "t2", ownerId: "ben", amount: "20000", closeDate: "2026-03-01" },
      ],
      period: "2026-Q1",
    });
    expect(c.totals).toEqual([
      { component: "commission", a: "6000.00", b: "7200.00", difference: "1200.00" },
      { component: "spiff", a: "0.00", b: "500.00", difference: "500.00" },
      { component: "total", a: "6000.00", b: "7700.00", difference: "1700.00" },
    ]);
    expect(c.participants.map((p) => [p.participantId, p.difference, p.outcome])).toEqual([
      ["ana", "1500.00", "wins"],
      ["ben", "200.00", "wins"],
      ["cai", "0.00", "same"],
    ]);
    expect(c.rows.filter((r) => r.participantId === "ana")).toEqual([
      {
        participantId: "ana",
        name: "Ana",
        component: "commission",
        a: "5000.00",
        b: "6000.00",
        difference: "1000.00",
      },
      { participantId: "ana", name: "Ana", component: "spiff", a: "0.00", b: "500.00", difference: "500.00" },
      {
        participantId: "ana",
        name: "Ana",
        component: "total",
        a: "5000.00",
        b: "6500.00",
        difference: "1500.00",
      },
    ]);
    expect([c.winners, c.losers]).toEqual([["ana", "ben"], []]);
    expect(
      comparePlans(b, a, {
        participants: people,
        transactions: [{ id: "t1", ownerId: "ana", amount: "100000", closeDate: "2026-02-01" }],
        period: "2026-Q1",
      }).losers,
    ).toEqual(["ana"]);
  });
});
