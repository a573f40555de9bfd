import { describe, expect, it } from "vitest";
import { CompplanError } from "../../src/errors/index.js";
import { loadPlan } from "../../src/plan/index.js";
import { compareSimulated, sampler, seededRandom, simulate } from "../../src/simulate/index.js";
import { plan } from "./helpers.js";

const quick = loadPlan("test/fixtures/off-target-ae.yaml");
const metric = <T extends { metric: string }>(rows: T[], name: string) => rows.find((r) => r.metric === name);

describe("simulate", () => {
  it("reproduces identical output from the same seed, and other output from another seed", () => {
    const options = {
      participants: 20,
      distribution: { kind: "lognormal", mean: 1, sd: 0.3 } as const,
      runs: 300,
      seed: 42,
      keepRuns: true,
    };
    const first = JSON.stringify(simulate(quick, options));
    const second = JSON.stringify(simulate(quick, options));
    expect(second).toBe(first);
    expect(JSON.stringify(simulate(quick, { ...options, seed: 43 }))).not.toBe(first);
  });

  it("costs exactly the 100% pay of each participant when everyone attains 100%", () => {
    // Quick-start plan at 100%: base 120,000 + commission 500,000 × 4% + 500,000 × 6% = 50,000
    // + quarterly bonus 4 × 5,000 = 20,000 → 190,000 a participant; 3 participants → 570,000 every run.
    // Revenue 3 × 1,000,000; cost of sales 570,000 ÷ 3,000,000 = 0.19.
    const r = simulate(quick, {
      participants: 3,
      distribution: { kind: "resample", history: [1] },
      runs: 5,
      seed: 1,
    });
    expect(metric(r.summary, "total cost")).toMatchObject({
      mean: "570000.00",
      p10: "570000.00",
      p90: "570000.00",
    });
    expect(metric(r.summary, "component new-business")?.mean).toBe("150000.00");
    expect(metric(r.summary, "component q-bonus")?.mean).toBe("60000.00");
    expect(metric(r.summary, "revenue")?.mean).toBe("3000000.00");
    expect(metric(r.summary, "cost of sales")?.mean).toBe("0.190000");
    expect(r.perParticipant.map((p) => [p.participantId, p.attainment, p.mean])).toEqual([
      ["p1", "1.000000", "190000.00"],
      ["p2", "1.000000", "190000.00"],
      ["p3", "1.000000", "190000.00"],
    ]);
    expect(r.notes).toEqual([]);
  });

  it("spreads pay as the draws spread: two equally likely years of 50% and 150%", () => {
    // At 50%: 120,000 + 500,000 × 4% = 140,000 (the bonus is gated at 50% and its curve starts at 0).
    // At 150%: 120,000 + 50,000 + 500,000 × 9% = 215,000 commission… i.e. 95,000, plus the bonus at 2 × 5,000
    // a quarter = 40,000 → 255,000.
    const r = simulate(quick, {
      participants: 1,
      distribution: { kind: "resample", history: ["0.5", "1.5"] },
      runs: 2000,
      seed: 9,
    });
    const pay = metric(r.summary, "participant payout");
    expect(pay).toMatchObject({ min: "140000.00", max: "255000.00", p10: "140000.00", p90: "255000.00" });
    // The mean is 140,000 + 115,000 × (share of 150% draws), near half.
    const share = (Number(pay?.mean) - 140000) / 115000;
    expect(Math.abs(share - 0.5)).toBeLessThan(0.05);
  });

  it("draws every participant at the mean when the spread is zero", () => {
    const r = simulate(quick, {
      participants: 2,
      distribution: { kind: "normal", mean: "1.5", sd: 0 },
      runs: 3,
      seed: 1,
    });
    expect(metric(r.summary, "participant payout")).toMatchObject({ min: "255000.00", max: "255000.00" });
  });

  it("simulates participants from records, each on their own targets", () => {
    // Ana's quota is 500,000: her base commission rate is 60,000 ÷ 500,000 = 12%, so at 100% the commission
    // pays 250,000 × 4% + 250,000 × 12% = 40,000, the bonus 20,000 → 120,000 + 60,000 = 180,000.
    // Ben has a variable of 40,000: BCR 30,000 ÷ 1,000,000 = 3%: 20,000 + 15,000 = 35,000 commission; bonus
    // 10,000 → 165,000.
    const r = simulate(quick, {
      participants: [
        { id: "ana", name: "Ana", "quota.bookings": 500000 },
        { id: "ben", name: "Ben", variable: 40000 },
      ],
      distribution: { kind: "resample", history: [1] },
      runs: 2,
      seed: 1,
    });
    expect(r.perParticipant.map((p) => [p.participantId, p.name, p.mean])).toEqual([
      ["ana", "Ana", "180000.00"],
      ["ben", "Ben", "165000.00"],
    ]);
  });

  it("refuses what it cannot simulate, saying why", () => {
    const base = { participants: 1, distribution: { kind: "normal", mean: 1, sd: 0.3 } as const, seed: 1 };
    expect(() => simulate(quick, { ...base, runs: 0 })).toThrow(CompplanError);
    expect(() => simulate(quick, { ...base, runs: 1, seed: 1.5 })).toThrow(/seed/);
    expect(() =>
      simulate(quick, { ...base, runs: 1, distribution: { kind: "resample", history: [] } }),
    ).toThrow(/history/);
    expect(() =>
      simulate(quick, { ...base, runs: 1, participants: [{ id: "x", "quota.bookings": "lots" }] }),
    ).toThrow(/quota.bookings/);
  });
});

