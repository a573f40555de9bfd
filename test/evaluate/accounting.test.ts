// The accounting's counts and its lazily listed exclusions: counted from the same columns the list is built
// from, and the list, built when first read, is what an eager build would give (in JSON, spreads, clones).
import { describe, expect, it } from "vitest";
import {
  type AccountingColumns,
  countTransactions,
  listExclusions,
  withExclusions,
} from "../../src/evaluate/accounting.js";
import { evaluate } from "../../src/evaluate/index.js";
import { plan } from "./helpers.js";

// Five accepted transactions:
//   t0 counted                       → credited
//   t1 left out by rule 1            → excluded
//   t2 no measure looked at it       → excluded ("none")
//   t3 counted, but a measure failed → rejected elsewhere, neither credited nor excluded
//   t4 names an unknown participant  → rejected elsewhere (its row is among the uncredited)
// So credited 1, excluded 2.
function columns(overrides: Partial<AccountingColumns> = {}): AccountingColumns {
  return {
    source: "deals.csv",
    length: 5,
    id: ["d0", "d1", "d2", "d3", "d4"],
    row: Int32Array.from([1, 2, 3, 4, 5]),
    counted: Uint8Array.from([1, 0, 0, 1, 0]),
    failed: new Set([3]),
    uncredited: new Set([5]),
    ruleOf: Int32Array.from([0, 1, 0, 0, 0]),
    messages: new Map(),
    ruleNames: ["ae: measures.bookings.when"],
    ruleMessages: ["does not meet ae: measures.bookings.when"],
    moreRules: new Map(),
    idsIncreasing: true,
    ...overrides,
  };
}

describe("countTransactions", () => {
  it("counts credited and excluded transactions, leaving out the rejected", () => {
    expect(countTransactions(columns())).toEqual({ credited: 1, excluded: 2 });
  });
});

describe("listExclusions", () => {
  it("lists each excluded transaction with its rule, or 'none' when no measure counted it", () => {
    expect(listExclusions(columns())).toEqual([
      {
        row: 2,
        id: "d1",
        source: "deals.csv",
        rules: ["ae: measures.bookings.when"],
        message: "does not meet ae: measures.bookings.when",
      },
      {
        row: 3,
        id: "d2",
        source: "deals.csv",
        rules: ["none"],
        message: "no measure of the credited participants' plans counts it",
      },
    ]);
  });

  it("gives every rule, sorted, for a transaction left out by several plans' measures", () => {
    const more = new Map([
      [
        1,
        new Map([
          ["se: measures.pipeline.when", "no"],
          ["ae: measures.bookings.when", "not won"],
        ]),
      ],
    ]);
    const [first] = listExclusions(columns({ moreRules: more }));
    expect(first?.rules).toEqual(["ae: measures.bookings.when", "se: measures.pipeline.when"]);
    expect(first?.message).toBe("not won; no");
  });

  it("gives a transaction's own message where the rule said something else of it", () => {
    const list = listExclusions(
      columns({ messages: new Map([[1, "closeDate 2025-12-31 is outside plan year"]]) }),
    );
    expect(list[0]?.message).toBe("closeDate 2025-12-31 is outside plan year");
  });

  it("sorts by id (then row) when the ids did not come in increasing order", () => {
    const list = listExclusions(columns({ id: ["d0", "z1", "a2", "d3", "d4"], idsIncreasing: false }));
    expect(list.map((x) => x.id)).toEqual(["a2", "z1"]);
  });
});

describe("withExclusions", () => {
  it("builds the list on first read and keeps it", () => {
    const accounting = withExclusions({ input: 5 }, columns());
    const first = accounting.exclusions;
    expect(first.map((x) => x.id)).toEqual(["d1", "d2"]);
    expect(accounting.exclusions).toBe(first);
  });

  it("serialises, spreads and clones as a plain property, in its place among the keys", () => {
    const accounting = withExclusions({ input: 5, credited: 1 }, columns());
    const eager = { input: 5, credited: 1, exclusions: listExclusions(columns()) };
    expect(JSON.stringify(accounting)).toBe(JSON.stringify(eager));
    expect({ ...withExclusions({ input: 5, credited: 1 }, columns()) }).toEqual(eager);
    expect(structuredClone(withExclusions({ input: 5, credited: 1 }, columns()))).toEqual(eager);
  });

  it("can be assigned, like any property of a plain result", () => {
    const accounting = withExclusions({ input: 5 }, columns());
    accounting.exclusions = [];
    expect(accounting.exclusions).toEqual([]);
  });
});

