// Worked examples of commissions: tiers (marginal and retroactive, on value and on attainment), a deal
// crossing a band edge, exactly 100% attainment, accelerators as multiples of the base commission rate,
// caps, and rate tables chosen by conditions. Every expected amount is computed by hand in the comment
// beside it.
import { describe, expect, it } from "vitest";
import { amountOf, expectAccounted, expectDeals, lineOf, plan, run, statementOf } from "./helpers.js";

// Bands on the value itself, with a 0% threshold band: the first 100,000 earns nothing.
const valueBands = (method: "marginal" | "retroactive") =>
  plan(
    `value-${method}`,
    `
    measures:
      bookings: {}
    components:
      - id: tiers
        type: commission
        measure: bookings
        tiers:
          basis: value
          method: ${method}
          bands:
            - { upTo: 100000, rate: 0 }
            - { upTo: 300000, rate: 0.05 }
            - { upTo: 600000, rate: 0.08 }
            - { rate: 0.12 }
    `,
    { payPeriod: "year" },
  );

const deal = (id: string, ownerId: string, amount: string, closeDate: string, extra = {}) => ({
  id,
  ownerId,
  amount,
  closeDate,
  ...extra,
});

describe("marginal tiers", () => {
  const p = valueBands("marginal");
  const people = ["ana", "ben", "cy", "dee"].map((id) => ({ id, plan: p.id }));
  const deals = [
    deal("a1", "ana", "450000", "2026-02-10"),
    deal("a2", "ana", "300000", "2026-09-01"),
    deal("b1", "ben", "80000", "2026-03-01"),
    deal("c1", "cy", "300000", "2026-05-05"),
    deal("d1", "dee", "300000.01", "2026-05-05"),
  ];
  const result = run([p], people, deals, "2026");

  it("pays each band's rate on the part inside it, across several bands with a 0% threshold", () => {
    // ana, 750,000: 100,000 × 0% + 200,000 × 5% + 300,000 × 8% + 150,000 × 12%
    //             = 0 + 10,000 + 24,000 + 18,000 = 52,000.00
    expect(amountOf(result, "ana", "tiers")).toBe("52000.00");
    // ben, 80,000: all inside the 0% band = 0.00
    expect(amountOf(result, "ben", "tiers")).toBe("0.00");
    // cy, exactly 300,000 (on the edge of band 2): 100,000 × 0% + 200,000 × 5% = 10,000.00
    expect(amountOf(result, "cy", "tiers")).toBe("10000.00");
    // dee, 300,000.01: 10,000 + 0.01 × 8% = 10,000.0008 → 10,000.00
    expect(amountOf(result, "dee", "tiers")).toBe("10000.00");
    expectAccounted(result);
  });

  it("attributes to each deal the increment it adds, in date order", () => {
    // a1 (Feb 10), 0 → 450,000: 0 + 10,000 + 150,000 × 8% = 22,000
    // a2 (Sep 1), 450,000 → 750,000: 150,000 × 8% + 150,000 × 12% = 12,000 + 18,000 = 30,000
    expectDeals(lineOf(result, "ana", "tiers"), [
      ["a1", "22000"],
      ["a2", "30000"],
    ]);
    // dee's deal earns its exact, unrounded increment: 10,000.0008
    expectDeals(lineOf(result, "dee", "tiers"), [["d1", "10000.0008"]]);
  });

  it("traces every band used, including the 0% band", () => {
    const trace = lineOf(result, "ana", "tiers").trace.join("\n");
    expect(trace).toContain("marginal tiers on 750,000");
    expect(trace).toMatch(/band 1 .*100,000 × 0 = 0/);
    expect(trace).toMatch(/band 2 .*200,000 × 0\.05 = 10,000/);
    expect(trace).toMatch(/band 3 .*300,000 × 0\.08 = 24,000/);
    expect(trace).toMatch(/band 4 .*150,000 × 0\.12 = 18,000/);
  });
});

