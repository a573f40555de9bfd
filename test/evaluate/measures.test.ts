// Worked examples of crediting and measuring: splits, team measures for a manager, value expressions and
// multipliers. Expected amounts computed by hand.
import { describe, expect, it } from "vitest";
import { amountOf, expectAccounted, expectDeals, lineOf, plan, run, statementOf } from "./helpers.js";

describe("a split", () => {
  const p = plan(
    "split",
    `
    targets:
      quota: { bookings: 1000000 }
    measures:
      bookings: {}
    components:
      - { id: comm, type: commission, measure: bookings, rate: 0.1 }
    `,
  );
  const people = ["ana", "ben", "cy"].map((id) => ({ id, plan: p.id }));

  it("credits each participant their share, and the shares add up to the deal", () => {
    const r = run(
      [p],
      people,
      [
        {
          id: "s1",
          ownerId: "ana",
          amount: "100000",
          closeDate: "2026-02-01",
          splits: [
            { participantId: "ana", share: "0.6" },
            { participantId: "ben", share: 0.4 },
          ],
        },
      ],
      "2026-Q1",
    );
    // ana: 100,000 × 0.6 = 60,000 credited → 60,000 × 10% = 6,000.00
    expect(statementOf(r, "ana").attainment[0]?.period.value).toBe("60000.00");
    expect(amountOf(r, "ana", "comm")).toBe("6000.00");
    // ben: 100,000 × 0.4 = 40,000 → 4,000.00; 60,000 + 40,000 = 100,000, 6,000 + 4,000 = 10,000 = 100,000 × 10%
    expect(statementOf(r, "ben").attainment[0]?.period.value).toBe("40000.00");
    expect(amountOf(r, "ben", "comm")).toBe("4000.00");
    // cy is not in the split: 0.00
    expect(amountOf(r, "cy", "comm")).toBe("0.00");
    expect(r.transactions).toMatchObject({ input: 1, credited: 1, excluded: 0, rejected: 0 });
  });

  it("splits three ways exactly", () => {
    const r = run(
      [p],
      people,
      [
        {
          id: "s3",
          amount: "1000.01",
          closeDate: "2026-02-01",
          splits: [
            { participantId: "ana", share: "0.333" },
            { participantId: "ben", share: "0.333" },
            { participantId: "cy", share: "0.334" },
          ],
        },
      ],
      "2026-Q1",
    );
    // ana, ben: 1,000.01 × 0.333 = 333.00333 → × 10% = 33.300333 → 33.30
    // cy: 1,000.01 × 0.334 = 334.00334 → × 10% = 33.400334 → 33.40
    // credited: 333.00333 + 333.00333 + 334.00334 = 1,000.01 exactly
    expect(amountOf(r, "ana", "comm")).toBe("33.30");
    expect(amountOf(r, "ben", "comm")).toBe("33.30");
    expect(amountOf(r, "cy", "comm")).toBe("33.40");
    expectDeals(lineOf(r, "cy", "comm"), [["s3", "33.400334"]]);
  });

  it("rejects a split whose shares do not add up to 1, naming splits", () => {
    const r = run(
      [p],
      people,
      [
        {
          id: "bad",
          amount: "100",
          closeDate: "2026-02-01",
          splits: [
            { participantId: "ana", share: "0.5" },
            { participantId: "ben", share: "0.49" },
          ],
        },
        {
          id: "over",
          amount: "100",
          closeDate: "2026-02-01",
          splits: "ana:0.6;ben:0.5",
        },
        {
          id: "ghost",
          amount: "100",
          closeDate: "2026-02-01",
          splits: "ana:0.5;zed:0.5",
        },
      ],
      "2026-Q1",
    );
    expect(r.transactions.rejects.map((x) => [x.row, x.id, x.field])).toEqual([
      [1, "bad", "splits"],
      [2, "over", "splits"],
      [3, "ghost", "splits"],
    ]);
    expect(r.transactions.rejects[0]?.message).toContain("0.99");
    expect(r.transactions.rejects[2]?.message).toContain("zed");
    // never half-credited: ana's half of "ghost" is not paid
    expect(amountOf(r, "ana", "comm")).toBe("0.00");
    expectAccounted(r);
  });
});

