// A span without quota (a seasonality share of 0, a participant quota of 0, a period the participant was not
// employed): no quota, no attainment, so components that read the quota (tiers on attainment, bands written as
// multiples of the base commission rate, bonus curves) earn nothing for that span, and the trace says why.
// Every expected amount is computed by hand beside it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/money/index.js";
import { amountOf, expectAccounted, expectDeals, lineOf, plan, type Row, run } from "./helpers.js";

// Quota 100,000 spread 40% / 30% / 30% / 0% over the quarters: Q4 has no quota. Target 10,000, so the base
// commission rate is 10,000 ÷ 100,000 = 0.1; band 2 pays 2 × 0.1 = 0.2, band 3 pays 4 × 0.1 = 0.4.
const seasonal = (over: "period" | "year") =>
  plan(
    `zero-q4-${over}`,
    `
    targets: { quota: { bookings: 100000 } }
    measures:
      bookings: { seasonality: [0.4, 0.3, 0.3, 0] }
    components:
      - id: tiers
        type: commission
        measure: bookings
        over: ${over}
        target: 10000
        tiers:
          basis: attainment
          bands:
            - { upTo: 0.5, rate: 0 }
            - { upTo: 1, multiplier: 2 }
            - { multiplier: 4 }
      - id: bonus
        type: bonus
        measure: bookings
        over: ${over}
        target: 4000
        curve: [[0, 0], [1, 1]]
    `,
  );

const deal = (id: string, ownerId: string, amount: string, closeDate: string): Row => ({
  id,
  ownerId,
  amount,
  closeDate,
});

describe("tiers on attainment against a zero quota", () => {
  it("pay nothing for a quarter whose seasonality share is 0 (the issue's reproducer), and say why", () => {
    const p = seasonal("period");
    const result = run(
      [p],
      [{ id: "ana", plan: p.id }],
      [deal("d1", "ana", "10000", "2026-11-01")],
      "2026-Q4",
    );
    // Q4 quota = 100,000 × 0 = 0: no attainment, so 0.00 (before: 10,000 in the top band × 0.4 = 4,000.00).
    expect(amountOf(result, "ana", "tiers")).toBe("0.00");
    // The bonus on the same quarter already paid nothing: no quota, no attainment.
    expect(amountOf(result, "ana", "bonus")).toBe("0.00");
    const line = lineOf(result, "ana", "tiers");
    expect(line.trace).toContain("no quota for 2026-Q4 (bookings): attainment undefined, earns 0");
    expect(line.trace.join("\n")).not.toMatch(/band 3/);
    // The deal is listed, earning exactly nothing: attribution still adds up to the line.
    expectDeals(line, [["d1", "0"]]);
    expectAccounted(result);
  });

  it("still price a quarter with a quota on its own edges", () => {
    const p = seasonal("period");
    const result = run(
      [p],
      [{ id: "ana", plan: p.id }],
      [deal("d1", "ana", "20000", "2026-08-01")],
      "2026-Q3",
    );
    // Q3 quota = 100,000 × 0.3 = 30,000; edges 0.5 × 30,000 = 15,000 and 30,000:
    // 15,000 × 0 + 5,000 × 0.2 = 1,000.00
    expect(amountOf(result, "ana", "tiers")).toBe("1000.00");
  });

  it("over the whole year, pay only the quarters with a quota", () => {
    const p = seasonal("period");
    const result = run(
      [p],
      [{ id: "ana", plan: p.id }],
      [deal("d1", "ana", "20000", "2026-08-01"), deal("d2", "ana", "10000", "2026-11-01")],
      "2026",
    );
    // Q3: 1,000.00 (above); Q4: no quota, 0.00. Total 1,000.00 (before: 1,000 + 4,000 = 5,000.00).
    expect(lineOf(result, "ana", "tiers").periods).toEqual([
      { period: "2026-Q1", amount: "0.00" },
      { period: "2026-Q2", amount: "0.00" },
      { period: "2026-Q3", amount: "1000.00" },
      { period: "2026-Q4", amount: "0.00" },
    ]);
    expect(amountOf(result, "ana", "tiers")).toBe("1000.00");
  });

  it("over the year, place the edges on the annual quota: a zero-quota quarter inside the year is fine", () => {
    const p = seasonal("year");
    const result = run(
      [p],
      [{ id: "ana", plan: p.id }],
      [deal("d1", "ana", "60000", "2026-11-01")],
      "2026-Q4",
    );
    // Year to date 60,000 against the annual quota 100,000 (Q4's share of 0 does not matter): edges 50,000 and
    // 100,000: 50,000 × 0 + 10,000 × 0.2 = 2,000.00
    expect(amountOf(result, "ana", "tiers")).toBe("2000.00");
    // Bonus over the year: 60,000 ÷ 100,000 = 0.6 on the curve (0,0)–(1,1) → 0.6 × 4,000 = 2,400.00
    expect(amountOf(result, "ana", "bonus")).toBe("2400.00");
  });

  it("pay nothing over the year for a participant whose quota is 0", () => {
    const p = seasonal("year");
    const result = run(
      [p],
      [{ id: "zed", plan: p.id, quota: { bookings: "0" } }],
      [deal("d1", "zed", "60000", "2026-05-01")],
      "2026",
    );
    // No annual quota: no edges and no base commission rate (10,000 ÷ 0). Before: every edge 0 × upTo = 0, so
    // 60,000 in band 3 at 4 × BCR 0 = 0 — nothing, but for the wrong reason; see the value-basis case below.
    expect(amountOf(result, "zed", "tiers")).toBe("0.00");
    // (Each quarter of the year says it, indented under the quarter's name.)
    expect(lineOf(result, "zed", "tiers").trace).toContain(
      "  no quota for the year (bookings): attainment undefined, earns 0",
    );
    expect(amountOf(result, "zed", "bonus")).toBe("0.00");
  });
});