describe("retroactive (highest rate) tiers", () => {
  const p = valueBands("retroactive");
  const people = ["ana", "ben", "cy", "dee"].map((id) => ({ id, plan: p.id }));
  const deals = [
    deal("a1", "ana", "450000", "2026-02-10"),
    deal("a2", "ana", "300000", "2026-09-01"),
    deal("b1", "ben", "80000", "2026-03-01"),
    deal("c1", "cy", "300000", "2026-05-05"),
    deal("d1", "dee", "300000.01", "2026-05-05"),
  ];
  const result = run([p], people, deals, "2026");

  it("pays the rate of the band holding the total on the whole value", () => {
    // ana, 750,000 is in band 4: 750,000 × 12% = 90,000.00
    expect(amountOf(result, "ana", "tiers")).toBe("90000.00");
    // ben, 80,000 in the 0% band: 0.00
    expect(amountOf(result, "ben", "tiers")).toBe("0.00");
    // cy, exactly 300,000: the edge belongs to band 2 (100,000 < v <= 300,000): 300,000 × 5% = 15,000.00
    expect(amountOf(result, "cy", "tiers")).toBe("15000.00");
    // dee, 300,000.01 is in band 3: 300,000.01 × 8% = 24,000.0008 → 24,000.00
    expect(amountOf(result, "dee", "tiers")).toBe("24000.00");
  });

  it("attributes the step-up to the deal that crossed the edge", () => {
    // a1: 450,000 in band 3 → 450,000 × 8% = 36,000
    // a2: total 750,000 × 12% = 90,000, minus the 36,000 already earned = 54,000
    expectDeals(lineOf(result, "ana", "tiers"), [
      ["a1", "36000"],
      ["a2", "54000"],
    ]);
    const trace = lineOf(result, "cy", "tiers").trace.join("\n");
    expect(trace).toContain("retroactive tiers on 300,000");
    expect(trace).toMatch(/band 2 .*300,000 × 0\.05 = 15,000/);
    expect(trace).not.toContain("band 3");
  });
});

// Attainment bands on an annual quota of 1,000,000: 4% to 50%, 6% to 100%, 9% above.
const attainmentPlan = (id: string, method = "marginal") =>
  plan(
    id,
    `
    targets:
      quota: { bookings: 1000000 }
    measures:
      bookings: {}
    components:
      - id: tiers
        type: commission
        measure: bookings
        over: year
        tiers:
          basis: attainment
          method: ${method}
          bands:
            - { upTo: 0.5, rate: 0.04 }
            - { upTo: 1.0, rate: 0.06 }
            - { rate: 0.09 }
    `,
  );

describe("a deal crossing a band edge", () => {
  const p = attainmentPlan("blend");
  // Given out of date order: attribution must follow the dates, not the input.
  const deals = [
    deal("t-c", "ana", "450000", "2026-03-01"),
    deal("t-a", "ana", "400000", "2026-01-10"),
    deal("t-d", "ana", "100000", "2026-04-15"),
    deal("t-b", "ana", "200000", "2026-02-05"),
  ];
  const people = [{ id: "ana", plan: p.id }];

  it("earns a blended rate, and each deal its exact increment in date order", () => {
    const q1 = run([p], people, deals, "2026-Q1");
    // Q1 year to date 1,050,000 against edges 500,000 and 1,000,000 (annual quota × 0.5 and × 1.0):
    // 500,000 × 4% + 500,000 × 6% + 50,000 × 9% = 20,000 + 30,000 + 4,500 = 54,500.00
    expect(amountOf(q1, "ana", "tiers")).toBe("54500.00");
    // t-a (Jan 10), 0 → 400,000: 400,000 × 4% = 16,000
    // t-b (Feb 5), 400,000 → 600,000 crosses 500,000: 100,000 × 4% + 100,000 × 6% = 4,000 + 6,000 = 10,000
    //   (a blended 10,000 / 200,000 = 5%)
    // t-c (Mar 1), 600,000 → 1,050,000 crosses 1,000,000: 400,000 × 6% + 50,000 × 9% = 24,000 + 4,500 = 28,500
    // 16,000 + 10,000 + 28,500 = 54,500 ✓
    expectDeals(lineOf(q1, "ana", "tiers"), [
      ["t-a", "16000"],
      ["t-b", "10000"],
      ["t-c", "28500"],
    ]);
  });

  it("keeps the edges on the annual quota in the next quarter, and pays only the increment", () => {
    const q2 = run([p], people, deals, "2026-Q2");
    const line = lineOf(q2, "ana", "tiers");
    // Q2 adds t-d (Apr 15), 1,050,000 → 1,150,000, all above 100%: 100,000 × 9% = 9,000
    // earned to date 54,500 + 9,000 = 63,500.00; paid before 54,500.00; payable 9,000.00
    expect([line.amount, line.earnedToDate, line.paidBefore]).toEqual(["9000.00", "63500.00", "54500.00"]);
    expectDeals(line, [["t-d", "9000"]]);
  });
});