describe("a team measure", () => {
  // mia manages ana and ben; cy reports to ana.
  const p = plan(
    "team",
    `
    measures:
      own: {}
      team: { credit: team }
    components:
      - { id: own, type: commission, measure: own, rate: 0.1 }
      - { id: override, type: commission, measure: team, rate: 0.01 }
    `,
  );
  const people = [
    { id: "cy", plan: p.id, managerId: "ana" },
    { id: "ana", plan: p.id, managerId: "mia" },
    { id: "ben", plan: p.id, managerId: "mia" },
    { id: "mia", plan: p.id },
  ];
  const deals = [
    { id: "m1", ownerId: "mia", amount: "10000", closeDate: "2026-01-05" },
    { id: "a1", ownerId: "ana", amount: "100000", closeDate: "2026-01-06" },
    { id: "b1", ownerId: "ben", amount: "50000", closeDate: "2026-01-07" },
    { id: "c1", ownerId: "cy", amount: "20000", closeDate: "2026-01-08" },
  ];
  const r = run([p], people, deals, "2026-Q1");

  it("credits a manager with their own deals and everyone's below them", () => {
    // mia: own 10,000 × 10% = 1,000.00; team 10,000 + 100,000 + 50,000 + 20,000 = 180,000 × 1% = 1,800.00
    expect(amountOf(r, "mia", "own")).toBe("1000.00");
    expect(amountOf(r, "mia", "override")).toBe("1800.00");
    const team = statementOf(r, "mia").attainment.find((a) => a.measure === "team");
    expect(team?.period.value).toBe("180000.00");
    // ana: own 100,000 → 10,000.00; team = ana + cy = 120,000 × 1% = 1,200.00
    expect(amountOf(r, "ana", "own")).toBe("10000.00");
    expect(amountOf(r, "ana", "override")).toBe("1200.00");
    // ben: no reports, team = own 50,000 × 1% = 500.00
    expect(amountOf(r, "ben", "override")).toBe("500.00");
    // cy: 20,000 × 1% = 200.00
    expect(amountOf(r, "cy", "override")).toBe("200.00");
    // mia's override, deal by deal in date order: 100, 1,000, 500, 200
    expectDeals(lineOf(r, "mia", "override"), [
      ["m1", "100"],
      ["a1", "1000"],
      ["b1", "500"],
      ["c1", "200"],
    ]);
  });

  it("counts each transaction once in the accounting", () => {
    expect(r.transactions).toMatchObject({ input: 4, credited: 4, excluded: 0, rejected: 0 });
  });

  it("treats a manager outside the participants as the top of a tree", () => {
    const r2 = run(
      [p],
      [{ id: "ana", plan: p.id, managerId: "boss" }],
      [{ id: "a1", ownerId: "ana", amount: "100000", closeDate: "2026-01-06" }],
      "2026-Q1",
    );
    expect(r2.participants.rejected).toBe(0);
    // ana's team is ana alone: 100,000 × 1% = 1,000.00
    expect(amountOf(r2, "ana", "override")).toBe("1000.00");
  });
});

describe("a measure's value expression and multipliers", () => {
  const p = plan(
    "acv",
    `
    measures:
      acv:
        value: amount * 12 / termMonths
        multipliers:
          - { when: { fact: multiYear, operator: equal, value: true }, factor: 1.2, label: multi-year }
          - { when: { fact: region, operator: equal, value: EMEA }, factor: 1.1, label: EMEA }
    components:
      - { id: comm, type: commission, measure: acv, rate: 0.1 }
    `,
  );
  const people = ["ana", "ben"].map((id) => ({ id, plan: p.id }));
  const deal = (id: string, amount: string, termMonths: unknown, extra: Record<string, unknown> = {}) => ({
    id,
    ownerId: "ana",
    amount,
    closeDate: "2026-02-01",
    termMonths,
    region: "US",
    ...extra,
  });

  it("annualises, then applies every multiplier whose condition holds, compounding", () => {
    const r = run(
      [p],
      people,
      [
        deal("m1", "36000", 36, { multiYear: true, region: "EMEA" }),
        deal("m2", "10000", "12", { multiYear: false }),
        deal("m3", "24000", 24, { region: "EMEA" }),
        deal("m4", "1000", 7),
      ],
      "2026-Q1",
    );
    // m1: 36,000 × 12 ÷ 36 = 12,000 × 1.2 × 1.1 = 15,840 → × 10% = 1,584
    // m2: 10,000 × 12 ÷ 12 = 10,000 → 1,000
    // m3: 24,000 × 12 ÷ 24 = 12,000 × 1.1 = 13,200 → 1,320
    // m4: 1,000 × 12 ÷ 7 = 1,714.285714… → 171.428571…
    // value 15,840 + 10,000 + 13,200 + 1,714.285714… = 40,754.285714… → 40,754.29
    // commission 4,075.428571… → 4,075.43
    expect(statementOf(r, "ana").attainment[0]?.period.value).toBe("40754.29");
    expect(amountOf(r, "ana", "comm")).toBe("4075.43");
    const deals = lineOf(r, "ana", "comm").deals;
    expect(deals.slice(0, 3).map((d) => [d.id, Number(d.earned)])).toEqual([
      ["m1", 1584],
      ["m2", 1000],
      ["m3", 1320],
    ]);
    expect(deals[3]?.earned.startsWith("171.428571428571")).toBe(true);
  });

  it("sees the credited share of a split as `amount`", () => {
    const r = run(
      [p],
      people,
      [
        {
          id: "sp",
          amount: "36000",
          closeDate: "2026-02-01",
          termMonths: 36,
          splits: "ana:0.5;ben:0.5",
        },
      ],
      "2026-Q1",
    );
    // each: 36,000 × 0.5 = 18,000 × 12 ÷ 36 = 6,000 → × 10% = 600.00
    expect(statementOf(r, "ana").attainment[0]?.period.value).toBe("6000.00");
    expect(amountOf(r, "ben", "comm")).toBe("600.00");
  });

  it("rejects a transaction whose field the expression needs, naming the field", () => {
    const r = run(
      [p],
      people,
      [deal("ok", "12000", 12), { id: "no-term", ownerId: "ana", amount: "5000", closeDate: "2026-02-01" }],
      "2026-Q1",
    );
    expect(r.transactions.rejects.map((x) => [x.row, x.id, x.field])).toEqual([[2, "no-term", "termMonths"]]);
    // ok: 12,000 × 12 ÷ 12 = 12,000 × 10% = 1,200.00
    expect(amountOf(r, "ana", "comm")).toBe("1200.00");
    expect(r.transactions).toMatchObject({ input: 2, credited: 1, excluded: 0, rejected: 1 });
  });
});