describe("bands written as multiples of the base commission rate, without a quota", () => {
  const p = plan(
    "bcr-value",
    `
    targets: { quota: { bookings: 100000 } }
    measures: { bookings: {} }
    components:
      - id: tiers
        type: commission
        measure: bookings
        over: year
        target: 10000
        tiers:
          basis: value
          bands:
            - { upTo: 50000, rate: 0.05 }
            - { multiplier: 2 }
    `,
    { payPeriod: "year" },
  );

  it("pay nothing when the participant's annual quota is 0: the rate target ÷ quota is undefined", () => {
    const result = run(
      [p],
      [{ id: "zed", plan: p.id, quota: { bookings: "0" } }],
      [deal("d1", "zed", "80000", "2026-05-01")],
      "2026",
    );
    // Before: 50,000 × 0.05 + 30,000 × (2 × "BCR 0") = 2,500.00, a partial payout of an undefined plan.
    expect(amountOf(result, "zed", "tiers")).toBe("0.00");
    expect(lineOf(result, "zed", "tiers").trace).toContain(
      "no annual quota for bookings: the base commission rate (target ÷ quota) is undefined, earns 0",
    );
  });

  it("pay as before with a quota", () => {
    const result = run([p], [{ id: "ana", plan: p.id }], [deal("d1", "ana", "80000", "2026-05-01")], "2026");
    // BCR 10,000 ÷ 100,000 = 0.1: 50,000 × 0.05 + 30,000 × 0.2 = 2,500 + 6,000 = 8,500.00
    expect(amountOf(result, "ana", "tiers")).toBe("8500.00");
  });
});