describe("exactly 100% attainment", () => {
  const marginal = attainmentPlan("at-100-marginal");
  const retro = attainmentPlan("at-100-retro", "retroactive");
  const deals = [deal("a1", "ana", "1000000", "2026-02-01"), deal("b1", "ben", "1000000.01", "2026-02-01")];
  const people = (p: { id: string }) => ["ana", "ben"].map((id) => ({ id, plan: p.id }));

  it("uses the band ending at 1.0, not the accelerator above it (retroactive)", () => {
    const r = run([retro], people(retro), deals, "2026-Q1");
    // ana, exactly 1,000,000 = 100% of quota: band 2 (50% < a <= 100%) at 6%: 1,000,000 × 6% = 60,000.00
    //   (the accelerator would have paid 1,000,000 × 9% = 90,000)
    expect(amountOf(r, "ana", "tiers")).toBe("60000.00");
    expect(statementOf(r, "ana").attainment[0]?.annual.attainment).toBe("1");
    const trace = lineOf(r, "ana", "tiers").trace.join("\n");
    expect(trace).toMatch(/band 2 .*1,000,000 × 0\.06 = 60,000/);
    expect(trace).not.toContain("band 3");
    // ben, one cent above: band 3 on all of it: 1,000,000.01 × 9% = 90,000.0009 → 90,000.00
    expect(amountOf(r, "ben", "tiers")).toBe("90000.00");
  });

  it("puts nothing in the accelerator band (marginal)", () => {
    const r = run([marginal], people(marginal), deals, "2026-Q1");
    // ana: 500,000 × 4% + 500,000 × 6% = 20,000 + 30,000 = 50,000.00, nothing at 9%
    expect(amountOf(r, "ana", "tiers")).toBe("50000.00");
    expect(lineOf(r, "ana", "tiers").trace.join("\n")).not.toContain("band 3");
    // ben: 50,000 + 0.01 × 9% = 50,000.0009 → 50,000.00, and band 3 holds the cent
    expect(amountOf(r, "ben", "tiers")).toBe("50000.00");
    expect(lineOf(r, "ben", "tiers").trace.join("\n")).toMatch(/band 3 .*0\.01 × 0\.09 = 0/);
  });
});

// 75% of an 80,000 variable = 60,000 target; quota 1,000,000 → BCR = 60,000 ÷ 1,000,000 = 6%.
const bcrPlan = (id: string, cap = "") =>
  plan(
    id,
    `
    targets:
      variable: 80000
      quota: { bookings: 1000000 }
    measures:
      bookings: {}
    components:
      - id: comm
        type: commission
        measure: bookings
        share: 0.75
        over: year
        tiers:
          bands:
            - { upTo: 0.5, rate: 0.04 }
            - { upTo: 1.0, multiplier: 1 }
            - { multiplier: 1.5 }
        ${cap}
    `,
  );

