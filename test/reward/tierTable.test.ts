import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/money/index.js";
import { parsePlan } from "../../src/plan/index.js";
import { resolveBands } from "../../src/reward/commission.js";
import { bandIndex, type TierBand, tierEarnings } from "../../src/reward/tierTable.js";

const d = (x: string | number) => new Decimal(x);

/** Bands from edges and rates: edges.length + 1 rates, the last band open-ended. */
function bands(edges: readonly (string | number)[], rates: readonly (string | number)[]): TierBand[] {
  let from = d(0);
  return rates.map((rate, i) => {
    const to = i < edges.length ? d(edges[i] as string) : null;
    const band: TierBand = { from, to, rate: d(rate), label: `band ${i + 1}` };
    if (to) from = to;
    return band;
  });
}

// up to 100,000 at 4%, above at 6% (the doc example)
const two = bands([100000], ["0.04", "0.06"]);
// 0% to 100,000, 5% to 300,000, 8% to 600,000, 12% above
const four = bands([100000, 300000, 600000], ["0", "0.05", "0.08", "0.12"]);

describe("bandIndex", () => {
  it("puts a value on an edge in the band below (prev < v <= upTo)", () => {
    expect(bandIndex(four, d(100000))).toBe(0);
    expect(bandIndex(four, d("100000.01"))).toBe(1);
    expect(bandIndex(four, d(300000))).toBe(1);
    expect(bandIndex(four, d(600000))).toBe(2);
    expect(bandIndex(four, d("600000.000001"))).toBe(3);
    expect(bandIndex(four, d(0))).toBe(0);
    expect(bandIndex(four, d(-5))).toBe(0);
  });
});

describe("tierEarnings", () => {
  it("marginal: each band's rate on the part inside it", () => {
    // 100,000 × 4% + 65,000 × 6% = 4,000 + 3,900 = 7,900
    expect(tierEarnings(two, d(165000), "marginal").amount.toString()).toBe("7900");
    // 100,000 × 0 + 200,000 × 5% + 300,000 × 8% + 150,000 × 12% = 0 + 10,000 + 24,000 + 18,000 = 52,000
    const r = tierEarnings(four, d(750000), "marginal");
    expect(r.amount.toString()).toBe("52000");
    expect(r.parts.map((p) => [p.band, p.portion.toString(), p.amount.toString()])).toEqual([
      [0, "100000", "0"],
      [1, "200000", "10000"],
      [2, "300000", "24000"],
      [3, "150000", "18000"],
    ]);
  });

  it("retroactive: the rate of the band holding the total, on all of it", () => {
    // 165,000 in band 2: 165,000 × 6% = 9,900
    expect(tierEarnings(two, d(165000), "retroactive").amount.toString()).toBe("9900");
    // exactly 100,000 stays in band 1: 100,000 × 4% = 4,000
    expect(tierEarnings(two, d(100000), "retroactive").amount.toString()).toBe("4000");
    // 750,000 in band 4: 750,000 × 12% = 90,000
    expect(tierEarnings(four, d(750000), "retroactive").amount.toString()).toBe("90000");
  });

  it("a negative value (net returns) earns the first band's rate, continuous through zero", () => {
    // −1,000 × 4% = −40
    expect(tierEarnings(two, d(-1000), "marginal").amount.toString()).toBe("-40");
    expect(tierEarnings(two, d(0), "marginal").amount.isZero()).toBe(true);
  });
});

describe("resolveBands", () => {
  it("places attainment edges on the quota and multipliers on BCR", () => {
    const plan = parsePlan(`
compplan: 1
id: rb
name: rb
currency: USD
year: { start: 2026-01-01 }
targets: { variable: 80000, quota: { bookings: 1000000 } }
measures: { bookings: {} }
components:
  - id: c
    type: commission
    measure: bookings
    share: 0.75
    tiers:
      bands:
        - { upTo: 0.5, rate: 0.04 }
        - { upTo: 1.0, multiplier: 1 }
        - { multiplier: 1.5 }
`);
    const c = plan.components[0];
    if (c?.type !== "commission" || !c.tiers) throw new Error("expected tiers");
    // quota 1,000,000; BCR 60,000 ÷ 1,000,000 = 0.06
    const b = resolveBands(c.tiers, { quota: d(1000000), bcr: d("0.06") });
    // edges 0.5 × 1,000,000 = 500,000 and 1.0 × 1,000,000 = 1,000,000; rates 0.04, 1 × 0.06, 1.5 × 0.06 = 0.09
    expect(b.map((x) => [x.from.toString(), x.to?.toString() ?? null, x.rate.toString()])).toEqual([
      ["0", "500000", "0.04"],
      ["500000", "1000000", "0.06"],
      ["1000000", null, "0.09"],
    ]);
    expect(b[2]?.label).toContain("1.5 × BCR 0.06 = rate 0.09");
  });
});

