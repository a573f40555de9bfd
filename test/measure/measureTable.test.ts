import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creditTable } from "../../src/credit/creditTable.js";
import { compilePlan } from "../../src/evaluate/index.js";
import { parseTransactionTable } from "../../src/input/parseTransactionTable.js";
import {
  checkedDayKey,
  dayKey,
  entriesFor,
  entryDate,
  entryId,
  entryValue,
  type MeasureColumns,
  measureInOrder,
  measureTable,
  sortEntries,
} from "../../src/measure/measureTable.js";
import { parsePlan } from "../../src/plan/index.js";

const plan = compilePlan(
  parsePlan(`
compplan: 1
id: mt
name: mt
currency: USD
year: { start: 2026-01-01 }
payPeriod: quarter
measures:
  bookings:
    when: { all: [ { fact: stage, operator: equal, value: won } ] }
  acv:
    value: amount * 2
    multipliers:
      - { when: { fact: region, operator: equal, value: EMEA }, factor: 1.1 }
components:
  - { id: c, type: commission, measure: bookings, rate: 0.1 }
`),
);
const periods = plan.periods;
const ids = ["ana", "ben", "cai"];

// What a participant's entries say, in a form two runs can be compared by.
const summary = (m: MeasureColumns) => ({
  entries: Array.from(
    { length: m.length },
    (_, i) => `${entryId(m, i)}@${entryDate(m, i)}/${m.period[i]}=${entryValue(m, i)}`,
  ),
  perPeriod: m.perPeriod.map(String),
});

const deal = fc.record({
  owner: fc.constantFrom(...ids),
  split: fc.boolean(),
  amount: fc.constantFrom("100", "2500.50", "-40", "0.1234567", "12345678901.25"),
  stage: fc.constantFrom("won", "lost"),
  region: fc.constantFrom("EMEA", "NA"),
  date: fc.constantFrom("2025-12-31", "2026-01-01", "2026-03-31", "2026-04-01", "2026-12-31", "2027-01-01"),
});

// The credits of generated deals, the k-th with the id idOf(k); a split deal goes 0.6 / 0.4 to its owner and another.
function creditsOf(
  deals: (typeof deal extends fc.Arbitrary<infer D> ? D : never)[],
  idOf: (k: number) => string,
) {
  const rows = deals.map((d, k) => ({
    id: idOf(k),
    amount: d.amount,
    closeDate: d.date,
    stage: d.stage,
    region: d.region,
    ...(d.split ? { splits: `${d.owner}:0.6;${ids.find((x) => x !== d.owner)}:0.4` } : { ownerId: d.owner }),
  }));
  return creditTable(parseTransactionTable(rows), { participantIds: ids, reason: (id) => id });
}

