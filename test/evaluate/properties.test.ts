// Properties of the whole engine on random participants and deals: splits add up to the transaction, caps
// hold, the periods of a year add up to the year, shuffled input gives identical statements, and every
// transaction is accounted for.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/money/index.js";
import type { EvaluationResult } from "../../src/statement/index.js";
import { lineOf, plan, type Row, run } from "./helpers.js";

// A plan using every kind of component, with order-sensitive parts (tier attribution, SPIFF limits).
const full = plan(
  "prop",
  `
  targets:
    base: 120000
    variable: 80000
    quota: { bookings: 1000000 }
  measures:
    bookings:
      when: { fact: stage, operator: equal, value: won }
    team:
      credit: team
      when: { fact: stage, operator: equal, value: won }
  components:
    - { id: base, type: base }
    - id: comm
      type: commission
      measure: bookings
      share: 0.6
      over: year
      tiers:
        bands:
          - { upTo: 0.5, rate: 0.04 }
          - { upTo: 1.0, multiplier: 1 }
          - { multiplier: 1.5 }
      cap: { ofTarget: 2 }
    - id: retro
      type: commission
      measure: bookings
      over: year
      tiers:
        basis: value
        method: retroactive
        bands:
          - { upTo: 200000, rate: 0.01 }
          - { upTo: 600000, rate: 0.02 }
          - { rate: 0.03 }
      cap: { amount: 25000 }
    - id: bonus
      type: bonus
      measure: bookings
      share: 0.2
      over: period
      gate: 0.5
      curve: [[0.5, 0.25], [1.0, 1.0], [1.5, 2.0]]
      cap: { ofTarget: 1.8 }
    - id: spiff
      type: spiff
      window: { from: 2026-05-15, to: 2026-08-15 }
      when: { fact: product, operator: equal, value: saas }
      pay: { perDeal: 500 }
      limit: { deals: 3, amount: 1200 }
    - { id: override, type: commission, measure: team, rate: 0.005, over: period }
  `,
);

const IDS = ["ana", "ben", "cy", "dee"];

const dateIn2026 = fc
  .integer({ min: 0, max: 364 })
  .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
const anyDate = fc.oneof(
  { weight: 6, arbitrary: dateIn2026 },
  // a few shared dates, so that ties (ordered by transaction id) are common; two are SPIFF window edges
  { weight: 3, arbitrary: fc.constantFrom("2026-05-15", "2026-06-30", "2026-08-15") },
  { weight: 1, arbitrary: fc.constantFrom("2025-12-31", "2027-01-01", "2025-06-30") },
);
const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => new Decimal(c).div(100).toFixed(2));

/** Participants: the first 1–4 ids; each may report to an earlier one (a tree), and may be hired or leave. */
const participantsArb = (options: { employment: boolean }) =>
  fc.integer({ min: 1, max: IDS.length }).chain((n) =>
    fc.tuple(
      ...IDS.slice(0, n).map((id, i) =>
        fc
          .record({
            manager:
              i === 0 ? fc.constant(null) : fc.option(fc.constantFrom(...IDS.slice(0, i)), { nil: null }),
            hireDate: options.employment ? fc.option(dateIn2026, { nil: null }) : fc.constant(null),
            leaves: options.employment ? fc.boolean() : fc.constant(false),
          })
          .map(({ manager, hireDate, leaves }) => {
            const row: Row = { id, plan: full.id };
            if (manager) row.managerId = manager;
            if (hireDate) row.hireDate = hireDate;
            if (leaves) row.terminationDate = hireDate && hireDate > "2026-09-30" ? hireDate : "2026-09-30";
            return row;
          }),
      ),
    ),
  );

/** A valid deal: owned by one of the participants, or split between two of them. */
const dealArb = (owners: string[], amount = cents(60_000_000)) =>
  fc.record({
    owner: fc.constantFrom(...owners),
    second: fc.option(fc.constantFrom(...owners), { nil: null }),
    share: fc.integer({ min: 1, max: 99 }),
    amount,
    closeDate: anyDate,
    stage: fc.constantFrom("won", "won", "won", "lost"),
    product: fc.constantFrom("saas", "hardware"),
  });