describe("exactly 100% of a prorated quota", () => {
  it("still uses the band ending at 1.0 for a mid-year hire", () => {
    const retro = attainmentPlan("at-100-hire", "retroactive");
    const r = run(
      [retro],
      [{ id: "ana", plan: retro.id, hireDate: "2026-01-15", "quota.bookings": "360000" }],
      [deal("a1", "ana", "346000", "2026-03-01")],
      "2026-Q1",
    );
    // quarterly quota 360,000 ÷ 4 = 90,000; Q1 prorated 90,000 × 76/90 = 76,000 (Jan 15..Mar 31 = 76 of 90 days)
    // year quota 76,000 + 3 × 90,000 = 346,000; 346,000 of bookings is exactly 100%:
    // band 2 at 6%: 346,000 × 6% = 20,760.00 (not 346,000 × 9% = 31,140)
    expect(statementOf(r, "ana").attainment[0]?.annual).toEqual({
      value: "346000.00",
      quota: "346000.00",
      attainment: "1",
    });
    expect(amountOf(r, "ana", "tiers")).toBe("20760.00");
  });
});

describe("tiers measured per period", () => {
  it("place attainment edges on each period's seasonal quota", () => {
    const p = plan(
      "per-period-tiers",
      `
      targets:
        quota: { bookings: 1000000 }
      measures:
        bookings:
          seasonality: [0.2, 0.3, 0.25, 0.25]
      components:
        - id: tiers
          type: commission
          measure: bookings
          over: period
          tiers:
            bands:
              - { upTo: 1.0, rate: 0.05 }
              - { rate: 0.1 }
      `,
    );
    const deals = [deal("q1", "ana", "300000", "2026-02-01"), deal("q2", "ana", "300000", "2026-05-01")];
    const r = run([p], [{ id: "ana", plan: p.id }], deals, "2026-H1");
    const line = lineOf(r, "ana", "tiers");
    // Q1 quota 1,000,000 × 0.2 = 200,000: 200,000 × 5% + 100,000 × 10% = 10,000 + 10,000 = 20,000.00
    // Q2 quota 1,000,000 × 0.3 = 300,000: exactly 100%, 300,000 × 5% = 15,000.00 (Q1's excess does not carry)
    expect(line.periods.map((x) => x.amount)).toEqual(["20000.00", "15000.00"]);
    // H1 = 20,000 + 15,000 = 35,000.00
    expect(line.amount).toBe("35000.00");
    expect(line.trace.join("\n")).toContain("of 2026-Q1 quota 200,000");
  });
});

describe("an accelerator written as a multiple of the base commission rate", () => {
  const p = bcrPlan("bcr");

  it("resolves multipliers against BCR = target ÷ quota", () => {
    const r = run(
      [p],
      [
        { id: "ana", plan: p.id },
        { id: "ben", plan: p.id, variable: "100000" },
        { id: "cy", plan: p.id, "quota.bookings": "800000" },
      ],
      [
        deal("a1", "ana", "1200000", "2026-02-01"),
        deal("b1", "ben", "1200000", "2026-02-01"),
        deal("c1", "cy", "1000000", "2026-02-01"),
      ],
      "2026-Q1",
    );
    // ana: BCR 6%, accelerator 1.5 × 6% = 9%; 1,200,000:
    //   500,000 × 4% + 500,000 × 6% + 200,000 × 9% = 20,000 + 30,000 + 18,000 = 68,000.00
    expect(amountOf(r, "ana", "comm")).toBe("68000.00");
    const trace = lineOf(r, "ana", "comm").trace.join("\n");
    expect(trace).toContain("1 × BCR 0.06 = rate 0.06");
    expect(trace).toContain("1.5 × BCR 0.06 = rate 0.09");
    // ben: variable 100,000 → target 75,000, BCR 75,000 ÷ 1,000,000 = 7.5%, accelerator 11.25%:
    //   20,000 + 500,000 × 7.5% + 200,000 × 11.25% = 20,000 + 37,500 + 22,500 = 80,000.00
    expect(amountOf(r, "ben", "comm")).toBe("80000.00");
    // cy: quota 800,000 → edges 400,000 and 800,000; BCR 60,000 ÷ 800,000 = 7.5%, accelerator 11.25%:
    //   400,000 × 4% + 400,000 × 7.5% + 200,000 × 11.25% = 16,000 + 30,000 + 22,500 = 68,500.00
    expect(amountOf(r, "cy", "comm")).toBe("68500.00");
  });
});

