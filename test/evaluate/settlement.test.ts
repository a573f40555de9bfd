// Worked examples of settlement and rounding: a year paid quarterly or monthly whose periods add up to the
// rounded year exactly (cumulative settlement, where rounding each period alone would drift), half-up versus
// half-even, multi-period statements, and amounts far beyond 2^53 cents. Expected amounts computed by hand.
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/money/index.js";
import { amountOf, expectDeals, lineOf, plan, run, statementOf } from "./helpers.js";

// 10% of bookings, measured over the year (true-up) and, for contrast, per period (each period alone).
const flat = (id: string, options: { payPeriod?: "month" | "quarter"; rounding?: string } = {}) =>
  plan(
    id,
    `
    measures:
      bookings: {}
    components:
      - { id: yearly, type: commission, measure: bookings, rate: 0.1, over: year }
      - { id: alone, type: commission, measure: bookings, rate: 0.1, over: period }
    `,
    options,
  );

describe("a year paid quarterly", () => {
  const p = flat("quarterly");
  const people = [{ id: "ana", plan: p.id }];
  const deals = [
    { id: "d1", ownerId: "ana", amount: "100.05", closeDate: "2026-02-01" },
    { id: "d2", ownerId: "ana", amount: "100.05", closeDate: "2026-05-01" },
  ];

  it("pays rounded earnings to date minus what earlier quarters paid", () => {
    // Q1: 100.05 × 10% = 10.005 → 10.01 (half-up); nothing paid before
    const q1 = lineOf(run([p], people, deals, "2026-Q1"), "ana", "yearly");
    expect([q1.amount, q1.earnedToDate, q1.paidBefore]).toEqual(["10.01", "10.01", "0.00"]);
    // Q2: to date 200.10 × 10% = 20.010 → 20.01; paid before 10.01; payable 20.01 − 10.01 = 10.00
    const q2 = lineOf(run([p], people, deals, "2026-Q2"), "ana", "yearly");
    expect([q2.amount, q2.earnedToDate, q2.paidBefore]).toEqual(["10.00", "20.01", "10.01"]);
    // Q3, Q4: nothing new: 0.00, to date 20.01
    for (const period of ["2026-Q3", "2026-Q4"]) {
      const q = lineOf(run([p], people, deals, period), "ana", "yearly");
      expect([q.amount, q.earnedToDate, q.paidBefore]).toEqual(["0.00", "20.01", "20.01"]);
    }
  });

  it("adds up to the rounded year exactly, where rounding each quarter alone drifts by a cent", () => {
    const quarters = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"].map((q) => run([p], people, deals, q));
    const year = run([p], people, deals, "2026");
    const sum = (component: string) =>
      quarters.reduce((s, r) => s.plus(amountOf(r, "ana", component)), new Decimal(0)).toFixed(2);
    // Year: 200.10 × 10% = 20.01 exactly. Quarters: 10.01 + 10.00 + 0 + 0 = 20.01 ✓
    expect(amountOf(year, "ana", "yearly")).toBe("20.01");
    expect(sum("yearly")).toBe("20.01");
    expect(lineOf(year, "ana", "yearly").periods.map((x) => x.amount)).toEqual([
      "10.01",
      "10.00",
      "0.00",
      "0.00",
    ]);
    // Each quarter alone: round(10.005) + round(10.005) = 10.01 + 10.01 = 20.02, a cent more than the year
    expect(sum("alone")).toBe("20.02");
    expect(amountOf(year, "ana", "alone")).toBe("20.02");
  });
});