function dealRows(
  deals: { owner: string; second: string | null; share: number; [k: string]: unknown }[],
): Row[] {
  return deals.map(({ owner, second, share, ...rest }, i) => {
    const row: Row = { id: `t${String(i).padStart(3, "0")}`, ...rest };
    if (second && second !== owner) {
      row.splits = [
        { participantId: owner, share: String(share / 100) },
        { participantId: second, share: String((100 - share) / 100) },
      ];
    } else row.ownerId = owner;
    return row;
  });
}

const scenarioArb = (options: { employment: boolean; maxDeals?: number; amount?: fc.Arbitrary<string> }) =>
  participantsArb(options).chain((people) =>
    fc
      .array(
        dealArb(
          people.map((p) => p.id as string),
          options.amount,
        ),
        { maxLength: options.maxDeals ?? 20 },
      )
      .map((deals) => ({ people, deals: dealRows(deals) })),
  );

const QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
const counts = (r: EvaluationResult) => {
  const { input, credited, excluded, rejected } = r.transactions;
  return { input, credited, excluded, rejected, participants: r.participants };
};

describe("engine properties", () => {
  it("splits add up to the transaction: the credited measure values sum to the amount", () => {
    // Rounding at 6 decimals keeps amount (2 decimals) × share (2 decimals) exact on the statement.
    const exact = plan(
      "splits",
      `
      measures:
        bookings: {}
      components:
        - { id: comm, type: commission, measure: bookings, rate: 0.1 }
      `,
      { rounding: "{ scale: 6, mode: half-up }" },
    );
    fc.assert(
      fc.property(fc.array(dealArb(IDS, cents(10_000_000_000)), { minLength: 1, maxLength: 10 }), (deals) => {
        const rows = dealRows(deals).map((r): Row => ({ ...r, closeDate: "2026-02-01" }));
        const r = run(
          [exact],
          IDS.map((id) => ({ id, plan: exact.id })),
          rows,
          "2026-Q1",
        );
        const credited = r.statements.reduce(
          (s, st) => s.plus(st.attainment[0]?.period.value ?? 0),
          new Decimal(0),
        );
        const input = rows.reduce((s, t) => s.plus(t.amount as string), new Decimal(0));
        return credited.eq(input) && r.transactions.credited === rows.length;
      }),
      { numRuns: 40 },
    );
  });

  it("deal attribution adds up to the line's earnings", () => {
    const attributed = plan(
      "attribution",
      `
      targets:
        quota: { bookings: 1000000 }
      measures:
        bookings: {}
      components:
        - id: marginal
          type: commission
          measure: bookings
          tiers:
            bands:
              - { upTo: 0.3, rate: 0 }
              - { upTo: 1.0, rate: 0.05 }
              - { rate: 0.11 }
        - id: retro
          type: commission
          measure: bookings
          tiers:
            basis: value
            method: retroactive
            bands:
              - { upTo: 250000, rate: 0.02 }
              - { rate: 0.07 }
        - id: table
          type: commission
          measure: bookings
          rates:
            - { when: { fact: product, operator: equal, value: saas }, rate: 0.125 }
            - { rate: 0.0333 }
        - id: quarterly
          type: commission
          measure: bookings
          over: period
          tiers:
            bands:
              - { upTo: 1.0, rate: 0.03 }
              - { rate: 0.09 }
      `,
    );
    const signed = fc
      .integer({ min: -5_000_000, max: 40_000_000 })
      .map((c) => new Decimal(c).div(100).toFixed(2));
    fc.assert(
      fc.property(fc.array(dealArb(["ana"], signed), { maxLength: 15 }), (deals) => {
        const rows = dealRows(deals);
        const people = [{ id: "ana", plan: attributed.id }];
        const sumOf = (line: { deals: { earned: string }[] }) =>
          line.deals.reduce((s, d) => s.plus(d.earned), new Decimal(0));
        // over the year: the increments telescope to the earnings to date
        const year = run([attributed], people, rows, "2026");
        for (const id of ["marginal", "retro", "table"]) {
          const line = lineOf(year, "ana", id);
          expect(sumOf(line).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2), id).toBe(
            line.earnedToDate,
          );
        }
        // per period: each quarter's deals add up to that quarter's earnings
        for (const q of QUARTERS) {
          const line = lineOf(run([attributed], people, rows, q), "ana", "quarterly");
          expect(sumOf(line).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2), q).toBe(line.amount);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("caps hold: earnings to date never exceed the cap", () => {
    fc.assert(
      fc.property(
        scenarioArb({ employment: false, amount: cents(200_000_000) }),
        fc.constantFrom(...QUARTERS),
        ({ people, deals }, period) => {
          const r = run([full], people, deals, period);
          for (const s of r.statements) {
            // comm: 2 × target (0.6 × 80,000 = 48,000) = 96,000; retro: 25,000
            expect(new Decimal(lineOf(r, s.participantId, "comm").earnedToDate).lte(96000)).toBe(true);
            expect(new Decimal(lineOf(r, s.participantId, "retro").earnedToDate).lte(25000)).toBe(true);
            // bonus: 1.8 × the quarter's target (0.2 × 80,000 ÷ 4 = 4,000) = 7,200
            expect(new Decimal(lineOf(r, s.participantId, "bonus").amount).lte(7200)).toBe(true);
            // spiff: limit 1,200 for the year
            expect(new Decimal(lineOf(r, s.participantId, "spiff").earnedToDate).lte(1200)).toBe(true);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it("the four quarters add up to the year, line by line and in total", () => {
    fc.assert(
      fc.property(scenarioArb({ employment: true }), ({ people, deals }) => {
        const year = run([full], people, deals, "2026");
        const quarters = QUARTERS.map((q) => run([full], people, deals, q));
        for (const s of year.statements) {
          for (const line of s.lines) {
            const sum = quarters.reduce(
              (acc, q) => acc.plus(lineOf(q, s.participantId, line.component).amount),
              new Decimal(0),
            );
            expect(sum.toFixed(2), `${s.participantId} ${line.component}`).toBe(line.amount);
            expect(line.periods.map((x) => x.amount)).toEqual(
              quarters.map((q) => lineOf(q, s.participantId, line.component).amount),
            );
          }
          const total = quarters.reduce(
            (acc, q) => acc.plus(q.statements.find((x) => x.participantId === s.participantId)?.total ?? 0),
            new Decimal(0),
          );
          expect(total.toFixed(2)).toBe(s.total);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("shuffling participants and transactions changes nothing", () => {
    fc.assert(
      fc.property(
        scenarioArb({ employment: true }).chain((s) =>
          fc.record({
            s: fc.constant(s),
            people: fc.shuffledSubarray(s.people, { minLength: s.people.length }),
            deals: fc.shuffledSubarray(s.deals, { minLength: s.deals.length }),
            period: fc.constantFrom(...QUARTERS, "2026-H1", "2026-H2", "2026"),
          }),
        ),
        ({ s, people, deals, period }) => {
          const a = run([full], s.people, s.deals, period);
          const b = run([full], people, deals, period);
          expect(JSON.stringify(b.statements)).toBe(JSON.stringify(a.statements));
          expect(counts(b)).toEqual(counts(a));
          const ids = (r: EvaluationResult) => r.transactions.exclusions.map((x) => x.id).sort();
          expect(ids(b)).toEqual(ids(a));
        },
      ),
      { numRuns: 30 },
    );
  });

  // What docs/engine.md promises, exactly: the same inputs in the same order give byte-identical JSON; in any
  // order the statements are byte-identical and the accounting lists the same records, each `row` being the
  // record's position in the list given (so a shuffled list names the same records by other rows).
  it("order: same order → byte-identical result; any order → same statements, rows follow the records", () => {
    const bad: Row[] = [
      { id: "bad-amount", ownerId: "ana", amount: "1,000", closeDate: "2026-02-01" },
      { id: "nobody", ownerId: "zed", amount: "5", closeDate: "2026-02-01" },
      { ownerId: "ana", amount: "5", closeDate: "2026-02-30" },
    ];
    fc.assert(
      fc.property(
        scenarioArb({ employment: true }).chain((s) => {
          const deals = [...s.deals, ...bad];
          const order = fc.shuffledSubarray([...deals.keys()], { minLength: deals.length });
          return fc.record({ people: fc.constant(s.people), deals: fc.constant(deals), order });
        }),
        fc.constantFrom(...QUARTERS, "2026"),
        ({ people, deals, order }, period) => {
          const a = run([full], people, deals, period);
          const again = run([full], structuredClone(people), structuredClone(deals), period);
          expect(JSON.stringify(again)).toBe(JSON.stringify(a));
          const b = run(
            [full],
            people,
            order.map((i) => deals[i] as Row),
            period,
          );
          expect(JSON.stringify(b.statements)).toBe(JSON.stringify(a.statements));
          expect(counts(b)).toEqual(counts(a));
          // Row r of the shuffled list is record order[r - 1] of the original list.
          const original = <T extends { row: number }>(list: readonly T[]) =>
            list.map((x) => ({ ...x, row: (order[x.row - 1] as number) + 1 })).sort((x, y) => x.row - y.row);
          expect(original(b.transactions.rejects)).toEqual(a.transactions.rejects);
          const byRow = <T extends { row: number }>(list: readonly T[]) =>
            [...list].sort((x, y) => x.row - y.row);
          expect(original(b.transactions.exclusions)).toEqual(byRow(a.transactions.exclusions));
        },
      ),
      { numRuns: 30 },
    );
  });

  it("attribution off changes nothing but the deal lists, which it leaves empty", () => {
    fc.assert(
      fc.property(
        scenarioArb({ employment: true }),
        fc.constantFrom(...QUARTERS, "2026-H1", "2026"),
        fc.boolean(),
        ({ people, deals }, period, reversed) => {
          // Ids in increasing or decreasing order: entries are sorted by date by either path.
          const rows = reversed ? [...deals].reverse() : deals;
          const on = run([full], people, rows, period);
          const off = run([full], people, rows, period, { deals: false });
          const withoutDeals = (r: EvaluationResult) =>
            r.statements.map((st) => ({ ...st, lines: st.lines.map((l) => ({ ...l, deals: [] })) }));
          expect(JSON.stringify(withoutDeals(off))).toBe(JSON.stringify(withoutDeals(on)));
          expect(off.statements.every((st) => st.lines.every((l) => l.deals.length === 0))).toBe(true);
          expect(JSON.stringify(off.transactions)).toBe(JSON.stringify(on.transactions));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("every transaction is accounted for: input = credited + excluded + rejected, each once", () => {
    const bad = fc.record({
      id: fc.constantFrom("t1", "t2", "t3", "dup", "dup", 7, ""),
      ownerId: fc.constantFrom("ana", "ben", "zed", ""),
      amount: fc.constantFrom(
        "1000",
        "250.50",
        "1,000",
        "abc",
        "NaN",
        Number.NaN,
        -5,
        "12345678901234567890.12",
      ),
      closeDate: fc.constantFrom("2026-02-01", "2026-08-01", "2026-02-30", "2025-12-31", "2027-01-01", ""),
      stage: fc.constantFrom("won", "lost"),
      product: fc.constantFrom("saas", "hardware"),
      splits: fc.constantFrom(undefined, "ana:0.6;ben:0.4", "ana:0.6;ben:0.3", "ana:0.5;zed:0.5", "ana:1"),
    });
    fc.assert(
      fc.property(fc.array(bad, { maxLength: 15 }), fc.constantFrom(...QUARTERS, "2026"), (rows, period) => {
        const r = run(
          [full],
          [
            { id: "ana", plan: full.id },
            { id: "ben", plan: full.id, managerId: "ana" },
          ],
          rows as Row[],
          period,
        );
        const t = r.transactions;
        expect(t.input).toBe(rows.length);
        expect(t.credited + t.excluded + t.rejected).toBe(t.input);
        const rejectedRows = t.rejects.map((x) => x.row);
        const excludedRows = t.exclusions.map((x) => x.row);
        expect(new Set(rejectedRows).size).toBe(rejectedRows.length);
        expect(new Set(excludedRows).size).toBe(excludedRows.length);
        expect(rejectedRows.filter((x) => excludedRows.includes(x))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