describe("caps", () => {
  const deals = [
    deal("q1", "ana", "700000", "2026-02-01"),
    deal("q2", "ana", "500000", "2026-05-01"),
    deal("q3", "ana", "100000", "2026-08-01"),
  ];

  it("bounds earnings to date at a multiple of the target (ofTarget)", () => {
    const p = bcrPlan("cap-of-target", "cap: { ofTarget: 1 }");
    const people = [{ id: "ana", plan: p.id }];
    // cap = 1 × target 60,000 = 60,000
    const q1 = lineOf(run([p], people, deals, "2026-Q1"), "ana", "comm");
    // Q1 700,000: 500,000 × 4% + 200,000 × 6% = 20,000 + 12,000 = 32,000.00 (under the cap)
    expect(q1.amount).toBe("32000.00");
    const q2 = lineOf(run([p], people, deals, "2026-Q2"), "ana", "comm");
    // Q2 to date 1,200,000: 20,000 + 30,000 + 200,000 × 9% = 68,000, capped at 60,000.00;
    // payable 60,000 − 32,000 = 28,000.00
    expect([q2.amount, q2.earnedToDate, q2.paidBefore]).toEqual(["28000.00", "60000.00", "32000.00"]);
    expect(q2.trace.join("\n")).toContain("capped at 1 × target 60,000 = 60,000 (uncapped 68,000)");
    const q3 = lineOf(run([p], people, deals, "2026-Q3"), "ana", "comm");
    // Q3 to date 1,300,000: uncapped 68,000 + 100,000 × 9% = 77,000, still capped at 60,000: payable 0.00
    expect([q3.amount, q3.earnedToDate]).toEqual(["0.00", "60000.00"]);
  });

  it("bounds earnings to date at a fixed amount", () => {
    const p = bcrPlan("cap-amount", "cap: { amount: 50000 }");
    const people = [{ id: "ana", plan: p.id }];
    // Q1 32,000 (as above); Q2 68,000 capped at 50,000 → payable 50,000 − 32,000 = 18,000.00
    const q2 = lineOf(run([p], people, deals, "2026-Q2"), "ana", "comm");
    expect([q2.amount, q2.earnedToDate, q2.paidBefore]).toEqual(["18000.00", "50000.00", "32000.00"]);
    // The whole year: 50,000.00 = Q1 32,000 + Q2 18,000 + Q3 0 + Q4 0
    const year = lineOf(run([p], people, deals, "2026"), "ana", "comm");
    expect(year.amount).toBe("50000.00");
    expect(year.periods.map((x) => x.amount)).toEqual(["32000.00", "18000.00", "0.00", "0.00"]);
  });

  it("prorates an ofTarget cap and the band edges for a participant hired mid-year", () => {
    const p = bcrPlan("cap-hire", "cap: { ofTarget: 1 }");
    const r = run(
      [p],
      [{ id: "ana", plan: p.id, hireDate: "2026-07-01" }],
      [deal("h1", "ana", "600000", "2026-08-01")],
      "2026-Q3",
    );
    // Employed Q3 and Q4 only: the year's quota 250,000 × 2 = 500,000 (edges 250,000 and 500,000);
    // the year's target 60,000 ÷ 4 × 2 = 30,000; BCR stays 60,000 ÷ 1,000,000 = 6%.
    // 600,000: 250,000 × 4% + 250,000 × 6% + 100,000 × 9% = 10,000 + 15,000 + 9,000 = 34,000,
    // capped at 1 × 30,000 = 30,000.00
    expect(amountOf(r, "ana", "comm")).toBe("30000.00");
  });
});