describe("measureInOrder", () => {
  // The engine measures everyone's own credits in one pass in input order; measureTable measures one
  // participant's credits on their own. Both must count the same entries with the same values, in the same order,
  // whether dates are compared as numbers or as text (the dates include both ends of the year and just outside).
  it("gives each participant the entries measureTable gives them", () => {
    fc.assert(
      // Ids in increasing order (entries then sorted by date alone) or decreasing (sorted by date, then id).
      fc.property(fc.array(deal, { maxLength: 30 }), fc.boolean(), fc.boolean(), (deals, sort, reversed) => {
        const credits = creditsOf(deals, (k) => `t${String(reversed ? 999 - k : k).padStart(3, "0")}`);
        const measures = [...plan.measures.values()];
        // The in-order pass places checked dates by comparing numbers, measureTable (here) by comparing text.
        const options = { periods, planId: "mt", sort };
        const checked = { ...options, checkedDates: true };
        const lists = measures.map((measure) => ({ measure, options: checked }));
        const { verdicts } = measureInOrder(credits, () => lists);
        ids.forEach((_, p) => {
          const own = credits.order.subarray(credits.start[p] as number, credits.start[p + 1] as number);
          for (const m of measures) {
            const gathered = entriesFor(verdicts.get(m) as never, credits, p, checked);
            expect(summary(gathered)).toEqual(summary(measureTable(m, credits, own, options)));
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it("sorts entries by date, then transaction id, then participant, whatever the input order", () => {
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 40 }), (deals, keys) => {
        // Ids in a random order (the k-th deal gets the k-th key), some deals split between two participants.
        const credits = creditsOf(deals, (k) => `t${String(keys[k] ?? k).padStart(4, "0")}-${k}`);
        const acv = plan.measures.get("acv") as NonNullable<ReturnType<typeof plan.measures.get>>;
        const all = Int32Array.from({ length: credits.length }, (_, c) => c);
        const unsorted = measureTable(acv, credits, all, { periods, planId: "mt", sort: false });
        const key = (m: MeasureColumns, i: number) => [
          entryDate(m, i),
          entryId(m, i),
          ids[credits.participant[m.credit[i] as number] as number] as string,
        ];
        // The reference: the three keys compared as text, one after the other.
        const expected = Array.from({ length: unsorted.length }, (_, i) => key(unsorted, i)).sort((a, b) => {
          for (let k = 0; k < 3; k++) if (a[k] !== b[k]) return (a[k] as string) < (b[k] as string) ? -1 : 1;
          return 0;
        });
        const sorted = sortEntries(unsorted);
        expect(Array.from({ length: sorted.length }, (_, i) => key(sorted, i))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("sorts a plan year that spans two calendar years by date, then id", () => {
    // A year from July: the date keys run from 20260701 to 20270630, too wide a span to count days one by one.
    const july = compilePlan(
      parsePlan(
        "compplan: 1\nid: jy\nname: jy\ncurrency: USD\nyear: { start: 2026-07-01 }\npayPeriod: quarter\nmeasures:\n  bookings: {}\ncomponents:\n  - { id: c, type: commission, measure: bookings, rate: 0.1 }\n",
      ),
    );
    const dates = ["2027-01-02", "2026-12-31", "2027-06-30", "2026-07-01", "2026-12-31", "2027-01-02"];
    const credits = creditTable(
      parseTransactionTable(
        dates.map((closeDate, k) => ({ id: `t${k}`, ownerId: "ana", amount: "1", closeDate })),
      ),
      { participantIds: ["ana"], reason: (id) => id },
    );
    const measure = july.measures.get("bookings") as NonNullable<ReturnType<typeof july.measures.get>>;
    const options = { periods: july.periods, planId: "jy", checkedDates: true };
    const { verdicts } = measureInOrder(credits, () => [{ measure, options }]);
    const m = entriesFor(verdicts.get(measure) as never, credits, 0, options);
    expect(Array.from({ length: m.length }, (_, i) => entryId(m, i))).toEqual([
      "t3",
      "t1",
      "t4",
      "t0",
      "t5",
      "t2",
    ]);
  });

  it("counts by pay period, with values from the measure's expression and multipliers", () => {
    const credits = creditTable(
      parseTransactionTable([
        { id: "a", ownerId: "ana", amount: "100", closeDate: "2026-02-01", stage: "won", region: "EMEA" },
        { id: "b", ownerId: "ana", amount: "50", closeDate: "2026-05-01", stage: "lost", region: "NA" },
        { id: "c", ownerId: "ana", amount: "10", closeDate: "2027-01-01", stage: "won", region: "NA" },
      ]),
      { participantIds: ["ana"], reason: (id) => id },
    );
    const measures = [plan.measures.get("bookings"), plan.measures.get("acv")] as NonNullable<
      ReturnType<typeof plan.measures.get>
    >[];
    const options = { periods, planId: "mt" };
    const { verdicts, counted } = measureInOrder(credits, () =>
      measures.map((measure) => ({ measure, options })),
    );
    const [bookings, acv] = measures.map((m) => entriesFor(verdicts.get(m) as never, credits, 0, options));
    // bookings: only "a" is won and in the year: Q1 = 100
    expect(summary(bookings as MeasureColumns).perPeriod).toEqual(["100", "0", "0", "0"]);
    // acv: amount × 2, EMEA × 1.1: a = 100 × 2 × 1.1 = 220 (Q1), b = 50 × 2 = 100 (Q2); c is outside the year
    expect(summary(acv as MeasureColumns).perPeriod).toEqual(["220", "100", "0", "0"]);
    expect(Array.from(counted)).toEqual([1, 1, 0]);
  });
});

describe("checkedDayKey", () => {
  it("reads a plain date's digits as dayKey does", () => {
    // 2026 × 10,000 + 3 × 100 + 15
    expect(checkedDayKey("2026-03-15")).toBe(20260315);
    expect(checkedDayKey("1000-01-01")).toBe(10000101);
    expect(checkedDayKey("9999-12-31")).toBe(99991231);
  });

  it("equals dayKey on every date the reader can hand it", () => {
    // Checked dates are YYYY-MM-DD from tryDate, or a Date's ISO text (which leaves four digits after year 9999).
    const dates = fc.date({
      min: new Date(-62_000_000_000_000),
      max: new Date(300_000_000_000_000),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(dates, (date) => {
        const text = date.toISOString().slice(0, 10);
        expect(checkedDayKey(text)).toBe(dayKey(text));
      }),
      { numRuns: 2000 },
    );
  });
});
