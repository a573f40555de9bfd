// Credits dated outside a participant's employment (before the hire date, after the termination date) are
// excluded under their own rule, `<plan>: employment`, credited participant by credited participant; a plan may
// allow a grace period after termination. Every expected amount is computed by hand beside it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/money/index.js";
import { amountOf, expectAccounted, lineOf, plan, type Row, run } from "./helpers.js";

const deal = (id: string, ownerId: string, amount: string, closeDate: string, extra: Row = {}): Row => ({
  id,
  ownerId,
  amount,
  closeDate,
  ...extra,
});

// A flat 10% on bookings, paid per quarter.
const flat = (employment = "") =>
  plan(
    "flat",
    `
    ${employment}
    measures: { bookings: {} }
    components:
      - { id: comm, type: commission, measure: bookings, over: period, rate: 0.1 }
    `,
  );

describe("credits dated outside employment", () => {
  it("pays nothing for a deal closed after termination, and names the rule (the issue's reproducer)", () => {
    const p = flat();
    const result = run(
      [p],
      [{ id: "ben", plan: p.id, terminationDate: "2026-03-31" }],
      [deal("d1", "ben", "10000", "2026-08-01")],
      "2026",
    );
    // Before: 10,000 × 10% = 1,000.00 for a deal closed four months after ben left. Now excluded: 0.00.
    expect(amountOf(result, "ben", "comm")).toBe("0.00");
    expect(result.transactions).toMatchObject({ input: 1, credited: 0, excluded: 1, rejected: 0 });
    expect(result.transactions.exclusions).toEqual([
      {
        row: 1,
        id: "d1",
        source: "transactions",
        rules: ["flat: employment"],
        message: "closeDate 2026-08-01 is after ben's termination date 2026-03-31",
      },
    ]);
    expectAccounted(result);
  });

  it("counts the hire and termination days themselves, and nothing before the hire", () => {
    const p = flat();
    const result = run(
      [p],
      [{ id: "ana", plan: p.id, hireDate: "2026-03-01", terminationDate: "2026-09-30" }],
      [
        deal("early", "ana", "5000", "2026-02-28"),
        deal("first", "ana", "1000", "2026-03-01"),
        deal("last", "ana", "2000", "2026-09-30"),
        deal("late", "ana", "7000", "2026-10-01"),
      ],
      "2026",
    );
    // Counted: first and last: (1,000 + 2,000) × 10% = 300.00
    expect(amountOf(result, "ana", "comm")).toBe("300.00");
    expect(result.transactions).toMatchObject({ input: 4, credited: 2, excluded: 2 });
    expect(result.transactions.exclusions.map((x) => [x.id, x.message])).toEqual([
      ["early", "closeDate 2026-02-28 is before ana's hire date 2026-03-01"],
      ["late", "closeDate 2026-10-01 is after ana's termination date 2026-09-30"],
    ]);
    expectAccounted(result);
  });

  it("judges a split deal per credited participant: the employed one keeps her share", () => {
    const p = flat();
    const result = run(
      [p],
      [
        { id: "ana", plan: p.id },
        { id: "ben", plan: p.id, terminationDate: "2026-03-31" },
      ],
      [
        {
          id: "s1",
          amount: "10000",
          closeDate: "2026-08-01",
          splits: [
            { participantId: "ana", share: "0.5" },
            { participantId: "ben", share: "0.5" },
          ],
        },
      ],
      "2026",
    );
    // ana: 10,000 × 0.5 × 10% = 500.00; ben's half is dated after he left: 0.00
    expect(amountOf(result, "ana", "comm")).toBe("500.00");
    expect(amountOf(result, "ben", "comm")).toBe("0.00");
    // The transaction is credited (to ana): it is not an exclusion.
    expect(result.transactions).toMatchObject({ input: 1, credited: 1, excluded: 0 });
    expectAccounted(result);
  });

  it("leaves a report's late deal out of a departed manager's team measure, not out of the report's", () => {
    const p = plan(
      "team",
      `
      measures:
        own: {}
        team: { credit: team }
      components:
        - { id: own, type: commission, measure: own, over: period, rate: 0.1 }
        - { id: override, type: commission, measure: team, over: period, rate: 0.01 }
      `,
    );
    const result = run(
      [p],
      [
        { id: "mia", plan: p.id, terminationDate: "2026-03-31" },
        { id: "rex", plan: p.id, managerId: "mia" },
      ],
      [deal("r1", "rex", "10000", "2026-02-01"), deal("r2", "rex", "20000", "2026-08-01")],
      "2026",
    );
    // rex's own: (10,000 + 20,000) × 10% = 3,000.00; his team: the same 30,000 × 1% = 300.00
    expect(amountOf(result, "rex", "own")).toBe("3000.00");
    expect(amountOf(result, "rex", "override")).toBe("300.00");
    // mia's team counts r1 (while she was there) only: 10,000 × 1% = 100.00 (before: 30,000 × 1% = 300.00)
    expect(amountOf(result, "mia", "override")).toBe("100.00");
    expect(result.transactions).toMatchObject({ input: 2, credited: 2, excluded: 0 });
    expectAccounted(result);
  });
});