describe("a year paid monthly", () => {
  const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`);
  // One deal of 100.05 on the 10th of every month: each month earns 10.005.
  const deals = months.map((m, i) => ({
    id: `m${i + 1}`,
    ownerId: "ana",
    amount: "100.05",
    closeDate: `${m}-10`,
  }));

  it("alternates 10.01 and 10.00 and adds up to the rounded year (half-up)", () => {
    const p = flat("monthly-up", { payPeriod: "month" });
    const people = [{ id: "ana", plan: p.id }];
    // earned to date after month k = 10.005 k, rounded half-up:
    //   10.005 → 10.01, 20.01, 30.015 → 30.02, 40.02, 50.025 → 50.03, 60.03, 70.035 → 70.04, 80.04,
    //   90.045 → 90.05, 100.05, 110.055 → 110.06, 120.06
    // payables: 10.01, 10.00, 10.01, 10.00, … ; sum 120.06 = 1,200.60 × 10%
    const paid = months.map((m) => amountOf(run([p], people, deals, m), "ana", "yearly"));
    expect(paid).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? "10.01" : "10.00")));
    expect(paid.reduce((s, x) => s.plus(x), new Decimal(0)).toFixed(2)).toBe("120.06");
    const year = run([p], people, deals, "2026");
    expect(amountOf(year, "ana", "yearly")).toBe("120.06");
    // each month alone: 12 × round(10.005) = 12 × 10.01 = 120.12, six cents of drift
    expect(amountOf(year, "ana", "alone")).toBe("120.12");
  });

  it("with half-even, still adds up to the rounded year", () => {
    const p = flat("monthly-even", { payPeriod: "month", rounding: "{ scale: 2, mode: half-even }" });
    const people = [{ id: "ana", plan: p.id }];
    // earned to date rounded half-even: 10.005 → 10.00, 20.01, 30.015 → 30.02, 40.02, 50.025 → 50.02,
    //   60.03, 70.035 → 70.04, 80.04, 90.045 → 90.04, 100.05, 110.055 → 110.06, 120.06
    // payables: 10.00, 10.01, 10.01, 10.00, 10.00, 10.01, 10.01, 10.00, 10.00, 10.01, 10.01, 10.00 = 120.06
    const paid = months.map((m) => amountOf(run([p], people, deals, m), "ana", "yearly"));
    expect(paid).toEqual([
      "10.00",
      "10.01",
      "10.01",
      "10.00",
      "10.00",
      "10.01",
      "10.01",
      "10.00",
      "10.00",
      "10.01",
      "10.01",
      "10.00",
    ]);
    expect(amountOf(run([p], people, deals, "2026"), "ana", "yearly")).toBe("120.06");
  });
});

describe("half-up versus half-even", () => {
  const body = `
    measures:
      bookings: {}
    components:
      - { id: comm, type: commission, measure: bookings, rate: 0.1 }
    `;
  const up = plan("round-up", body, { rounding: "{ scale: 2, mode: half-up }" });
  const even = plan("round-even", body, { rounding: "{ scale: 2, mode: half-even }" });
  const deals = [
    { id: "a", ownerId: "ana", amount: "100.25", closeDate: "2026-01-10" },
    { id: "b", ownerId: "ben", amount: "100.35", closeDate: "2026-01-10" },
    { id: "c", ownerId: "cy", amount: "100.15", closeDate: "2026-01-10" },
  ];
  const people = (p: { id: string }) => ["ana", "ben", "cy"].map((id) => ({ id, plan: p.id }));

  it("rounds the same exact half cents differently on the same plan", () => {
    const ru = run([up], people(up), deals, "2026-Q1");
    const re = run([even], people(even), deals, "2026-Q1");
    // ana: 100.25 × 10% = 10.025 → half-up 10.03, half-even 10.02 (2 is even)
    expect([amountOf(ru, "ana", "comm"), amountOf(re, "ana", "comm")]).toEqual(["10.03", "10.02"]);
    // ben: 100.35 × 10% = 10.035 → half-up 10.04, half-even 10.04 (3 is odd, rounds to 4)
    expect([amountOf(ru, "ben", "comm"), amountOf(re, "ben", "comm")]).toEqual(["10.04", "10.04"]);
    // cy: 100.15 × 10% = 10.015 → half-up 10.02, half-even 10.02 (1 is odd, rounds to 2)
    expect([amountOf(ru, "cy", "comm"), amountOf(re, "cy", "comm")]).toEqual(["10.02", "10.02"]);
    expect(lineOf(re, "ana", "comm").trace.join("\n")).toContain("rounded half-even to 2 decimals");
    // deal attribution stays exact and unrounded in both: 10.025
    expectDeals(lineOf(re, "ana", "comm"), [["a", "10.025"]]);
  });

  it("rounds down (toward zero) and up (away from zero) when the plan says so", () => {
    const down = plan("round-down", body, { rounding: "{ scale: 2, mode: down }" });
    const upward = plan("round-away", body, { rounding: "{ scale: 2, mode: up }" });
    const rows = [
      { id: "p", ownerId: "ana", amount: "100.19", closeDate: "2026-01-10" },
      { id: "n", ownerId: "ben", amount: "-100.11", closeDate: "2026-01-10" },
    ];
    const rd = run([down], people(down), rows, "2026-Q1");
    const ru = run([upward], people(upward), rows, "2026-Q1");
    // ana: 100.19 × 10% = 10.019 → down 10.01, up 10.02
    expect([amountOf(rd, "ana", "comm"), amountOf(ru, "ana", "comm")]).toEqual(["10.01", "10.02"]);
    // ben (a credit note): −100.11 × 10% = −10.011 → down −10.01, up −10.02
    expect([amountOf(rd, "ben", "comm"), amountOf(ru, "ben", "comm")]).toEqual(["-10.01", "-10.02"]);
  });

  it("rounds only once, on the output line, not per deal", () => {
    const r = run(
      [up],
      [{ id: "ana", plan: up.id }],
      [
        { id: "x1", ownerId: "ana", amount: "0.04", closeDate: "2026-01-10" },
        { id: "x2", ownerId: "ana", amount: "0.04", closeDate: "2026-01-11" },
      ],
      "2026-Q1",
    );
    // per deal 0.004 each (each alone would round to 0.00); together 0.008 → 0.01
    expect(amountOf(r, "ana", "comm")).toBe("0.01");
  });
});

describe("a multi-period statement", () => {
  const p = plan(
    "multi",
    `
    targets:
      base: 120000
    measures:
      bookings: {}
    components:
      - { id: base, type: base }
      - { id: comm, type: commission, measure: bookings, rate: 0.1, over: year }
    `,
  );
  const people = [{ id: "ana", plan: p.id }];
  const deals = [
    { id: "d1", ownerId: "ana", amount: "100000", closeDate: "2026-03-31" },
    { id: "d2", ownerId: "ana", amount: "50000", closeDate: "2026-04-01" },
    { id: "d3", ownerId: "ana", amount: "20000", closeDate: "2026-07-01" },
  ];

  it("gives 2026-H1 on a quarterly plan as its quarters, and the amount as their sum", () => {
    const r = run([p], people, deals, "2026-H1");
    const s = statementOf(r, "ana");
    expect(s.period).toEqual({ name: "2026-H1", start: "2026-01-01", end: "2026-06-30" });
    const comm = lineOf(r, "ana", "comm");
    // Q1: 100,000 × 10% = 10,000.00; Q2: 150,000 × 10% = 15,000 to date − 10,000 = 5,000.00
    expect(comm.periods).toEqual([
      { period: "2026-Q1", amount: "10000.00" },
      { period: "2026-Q2", amount: "5000.00" },
    ]);
    // amount = 10,000 + 5,000 = 15,000.00; earned to date 15,000.00; nothing paid before H1
    expect([comm.amount, comm.earnedToDate, comm.paidBefore]).toEqual(["15000.00", "15000.00", "0.00"]);
    const base = lineOf(r, "ana", "base");
    // 30,000.00 a quarter; H1 = 60,000.00
    expect(base.periods.map((x) => x.amount)).toEqual(["30000.00", "30000.00"]);
    expect(base.amount).toBe("60000.00");
    // total = 60,000 + 15,000 = 75,000.00
    expect(s.total).toBe("75000.00");
    // the trace is given per quarter
    expect(comm.trace).toContain("2026-Q1:");
    expect(comm.trace).toContain("2026-Q2:");
    // d3, dated after H1, is still credited (it counts in Q3)
    expect(r.transactions).toMatchObject({ input: 3, credited: 3, excluded: 0, rejected: 0 });
  });

  it("pays in H2 only what H1 has not", () => {
    const comm = lineOf(run([p], people, deals, "2026-H2"), "ana", "comm");
    // to date 170,000 × 10% = 17,000.00; paid in H1 15,000.00; H2 pays 2,000.00 (all in Q3)
    expect([comm.amount, comm.earnedToDate, comm.paidBefore]).toEqual(["2000.00", "17000.00", "15000.00"]);
    expect(comm.periods.map((x) => x.amount)).toEqual(["2000.00", "0.00"]);
  });
});

describe("amounts beyond 2^53 cents", () => {
  // 2^53 cents = 90,071,992,547,409.92; these amounts are about 10^5 times larger.
  const p = plan(
    "huge",
    `
    measures:
      bookings: {}
    components:
      - { id: flat, type: commission, measure: bookings, rate: 0.04 }
      - id: tiers
        type: commission
        measure: bookings
        tiers:
          basis: value
          bands:
            - { upTo: 10000000000000000000, rate: 0.01 }
            - { rate: 0.02 }
    `,
  );

  it("computes commissions, tiers, splits and sums exactly", () => {
    const r = run(
      [p],
      [
        { id: "ana", plan: p.id },
        { id: "ben", plan: p.id },
        { id: "cy", plan: p.id },
      ],
      [
        { id: "h1", ownerId: "ana", amount: "12345678901234567890.12", closeDate: "2026-02-01" },
        { id: "h2", ownerId: "cy", amount: "12345678901234567890.12", closeDate: "2026-02-01" },
        { id: "h3", ownerId: "cy", amount: "0.01", closeDate: "2026-02-02" },
        {
          id: "h4",
          amount: "12345678901234567890.12",
          closeDate: "2026-02-01",
          splits: [
            { participantId: "ben", share: "0.5" },
            { participantId: "cy", share: "0.5" },
          ],
        },
      ],
      "2026-Q1",
    );
    // ana: 12,345,678,901,234,567,890.12 × 4% = 493,827,156,049,382,715.6048 → 493827156049382715.60
    expect(amountOf(r, "ana", "flat")).toBe("493827156049382715.60");
    // ana tiers: 10^19 × 1% = 100,000,000,000,000,000
    //   + (12,345,678,901,234,567,890.12 − 10^19 = 2,345,678,901,234,567,890.12) × 2% = 46,913,578,024,691,357.8024
    //   = 146,913,578,024,691,357.8024 → 146913578024691357.80
    expect(amountOf(r, "ana", "tiers")).toBe("146913578024691357.80");
    // ben: half of it, 6,172,839,450,617,283,945.06 × 4% = 246,913,578,024,691,357.8024 → 246913578024691357.80
    expect(statementOf(r, "ben").attainment[0]?.period.value).toBe("6172839450617283945.06");
    expect(amountOf(r, "ben", "flat")).toBe("246913578024691357.80");
    // cy: 12,345,678,901,234,567,890.12 + 0.01 + 6,172,839,450,617,283,945.06 = 18,518,518,351,851,851,835.19
    expect(statementOf(r, "cy").attainment[0]?.period.value).toBe("18518518351851851835.19");
    // × 4% = 740,740,734,074,074,073.4076 → 740740734074074073.41
    expect(amountOf(r, "cy", "flat")).toBe("740740734074074073.41");
    // total ana = 493,827,156,049,382,715.60 + 146,913,578,024,691,357.80 = 640,740,734,074,074,073.40
    expect(statementOf(r, "ana").total).toBe("640740734074074073.40");
  });
});

describe("a plan year starting in February", () => {
  const fiscal = plan(
    "fiscal",
    `
    measures:
      bookings: {}
    components:
      - { id: comm, type: commission, measure: bookings, rate: 0.1 }
    `,
    { start: "2026-02-01", payPeriod: "month" },
  );
  const people = [{ id: "ana", plan: fiscal.id }];
  const deals = [
    { id: "jan26", ownerId: "ana", amount: "1000", closeDate: "2026-01-31" }, // before the plan year
    { id: "feb26", ownerId: "ana", amount: "2000", closeDate: "2026-02-01" }, // first day
    { id: "jan27", ownerId: "ana", amount: "3000", closeDate: "2027-01-31" }, // last day
  ];

  it("is named by the year it starts in; its last month is 2027-01", () => {
    const r = run([fiscal], people, deals, "2027-01");
    // Jan 2027 belongs to plan year 2026: 3,000 × 10% = 300.00; earned to date (2,000 + 3,000) × 10% = 500.00
    const line = lineOf(r, "ana", "comm");
    expect([line.amount, line.earnedToDate, line.paidBefore]).toEqual(["300.00", "500.00", "200.00"]);
    expect(r.transactions.exclusions.map((x) => x.id)).toEqual(["jan26"]);
    // Q4 of plan year 2026 is Nov 2026 – Jan 2027; the year pays (2,000 + 3,000) × 10% = 500.00
    const q4 = run([fiscal], people, deals, "2026-Q4");
    expect(statementOf(q4, "ana").period).toEqual({
      name: "2026-Q4",
      start: "2026-11-01",
      end: "2027-01-31",
    });
    expect(amountOf(run([fiscal], people, deals, "2026"), "ana", "comm")).toBe("500.00");
  });
});