describe("property: no attainment-based component pays for a span without quota", () => {
  // Random seasonality over four quarters with some shares 0 (in hundredths, summing to 1), random bands on
  // attainment (rates and multiples of the BCR), random deals over the year. Each quarter is priced on its own
  // (over: period). Then: a quarter with quota 0 pays 0.00 on every attainment-based line; and a quarter with a
  // quota pays at most its value × the highest band rate (the top band of a positive quota), rounded.
  const arbitraryShares = fc
    .tuple(
      fc.integer({ min: 0, max: 2 }),
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
    )
    .map(([zeros, weights]) => {
      // At least one zero share (the case under test), at least one positive.
      const w = weights.map((x, i) => (i <= zeros ? 0 : x + 1));
      const total = w.reduce((s, x) => s + x, 0);
      const cents = w.map((x) => Math.floor((x * 100) / total));
      // The last weight is never forced to 0: it takes what rounding down left, so the shares sum to 1.
      cents[3] = (cents[3] as number) + 100 - cents.reduce((s, x) => s + x, 0);
      return cents.map((c) => new Decimal(c).div(100).toString());
    })
    .chain((shares) => fc.shuffledSubarray(shares, { minLength: 4, maxLength: 4 }));
  const arbitraryBands = fc.array(
    fc.record({
      upTo: fc.integer({ min: 1, max: 30 }),
      kind: fc.constantFrom("rate", "multiplier"),
      x: fc.integer({ min: 0, max: 50 }),
    }),
    { minLength: 1, maxLength: 4 },
  );
  const arbitraryDeals = fc.array(
    fc.record({ cents: fc.integer({ min: 1, max: 5_000_000_00 }), day: fc.integer({ min: 0, max: 364 }) }),
    { minLength: 1, maxLength: 12 },
  );

  const starts = ["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"];
  const ends = ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"];

  it("holds for random seasonality, bands and deals", () => {
    fc.assert(
      fc.property(arbitraryShares, arbitraryBands, arbitraryDeals, (shares, rawBands, rawDeals) => {
        // Edges increasing: cumulative tenths of quota. Rates as hundredths; multipliers as tenths of the BCR.
        let edge = 0;
        const bands = rawBands.map((b, i) => {
          edge += b.upTo;
          const upTo = i === rawBands.length - 1 ? "" : `upTo: ${edge / 10}, `;
          return b.kind === "rate" ? `{ ${upTo}rate: ${b.x / 100} }` : `{ ${upTo}multiplier: ${b.x / 10} }`;
        });
        const p = plan(
          "prop-zero",
          `
          targets: { quota: { bookings: 1000000 } }
          measures:
            bookings: { seasonality: [${shares.join(", ")}] }
          components:
            - id: tiers
              type: commission
              measure: bookings
              over: period
              target: 60000
              tiers: { basis: attainment, bands: [${bands.join(", ")}] }
            - id: bonus
              type: bonus
              measure: bookings
              over: period
              target: 20000
              curve: [[0, 0], [1, 1], [2, 3]]
          `,
        );
        const deals = rawDeals.map((d, k) => {
          const date = new Date(Date.UTC(2026, 0, 1 + d.day)).toISOString().slice(0, 10);
          return deal(`d${k}`, "ana", new Decimal(d.cents).div(100).toString(), date);
        });
        const result = run([p], [{ id: "ana", plan: p.id }], deals, "2026");
        // BCR 60,000 ÷ 1,000,000 = 0.06; the highest rate of any band.
        const top = rawBands
          .map((b) =>
            b.kind === "rate" ? new Decimal(b.x).div(100) : new Decimal(b.x).div(10).times("0.06"),
          )
          .reduce((a, b) => Decimal.max(a, b));
        const tiers = lineOf(result, "ana", "tiers");
        const bonus = lineOf(result, "ana", "bonus");
        shares.forEach((share, q) => {
          const quarter = `2026-Q${q + 1}`;
          const value = deals
            .filter((d) => (d.closeDate as string) >= starts[q]! && (d.closeDate as string) <= ends[q]!)
            .reduce((s, d) => s.plus(d.amount as string), new Decimal(0));
          const paid = new Decimal(tiers.periods.find((x) => x.period === quarter)?.amount ?? "NaN");
          if (new Decimal(share).isZero()) {
            expect(paid.toFixed(2), `${quarter} (share 0) commission`).toBe("0.00");
            for (const d of tiers.deals)
              if (d.date >= starts[q]! && d.date <= ends[q]!)
                expect(d.earned, `${d.id} in ${quarter}`).toBe("0");
            expect(bonus.periods.find((x) => x.period === quarter)?.amount, `${quarter} bonus`).toBe("0.00");
          } else {
            expect(paid.lte(value.times(top).toDecimalPlaces(2, Decimal.ROUND_HALF_UP))).toBe(true);
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});