describe("employment.creditAfterTermination: a grace period", () => {
  it("counts credits dated up to that many days after termination, and no later", () => {
    const grace = flat("employment: { creditAfterTermination: { days: 30 } }");
    const result = run(
      [grace],
      [{ id: "ben", plan: grace.id, terminationDate: "2026-03-31" }],
      [
        deal("in", "ben", "4000", "2026-04-30"), // 2026-03-31 + 30 days = 2026-04-30: counted
        deal("out", "ben", "6000", "2026-05-01"),
      ],
      "2026",
    );
    // 4,000 × 10% = 400.00
    expect(amountOf(result, "ben", "comm")).toBe("400.00");
    expect(result.transactions.exclusions.map((x) => [x.id, x.rules, x.message])).toEqual([
      [
        "out",
        ["flat: employment"],
        "closeDate 2026-05-01 is more than 30 days after ben's termination date 2026-03-31 (credits count through 2026-04-30)",
      ],
    ]);
    expectAccounted(result);
  });

  it("prices a grace credit in a period without quota as no attainment: tiers on attainment earn 0", () => {
    // Terminated 2026-03-31: Q2's prorated quota is 100,000 × 0.25 × 0 days ÷ 91 = 0. Over the period, the
    // attainment tiers and the bonus have no quota for Q2; over the year, the edges sit on the year's quota,
    // Q1's 25,000 (100,000 ÷ 4 × 90 ÷ 90), so the grace deal is priced there.
    const p = plan(
      "grace-tiers",
      `
      employment: { creditAfterTermination: { days: 30 } }
      targets: { quota: { bookings: 100000 } }
      measures: { bookings: {} }
      components:
        - id: period
          type: commission
          measure: bookings
          over: period
          target: 10000
          tiers: { bands: [{ upTo: 1, rate: 0.05 }, { multiplier: 2 }] }
        - id: year
          type: commission
          measure: bookings
          over: year
          target: 10000
          tiers: { bands: [{ upTo: 1, rate: 0.05 }, { multiplier: 2 }] }
        - { id: bonus, type: bonus, measure: bookings, over: period, target: 4000, curve: [[0, 0], [1, 1]] }
      `,
    );
    const result = run(
      [p],
      [{ id: "ben", plan: p.id, terminationDate: "2026-03-31" }],
      [deal("g1", "ben", "30000", "2026-04-15")],
      "2026-Q2",
    );
    expect(amountOf(result, "ben", "period")).toBe("0.00");
    expect(lineOf(result, "ben", "period").trace).toContain(
      "no quota for 2026-Q2 (bookings): attainment undefined, earns 0",
    );
    expect(amountOf(result, "ben", "bonus")).toBe("0.00");
    // Over the year: BCR 10,000 ÷ 100,000 = 0.1; edge 1 × 25,000: 25,000 × 5% + 5,000 × 0.2 = 1,250 + 1,000
    // = 2,250.00 earned to date, nothing paid before.
    expect(amountOf(result, "ben", "year")).toBe("2250.00");
    expectAccounted(result);
  });
});