describe("seeded draws", () => {
  it("repeat for a seed, and a lognormal has the mean and spread asked for", () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    const { draw } = sampler({ kind: "lognormal", mean: 1.1, sd: 0.4 });
    const random = seededRandom(11);
    const n = 40000;
    const draws = Array.from({ length: n }, () => draw(random));
    const mean = draws.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean - 1.1)).toBeLessThan(0.01);
    expect(Math.abs(sd - 0.4)).toBeLessThan(0.01);
    expect(Math.min(...draws)).toBeGreaterThan(0);
  });
});

describe("compareSimulated", () => {
  it("finds no difference anywhere between a plan and itself", () => {
    const c = compareSimulated(quick, quick, {
      participants: 10,
      distribution: { kind: "normal", mean: 1, sd: 0.4 },
      runs: 200,
      seed: 3,
    });
    for (const row of c.summary) {
      expect([row.meanDifference, row.p10Difference, row.p50Difference, row.p90Difference]).toEqual(
        row.metric === "cost of sales"
          ? ["0.000000", "0.000000", "0.000000", "0.000000"]
          : ["0.00", "0.00", "0.00", "0.00"],
      );
      expect(row.meanA).toBe(row.meanB);
    }
    expect(c.perParticipant.every((p) => p.meanDifference === "0.00" && p.winShare === "0.000000")).toBe(
      true,
    );
    expect([c.winners, c.losers, c.participantYears.same]).toEqual([[], [], "1.000000"]);
  });

  it("evaluates plan B on plan A's sales: a higher quota lowers attainment under B", () => {
    // A: quota 1,000,000, bonus target 10,000 on a straight curve. B: quota 1,250,000, same curve and target.
    // A participant drawn at 100% of A's quota sells 1,000,000: 80% of B's quota, so B pays 8,000. A pays
    // 10,000: a 2,000 loss for every participant-year.
    const body = (quota: number) => `
      targets: { variable: 10000, quota: { sales: ${quota} } }
      measures: { sales: {} }
      components:
        - { id: bonus, type: bonus, measure: sales, share: 1, over: year, curve: [[0, 0], [2, 2]] }
    `;
    const c = compareSimulated(plan(body(1000000), { id: "a" }), plan(body(1250000), { id: "b" }), {
      participants: 4,
      distribution: { kind: "resample", history: [1] },
      runs: 3,
      seed: 1,
    });
    expect(metric(c.summary, "total cost")).toMatchObject({
      meanA: "40000.00",
      meanB: "32000.00",
      meanDifference: "-8000.00",
    });
    expect(c.perParticipant[0]).toMatchObject({ meanA: "10000.00", meanB: "8000.00", loseShare: "1.000000" });
    expect(c.losers).toEqual(["p1", "p2", "p3", "p4"]);
    expect(c.participantYears).toEqual({ wins: "0.000000", loses: "1.000000", same: "0.000000" });
  });
});

describe("compareSimulated across rounding scales", () => {
  it("compares cents with mills in mills", () => {
    const mills = { ...quick, id: "mills", rounding: { scale: 3, mode: "half-up" as const } };
    const c = compareSimulated(quick, mills, {
      participants: 2,
      distribution: { kind: "resample", history: ["1.23456"] },
      runs: 2,
      seed: 1,
      attainmentScale: 5,
    });
    // At 123.456%: base 120,000; commission 50,000 + 234,560 × 9% = 71,110.4; bonus 4 × 5,000 × 1.46912
    // = 29,382.4 → 220,492.80 in cents, 220,492.800 in mills: no difference.
    expect(metric(c.summary, "total cost")).toMatchObject({
      meanA: "440985.600",
      meanB: "440985.600",
      meanDifference: "0.000",
    });
  });
});

describe("spread", () => {
  it("finds the quantiles goals' quantile finds, by selection instead of sorting", async () => {
    const { spread } = await import("../../src/simulate/stats.js");
    const { quantile } = await import("../../src/goals/index.js");
    const { Decimal } = await import("../../src/money/index.js");
    const random = seededRandom(3);
    for (const n of [1, 2, 3, 10, 11, 997]) {
      const values = Array.from({ length: n }, () => Math.floor(random() * 50) * 100);
      const sorted = [...values].sort((a, b) => a - b).map((v) => new Decimal(v));
      const s = spread(values);
      expect([s.p10, s.p50, s.p90, s.min, s.max].map(String)).toEqual(
        [
          quantile(sorted, "0.1"),
          quantile(sorted, "0.5"),
          quantile(sorted, "0.9"),
          sorted[0],
          sorted[n - 1],
        ].map(String),
      );
    }
  });
});
