// Worked examples of SPIFFs: the window includes both of its dates, the day before and the day after do not
// count; a condition; limits on the number of deals and on the amount. Expected amounts computed by hand.
import { describe, expect, it } from "vitest";
import { amountOf, expectAccounted, expectDeals, lineOf, plan, run } from "./helpers.js";

const p = plan(
  "spiff",
  `
  measures:
    bookings: {}
  components:
    - id: edges
      type: spiff
      window: { from: 2026-07-01, to: 2026-09-30 }
      when: { fact: product, operator: equal, value: saas }
      pay: { perDeal: 500 }
    - id: limit-deals
      type: spiff
      window: { from: 2026-07-01, to: 2026-09-30 }
      when: { fact: product, operator: equal, value: saas }
      pay: { perDeal: 500 }
      limit: { deals: 2 }
    - id: limit-amount
      type: spiff
      window: { from: 2026-07-01, to: 2026-09-30 }
      when: { fact: product, operator: equal, value: saas }
      pay: { rate: 0.05 }
      limit: { amount: 1200 }
  `,
);

const d = (id: string, ownerId: string, closeDate: string, product = "saas") => ({
  id,
  ownerId,
  amount: "10000",
  closeDate,
  product,
});

const deals = [
  // ana: the window's edges
  d("a-jun30", "ana", "2026-06-30"), // one day before the window
  d("a-jul01", "ana", "2026-07-01"), // first day, included
  d("a-sep30", "ana", "2026-09-30"), // last day, included
  d("a-oct01", "ana", "2026-10-01"), // one day after the window
  d("a-aug15", "ana", "2026-08-15", "hardware"), // inside, but fails the condition
  // ben: three qualifying deals, given out of date order
  d("b-sep30", "ben", "2026-09-30"),
  d("b-jul01", "ben", "2026-07-01"),
  d("b-aug15", "ben", "2026-08-15"),
  d("b-jul20", "ben", "2026-07-20", "hardware"),
];
const people = [
  { id: "ana", plan: p.id },
  { id: "ben", plan: p.id },
];

describe("a SPIFF window", () => {
  it("includes both of its dates and excludes the day before and the day after", () => {
    const q3 = run([p], people, deals, "2026-Q3");
    // a-jul01 and a-sep30 qualify: 2 × 500 = 1,000.00 (a-jun30, a-oct01 outside; a-aug15 is hardware)
    expect(amountOf(q3, "ana", "edges")).toBe("1000.00");
    expectDeals(lineOf(q3, "ana", "edges"), [
      ["a-jul01", "500"],
      ["a-sep30", "500"],
    ]);
    expect(lineOf(q3, "ana", "edges").trace.join("\n")).toContain(
      "window 2026-07-01 to 2026-09-30, 500 per deal: 2 qualifying deals in 2026-Q3 = 1,000",
    );
    // Q2 (holds Jun 30) and Q4 (holds Oct 1) pay nothing
    expect(amountOf(run([p], people, deals, "2026-Q2"), "ana", "edges")).toBe("0.00");
    expect(amountOf(run([p], people, deals, "2026-Q4"), "ana", "edges")).toBe("0.00");
    // The year: 1,000.00, all of it in Q3
    const year = lineOf(run([p], people, deals, "2026"), "ana", "edges");
    expect(year.amount).toBe("1000.00");
    expect(year.periods.map((x) => x.amount)).toEqual(["0.00", "0.00", "1000.00", "0.00"]);
    expectAccounted(q3);
  });

  it("limit.deals pays only the first deals in date order", () => {
    const q3 = run([p], people, deals, "2026-Q3");
    // ben, unlimited: 3 × 500 = 1,500.00
    expect(amountOf(q3, "ben", "edges")).toBe("1500.00");
    // limit 2 deals: b-jul01 and b-aug15 pay 500 each, b-sep30 nothing: 1,000.00
    expect(amountOf(q3, "ben", "limit-deals")).toBe("1000.00");
    expectDeals(lineOf(q3, "ben", "limit-deals"), [
      ["b-jul01", "500"],
      ["b-aug15", "500"],
      ["b-sep30", "0"],
    ]);
    expect(lineOf(q3, "ben", "limit-deals").trace.join("\n")).toContain(
      "b-sep30: limit of 2 deals reached, pays nothing",
    );
    // ana has only 2 qualifying deals: the limit does not bite, 1,000.00
    expect(amountOf(q3, "ana", "limit-deals")).toBe("1000.00");
  });

  it("limit.amount stops the running total, paying the remainder on the deal that reaches it", () => {
    const q3 = run([p], people, deals, "2026-Q3");
    // ben: 10,000 × 5% = 500 per deal: 500 (Jul 1) + 500 (Aug 15) + min(500, 1,200 − 1,000 = 200) = 1,200.00
    expect(amountOf(q3, "ben", "limit-amount")).toBe("1200.00");
    expectDeals(lineOf(q3, "ben", "limit-amount"), [
      ["b-jul01", "500"],
      ["b-aug15", "500"],
      ["b-sep30", "200"],
    ]);
    expect(lineOf(q3, "ben", "limit-amount").trace.join("\n")).toContain(
      "b-sep30: limit of 1,200 reached, pays 200 instead of 500",
    );
    // ana: 500 + 500 = 1,000.00, under the limit
    expect(amountOf(q3, "ana", "limit-amount")).toBe("1000.00");
  });
});

describe("SPIFF limits across pay periods", () => {
  it("count the year's deals, so a limit reached in one quarter binds the next", () => {
    const q = plan(
      "spiff-span",
      `
      components:
        - id: s
          type: spiff
          window: { from: 2026-05-15, to: 2026-08-15 }
          pay: { perDeal: 500 }
          limit: { deals: 3, amount: 1200 }
      `,
    );
    const rows = ["2026-06-01", "2026-06-02", "2026-07-01", "2026-07-02"].map((date, i) => ({
      id: `s${i + 1}`,
      ownerId: "ana",
      amount: "1",
      closeDate: date,
    }));
    const people = [{ id: "ana", plan: q.id }];
    // Q2: s1, s2 pay 500 each = 1,000.00
    expect(amountOf(run([q], people, rows, "2026-Q2"), "ana", "s")).toBe("1000.00");
    // Q3: s3 reaches the amount limit: min(500, 1,200 − 1,000) = 200.00; s4: 3 deals already paid → 0
    const q3 = lineOf(run([q], people, rows, "2026-Q3"), "ana", "s");
    expect([q3.amount, q3.earnedToDate, q3.paidBefore]).toEqual(["200.00", "1200.00", "1000.00"]);
    expectDeals(q3, [
      ["s3", "200"],
      ["s4", "0"],
    ]);
  });
});