// Random tier tables: 1–5 edges (strictly increasing, in cents), non-negative rates with up to 4 decimals.
const tableArb = fc
  .record({
    steps: fc.array(fc.integer({ min: 1, max: 50_000_000 }), { minLength: 0, maxLength: 4 }),
    rates: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 5, maxLength: 5 }),
  })
  .map(({ steps, rates }) => {
    let edge = 0;
    const edges = steps.map((s) => {
      edge += s;
      return d(edge).div(100).toString();
    });
    return { edges, rates: rates.slice(0, edges.length + 1).map((r) => d(r).div(10000).toString()) };
  });
const valueArb = fc.integer({ min: 0, max: 300_000_000 }).map((c) => d(c).div(100));

describe("properties", () => {
  it("marginal payout is non-decreasing in the value when rates are non-negative", () => {
    fc.assert(
      fc.property(tableArb, valueArb, valueArb, (t, a, b) => {
        const table = bands(t.edges, t.rates);
        const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
        return tierEarnings(table, lo, "marginal").amount.lte(tierEarnings(table, hi, "marginal").amount);
      }),
      { numRuns: 200 },
    );
  });

  it("marginal payout is continuous: it moves by at most the highest rate × the change in value", () => {
    fc.assert(
      fc.property(tableArb, valueArb, valueArb, (t, a, b) => {
        const table = bands(t.edges, t.rates);
        const maxRate = Decimal.max(...table.map((x) => x.rate));
        const jump = tierEarnings(table, a, "marginal").amount.minus(
          tierEarnings(table, b, "marginal").amount,
        );
        return jump.abs().lte(maxRate.times(a.minus(b).abs()));
      }),
      { numRuns: 200 },
    );
  });

  it("marginal payout has no jump at any band edge", () => {
    const tiny = d("1e-30");
    fc.assert(
      fc.property(tableArb, (t) => {
        const table = bands(t.edges, t.rates);
        for (const edge of t.edges.map(d)) {
          const at = tierEarnings(table, edge, "marginal").amount;
          const above = tierEarnings(table, edge.plus(tiny), "marginal").amount;
          const below = tierEarnings(table, edge.minus(tiny), "marginal").amount;
          if (above.minus(at).abs().gt(tiny) || at.minus(below).abs().gt(tiny)) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it("marginal parts add up: portions to the value, amounts to the payout", () => {
    fc.assert(
      fc.property(tableArb, valueArb, (t, v) => {
        const r = tierEarnings(bands(t.edges, t.rates), v, "marginal");
        const portions = r.parts.reduce((s, p) => s.plus(p.portion), d(0));
        const amounts = r.parts.reduce((s, p) => s.plus(p.amount), d(0));
        return portions.eq(v) && amounts.eq(r.amount);
      }),
      { numRuns: 200 },
    );
  });

  it("retroactive pays at least marginal when rates rise band over band", () => {
    fc.assert(
      fc.property(tableArb, valueArb, (t, v) => {
        const rising = [...t.rates].sort((x, y) => d(x).cmp(d(y)));
        const table = bands(t.edges, rising);
        return tierEarnings(table, v, "retroactive").amount.gte(tierEarnings(table, v, "marginal").amount);
      }),
      { numRuns: 200 },
    );
  });

  it("both methods agree inside the first band", () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 0, max: 1_000_000 }), (t, k) => {
        const table = bands(t.edges, t.rates);
        const first = table[0]?.to;
        const v = first ? first.times(k).div(1_000_000) : d(k);
        return tierEarnings(table, v, "retroactive").amount.eq(tierEarnings(table, v, "marginal").amount);
      }),
      { numRuns: 100 },
    );
  });
});