describe("a rate table chosen by conditions", () => {
  const p = plan(
    "table",
    `
    measures:
      bookings: {}
    components:
      - id: table
        type: commission
        measure: bookings
        rates:
          - { when: { fact: product, operator: equal, value: saas }, rate: 0.10, label: saas }
          - { when: { fact: region, operator: in, value: [EMEA, APAC] }, rate: 0.08, label: international }
          - { rate: 0.05, label: default }
    `,
  );
  const r = run(
    [p],
    [{ id: "ana", plan: p.id }],
    [
      deal("s1", "ana", "10000", "2026-01-05", { product: "saas", region: "EMEA" }),
      deal("h1", "ana", "20000", "2026-01-06", { product: "hardware", region: "EMEA" }),
      deal("h2", "ana", "30000", "2026-01-07", { product: "hardware", region: "US" }),
      deal("s2", "ana", "5000.50", "2026-01-08", { product: "saas", region: "US" }),
    ],
    "2026-Q1",
  );

  it("applies the first row whose condition holds, per transaction", () => {
    // s1 saas (first row wins over EMEA): 10,000 × 10% = 1,000
    // h1 hardware in EMEA: 20,000 × 8% = 1,600
    // h2 hardware in US: default 30,000 × 5% = 1,500
    // s2 saas in US: 5,000.50 × 10% = 500.05
    // total 1,000 + 1,600 + 1,500 + 500.05 = 4,600.05
    expect(amountOf(r, "ana", "table")).toBe("4600.05");
    expectDeals(lineOf(r, "ana", "table"), [
      ["s1", "1000"],
      ["h1", "1600"],
      ["h2", "1500"],
      ["s2", "500.05"],
    ]);
    const trace = lineOf(r, "ana", "table").trace.join("\n");
    // saas: 10,000 + 5,000.50 = 15,000.50 × 10% = 1,500.05
    expect(trace).toContain("saas: 15,000.5 × 0.1 = 1,500.05");
    expect(trace).toContain("international: 20,000 × 0.08 = 1,600");
    expect(trace).toContain("default: 30,000 × 0.05 = 1,500");
  });
});

describe("a commission with its own target", () => {
  // ENGINE BUG (reported): a component written with `target:` (no `share`) gets no target context
  // (evaluate.ts checks `"share" in c`), so BCR = 0 and every multiplier band pays 0.
  it("derives BCR from `target:` ÷ quota", () => {
    const p = plan(
      "bcr-own-target",
      `
      targets:
        quota: { bookings: 1000000 }
      measures:
        bookings: {}
      components:
        - id: comm
          type: commission
          measure: bookings
          target: 60000
          tiers:
            bands:
              - { upTo: 1.0, multiplier: 1 }
              - { multiplier: 1.5 }
      `,
    );
    const r = run([p], [{ id: "ana", plan: p.id }], [deal("t1", "ana", "400000", "2026-01-10")], "2026-Q1");
    // BCR = 60,000 ÷ 1,000,000 = 6%; 400,000 × 6% = 24,000.00
    expect(amountOf(r, "ana", "comm")).toBe("24000.00");
  });
});

describe("seasonality written per quarter on a plan paid monthly", () => {
  it("spreads each quarter's share over its months, the months adding up to the quarter exactly", () => {
    const p = plan(
      "monthly-quarterly-seasons",
      `
      targets:
        quota: { bookings: 1200000 }
      measures:
        bookings:
          seasonality: [0.2, 0.3, 0.25, 0.25]
      components:
        - id: flat
          type: commission
          measure: bookings
          rate: 0.1
      `,
      { payPeriod: "month" },
    );
    const r = run([p], [{ id: "ana", plan: p.id }], [deal("d1", "ana", "100000", "2026-02-10")], "2026-Q1");
    const bookings = statementOf(r, "ana").attainment.find((a) => a.measure === "bookings");
    // Q1's quota 1,200,000 × 0.2 = 240,000, 80,000 a month (0.2 ÷ 3 of the year each, the third taking the rest)
    expect(bookings?.periods.map((x) => x.quota)).toEqual(["80000.00", "80000.00", "80000.00"]);
    expect(bookings?.period.quota).toBe("240000.00");
    // 100,000 × 10% = 10,000.00
    expect(amountOf(r, "ana", "flat")).toBe("10000.00");
  });
});