describe("evaluate's accounting", () => {
  it("names the right rule when a run has more than 255 (rules are numbered in a byte until then)", () => {
    // 300 measures m0 … m299, each counting only deals of its own kind. Rules are numbered as they first leave a
    // deal out: "other" (kind x) is left out by all 300 conditions, numbered 1 … 300. "old" (kind k0, dated
    // before the year) meets m0's condition and is left out by the year first: rule 301, its first rule.
    const measures = Array.from(
      { length: 300 },
      (_, k) => `    m${k}:\n      when: { fact: kind, operator: equal, value: k${k} }`,
    ).join("\n");
    const body = `\n  measures:\n${measures}\n  components:\n    - { id: comm, type: commission, measure: m0, rate: 0.1 }\n`;
    const p = plan("many", body);
    const result = evaluate([p], {
      participants: [{ id: "ana", plan: p.id }],
      transactions: [
        { id: "other", ownerId: "ana", amount: "100", closeDate: "2026-02-01", kind: "x" },
        { id: "old", ownerId: "ana", amount: "100", closeDate: "2025-12-31", kind: "k0" },
      ],
      period: "2026",
    });
    const other = result.transactions.exclusions.find((x) => x.id === "other");
    const old = result.transactions.exclusions.find((x) => x.id === "old");
    expect(other?.rules.length).toBe(300);
    expect(other?.message.startsWith("does not meet many: measures.m0.when; ")).toBe(true);
    // All its rules, the year's last ("year" sorts after "measures"): a rule number cut to a byte (301 → 45)
    // would have named m44's rule instead, and the year's would be missing.
    expect(old?.rules.length).toBe(300);
    expect(old?.rules.at(-1)).toBe("many: year");
    expect(
      old?.message.endsWith("; closeDate 2025-12-31 is outside plan year 2026-01-01 to 2026-12-31"),
    ).toBe(true);
    expect(result.transactions).toMatchObject({ input: 2, credited: 0, excluded: 2 });
  });

  it("lists the same exclusions whether read before or after serialising", () => {
    const p = plan(
      "lazy",
      `
  measures:
    bookings:
      when: { fact: stage, operator: equal, value: won }
  components:
    - { id: comm, type: commission, measure: bookings, rate: 0.1 }
  `,
    );
    const inputs = {
      participants: [{ id: "ana", plan: p.id }],
      transactions: [
        { id: "t1", ownerId: "ana", amount: "100", closeDate: "2026-02-01", stage: "won" },
        { id: "t2", ownerId: "ana", amount: "100", closeDate: "2026-02-01", stage: "lost" },
        { id: "t3", ownerId: "ana", amount: "100", closeDate: "2025-12-31", stage: "won" },
        { id: "t4", ownerId: "ana", amount: "100", closeDate: "2027-01-01", stage: "won" },
      ],
      period: "2026",
    };
    const a = evaluate([p], inputs);
    const b = evaluate([p], inputs);
    const json = JSON.stringify(a);
    expect(b.transactions.exclusions.map((x) => [x.id, x.rules, x.message])).toEqual([
      ["t2", ["lazy: measures.bookings.when"], "does not meet lazy: measures.bookings.when"],
      ["t3", ["lazy: year"], "closeDate 2025-12-31 is outside plan year 2026-01-01 to 2026-12-31"],
      // The same rule, another date: its own message.
      ["t4", ["lazy: year"], "closeDate 2027-01-01 is outside plan year 2026-01-01 to 2026-12-31"],
    ]);
    expect(JSON.stringify(b)).toBe(json);
    expect(a.transactions).toMatchObject({ input: 4, credited: 1, excluded: 3, rejected: 0 });
  });
});
