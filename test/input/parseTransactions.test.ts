import { describe, expect, it } from "vitest";
import { parseRecords, parseTransactions } from "../../src/input/index.js";
import { Decimal } from "../../src/money/index.js";

function rejectOf(record: Record<string, unknown>) {
  const { transactions, rejects } = parseTransactions([record], { source: "deals.csv" });
  expect(transactions).toEqual([]);
  expect(rejects).toHaveLength(1);
  return rejects[0];
}

function decimals(splits: { participantId: string; share: Decimal }[] | undefined) {
  return splits?.map((s) => [s.participantId, s.share.toString()]);
}

describe("parseTransactions", () => {
  it("reads a CSV with owners, splits, dates and free attributes", () => {
    const csv = [
      "id,ownerId,amount,closeDate,cancelDate,splits,product,termMonths,renewal",
      "D-1,ana,1000.50,2026-03-31,,,saas,24,false",
      "D-2,,250,2026-02-01,2026-04-01,ana:0.6;ben:0.4,services,,",
    ].join("\n");
    const { rows, source } = parseRecords(csv, { source: "deals.csv" });
    const { transactions, rejects } = parseTransactions(rows, { source });
    expect(rejects).toEqual([]);
    const [d1, d2] = transactions;
    expect(d1).toEqual({
      id: "D-1",
      ownerId: "ana",
      amount: new Decimal("1000.50"),
      facts: {
        id: "D-1",
        ownerId: "ana",
        amount: "1000.50",
        closeDate: "2026-03-31",
        product: "saas",
        termMonths: 24,
        renewal: false,
      },
      row: 1,
      source: "deals.csv",
    });
    expect(d1?.amount.toString()).toBe("1000.5");
    expect(d2?.amount.toString()).toBe("250");
    expect(d2?.ownerId).toBeUndefined();
    expect(decimals(d2?.splits)).toEqual([
      ["ana", "0.6"],
      ["ben", "0.4"],
    ]);
    expect(d2?.facts).toEqual({
      id: "D-2",
      amount: 250,
      closeDate: "2026-02-01",
      cancelDate: "2026-04-01",
      splits: [
        { participantId: "ana", share: "0.6" },
        { participantId: "ben", share: "0.4" },
      ],
      product: "services",
    });
  });

  it("reads JSON splits and numeric amounts, and keeps both ownerId and splits", () => {
    const json =
      '[{"id": 17, "ownerId": "ana", "amount": 99.99, "splits": [{"participantId": "ana", "share": 0.5}, {"participantId": 42, "share": "0.5"}]}]';
    const { transactions } = parseTransactions(parseRecords(json, { format: "json" }).rows);
    expect(transactions[0]?.id).toBe("17");
    expect(transactions[0]?.amount.toString()).toBe("99.99");
    expect(transactions[0]?.ownerId).toBe("ana");
    expect(decimals(transactions[0]?.splits)).toEqual([
      ["ana", "0.5"],
      ["42", "0.5"],
    ]);
    expect(transactions[0]?.facts.amount).toBe(99.99);
    expect(transactions[0]?.source).toBe("transactions");
  });

  it("parses amounts beyond 2^53 exactly, from CSV text, JSON text and JSON numbers", () => {
    const exact = "12345678901234567890.12";
    const csv = parseRecords(`id,ownerId,amount\nD-1,ana,${exact}\n`, { format: "csv" }).rows;
    const json = parseRecords(`[{"id":"D-1","ownerId":"ana","amount":${exact}}]`, { format: "json" }).rows;
    const str = parseRecords(`{"id":"D-1","ownerId":"ana","amount":"${exact}"}`, { format: "jsonl" }).rows;
    for (const rows of [csv, json, str]) {
      const t = parseTransactions(rows).transactions[0];
      expect(t?.amount.toFixed(2)).toBe(exact);
      expect(t?.amount.times(100).toFixed(0)).toBe("1234567890123456789012");
    }
  });

  it("accepts negative and zero amounts (credit notes, reversals)", () => {
    const { transactions } = parseTransactions([
      { id: "a", ownerId: "x", amount: "-500.25" },
      { id: "b", ownerId: "x", amount: 0 },
    ]);
    expect(transactions.map((t) => t.amount.toString())).toEqual(["-500.25", "0"]);
  });

  it.each([
    ["1,000", 'expected a decimal number such as 1000.50, got "1,000"'],
    ["abc", 'expected a decimal number such as 1000.50, got "abc"'],
    ["NaN", 'expected a decimal number such as 1000.50, got "NaN"'],
    ["1e3", 'expected a decimal number such as 1000.50, got "1e3"'],
    [Number.NaN, "expected a finite number, got NaN"],
    [true, "expected a decimal number, got boolean"],
  ])("rejects the amount %s", (amount, message) => {
    expect(rejectOf({ id: "D-1", ownerId: "ana", amount })).toEqual({
      source: "deals.csv",
      row: 1,
      id: "D-1",
      field: "amount",
      message,
    });
  });

  it("rejects a missing or empty amount", () => {
    for (const amount of [undefined, null, "", "  "]) {
      expect(rejectOf({ id: "D-1", ownerId: "ana", amount })).toMatchObject({
        field: "amount",
        message: "missing; expected a decimal number such as 1000.50",
      });
    }
  });

  it("rejects a missing id, and the later of two records with the same id", () => {
    expect(rejectOf({ ownerId: "ana", amount: 1 })).toEqual({
      source: "deals.csv",
      row: 1,
      field: "id",
      message: "missing; expected the transaction's id",
    });
    const { transactions, rejects } = parseTransactions(
      [
        { id: "D-1", ownerId: "ana", amount: "abc" },
        { id: "D-1", ownerId: "ana", amount: 1 },
        { id: 5, ownerId: "ana", amount: 1 },
        { id: "5", ownerId: "ana", amount: 1 },
      ],
      { source: "deals.csv" },
    );
    expect(transactions.map((t) => t.row)).toEqual([3]);
    expect(rejects.map((r) => [r.row, r.id, r.field, r.message])).toEqual([
      [1, "D-1", "amount", 'expected a decimal number such as 1000.50, got "abc"'],
      [2, "D-1", "id", 'duplicate id "D-1", first used in row 1'],
      [4, "5", "id", 'duplicate id "5", first used in row 3'],
    ]);
  });

  it("rejects a transaction with neither ownerId nor splits", () => {
    for (const splits of [undefined, []]) {
      expect(rejectOf({ id: "D-1", amount: 1, splits })).toMatchObject({
        field: "ownerId",
        message: "missing; expected an ownerId or splits, found neither",
      });
    }
  });

  it.each([
    ["ana:0.6;ben:0.3", "shares must add up to exactly 1, got 0.9 (0.6 + 0.3)"],
    ["ana:0.6;ben:0.5", "shares must add up to exactly 1, got 1.1 (0.6 + 0.5)"],
    [
      "ana:0.333333333333333333;ben:0.333333333333333333;cy:0.333333333333333334",
      null, // adds up to exactly 1: accepted
    ],
    ["ana:0.5;ana:0.5", "ana appears more than once"],
    ["ana:0;ben:1", "share of ana: expected more than 0 and at most 1, got 0"],
    [
      "ana:1.5;ben:-0.5",
      "share of ana: expected more than 0 and at most 1, got 1.5; share of ben: expected more than 0 and at most 1, got -0.5",
    ],
    ["ana:abc;ben:1", 'share of ana: expected a decimal number such as 1000.50, got "abc"'],
    [
      "ana:0.5;;ben:0.5",
      'part 2 is ""; expected participant:share pairs separated by ";" such as ana:0.6;ben:0.4',
    ],
    ["ana", 'part 1 is "ana"; expected participant:share pairs separated by ";" such as ana:0.6;ben:0.4'],
    [":1", 'part 1 is ":1"; expected participant:share pairs separated by ";" such as ana:0.6;ben:0.4'],
  ])("checks the CSV splits %s", (splits, message) => {
    const { transactions, rejects } = parseTransactions([{ id: "D-1", amount: 100, splits }]);
    if (message === null) {
      expect(rejects).toEqual([]);
      expect(transactions).toHaveLength(1);
    } else {
      expect(transactions).toEqual([]);
      expect(rejects).toEqual([{ source: "transactions", row: 1, id: "D-1", field: "splits", message }]);
    }
  });

  it("lets participant ids in CSV splits contain colons", () => {
    const { transactions } = parseTransactions([
      { id: "D-1", amount: 1, splits: "emea:ana:0.5; emea:ben : 0.5 " },
    ]);
    expect(decimals(transactions[0]?.splits)).toEqual([
      ["emea:ana", "0.5"],
      ["emea:ben", "0.5"],
    ]);
  });

  it("checks JSON splits", () => {
    expect(
      rejectOf({
        id: "D-1",
        amount: 1,
        splits: [
          { participantId: "ana", share: 0.5 },
          { participantId: "ben", shares: 0.5 },
        ],
      }),
    ).toMatchObject({
      field: "splits",
      message: 'split 2: unknown key "shares"; a split has participantId and share; share of ben is missing',
    });
    expect(rejectOf({ id: "D-1", amount: 1, splits: [{ share: 1 }] })).toMatchObject({
      field: "splits",
      message: "split 1: participantId: expected an id (text or a number), got nothing",
    });
    expect(rejectOf({ id: "D-1", amount: 1, splits: ["ana"] })).toMatchObject({
      message: 'split 1: expected { participantId, share }, got "ana"',
    });
    expect(rejectOf({ id: "D-1", amount: 1, splits: 1 })).toMatchObject({
      message: "expected a list of { participantId, share } or text such as ana:0.6;ben:0.4, got 1",
    });
  });

  it("rejects any …Date field that is not a real calendar date", () => {
    expect(rejectOf({ id: "D-1", ownerId: "a", amount: 1, closeDate: "2026-02-30" })).toMatchObject({
      field: "closeDate",
      message: "2026-02-30 is not a calendar date",
    });
    expect(rejectOf({ id: "D-1", ownerId: "a", amount: 1, bookingDate: "2026-1-5" })).toMatchObject({
      field: "bookingDate",
      message: 'expected a date YYYY-MM-DD, got "2026-1-5"',
    });
    expect(rejectOf({ id: "D-1", ownerId: "a", amount: 1, cancelDate: 20260105 })).toMatchObject({
      field: "cancelDate",
      message: "expected a date YYYY-MM-DD, got 20260105",
    });
    // a blank date is no date
    expect(
      parseTransactions([{ id: "D-1", ownerId: "a", amount: 1, cancelDate: "" }]).transactions[0]?.facts,
    ).toEqual({
      id: "D-1",
      ownerId: "a",
      amount: 1,
    });
  });

  it("checks the same date text the same way on every row", () => {
    const rows = [1, 2, 3].map((i) => ({
      id: `D-${i}`,
      ownerId: "a",
      amount: 1,
      closeDate: i === 2 ? "2026-03-31" : "2026-02-30",
    }));
    const { transactions, rejects } = parseTransactions(rows);
    expect(transactions.map((t) => t.row)).toEqual([2]);
    expect(rejects.map((r) => [r.row, r.field])).toEqual([
      [1, "closeDate"],
      [3, "closeDate"],
    ]);
  });

  it("keeps a field named __proto__ as a fact, without touching the prototype", () => {
    const [row] = parseRecords('[{"id": "D-1", "ownerId": "a", "amount": 1, "__proto__": {"x": 1}}]', {
      format: "json",
    }).rows;
    const facts = parseTransactions([row]).transactions[0]?.facts ?? {};
    expect(Object.getPrototypeOf(facts)).toBe(Object.prototype);
    expect(Object.keys(facts)).toEqual(["id", "ownerId", "amount", "__proto__"]);
    expect(Object.getOwnPropertyDescriptor(facts, "__proto__")?.value).toEqual({ x: 1 });
  });

  it("reports every problem of a record in one reject, and counts it once", () => {
    const { transactions, rejects } = parseTransactions(
      [
        { id: "D-1", amount: "1,000", closeDate: "2026-02-30", splits: "ana:0.5;ben:0.4" },
        { id: "D-2", ownerId: "ana", amount: 1 },
      ],
      { source: "deals.csv" },
    );
    expect(transactions.map((t) => t.id)).toEqual(["D-2"]);
    expect(rejects).toEqual([
      {
        source: "deals.csv",
        row: 1,
        id: "D-1",
        field: "amount, splits, closeDate",
        message:
          'amount: expected a decimal number such as 1000.50, got "1,000"; ' +
          "splits: shares must add up to exactly 1, got 0.9 (0.5 + 0.4); closeDate: 2026-02-30 is not a calendar date",
      },
    ]);
  });

  it("rejects rows that are not objects", () => {
    expect(parseTransactions(["D-1", 5]).rejects.map((r) => r.message)).toEqual([
      'expected a plain object ({ ... }), got "D-1"',
      "expected a plain object ({ ... }), got 5",
    ]);
  });
});