describe("property: nobody is paid for a credit dated outside their employment", () => {
  // Random employment windows and deals, some split half and half with a second participant, at a flat 10%:
  // each participant is paid exactly 10% of their credits (a whole deal, or half of a split one) dated inside
  // [hire, termination]; a deal with no credit inside is excluded by the employment rule and no other; a split
  // deal with one credit inside is credited; counts add up.
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
  const arbitraryPeople = fc.array(
    fc.record({
      hire: fc.option(fc.integer({ min: 0, max: 364 })),
      length: fc.option(fc.integer({ min: 0, max: 364 })),
    }),
    { minLength: 2, maxLength: 4 },
  );
  const arbitraryDeals = fc.array(
    fc.record({
      owner: fc.nat(),
      partner: fc.option(fc.nat()),
      cents: fc.integer({ min: 2, max: 100_000_000 }).map((c) => c - (c % 2)),
      day: fc.integer({ min: 0, max: 364 }),
    }),
    { minLength: 1, maxLength: 20 },
  );

  it("holds for random hires, terminations, deals and splits", () => {
    const p = flat();
    fc.assert(
      fc.property(arbitraryPeople, arbitraryDeals, (people, rawDeals) => {
        const participants = people.map((x, i) => {
          const hire = x.hire ?? 0;
          return {
            id: `p${i}`,
            plan: p.id,
            ...(x.hire !== null ? { hireDate: day(x.hire) } : {}),
            ...(x.length !== null ? { terminationDate: day(Math.min(364, hire + x.length)) } : {}),
          };
        });
        const employed = (id: string, date: string) => {
          const person = participants.find((x) => x.id === id) as (typeof participants)[number];
          return (
            (person.hireDate === undefined || date >= person.hireDate) &&
            (person.terminationDate === undefined || date <= person.terminationDate)
          );
        };
        // Each deal's credits: [participant, amount].
        const credits: [string, Decimal][][] = [];
        const deals = rawDeals.map((d, k) => {
          const amount = new Decimal(d.cents).div(100);
          const owner = `p${d.owner % people.length}`;
          const partner =
            d.partner === null
              ? undefined
              : `p${(d.owner + 1 + (d.partner % (people.length - 1))) % people.length}`;
          if (partner === undefined) {
            credits.push([[owner, amount]]);
            return deal(`d${k}`, owner, amount.toString(), day(d.day));
          }
          credits.push([
            [owner, amount.div(2)],
            [partner, amount.div(2)],
          ]);
          return {
            id: `d${k}`,
            amount: amount.toString(),
            closeDate: day(d.day),
            splits: [
              { participantId: owner, share: "0.5" },
              { participantId: partner, share: "0.5" },
            ],
          };
        });
        const result = run([p], participants, deals, "2026");
        const expected = new Map(participants.map((x) => [x.id, new Decimal(0)]));
        let credited = 0;
        credits.forEach((list, k) => {
          const date = deals[k]?.closeDate as string;
          const inside = list.filter(([id]) => employed(id, date));
          if (inside.length) credited++;
          for (const [id, amount] of inside)
            expected.set(id, (expected.get(id) as Decimal).plus(amount.times("0.1")));
        });
        for (const person of participants) {
          const paid = lineOf(result, person.id, "comm").periods.reduce(
            (s, x) => s.plus(x.amount),
            new Decimal(0),
          );
          const want = expected.get(person.id) as Decimal;
          // Rounded per quarter, so within half a cent per quarter of the exact 10%.
          expect(paid.minus(want).abs().lte("0.02"), `${person.id}: ${paid} vs ${want}`).toBe(true);
        }
        expect(result.transactions.credited).toBe(credited);
        expect(result.transactions.exclusions.every((x) => x.rules.join() === "flat: employment")).toBe(true);
        expectAccounted(result);
      }),
      { numRuns: 100 },
    );
  });
});
