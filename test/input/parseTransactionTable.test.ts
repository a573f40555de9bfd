import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tryDate } from "../../src/calendar/index.js";
import { parseTransactionTable } from "../../src/input/parseTransactionTable.js";

describe("parseTransactionTable", () => {
  it("reads amounts into exact millionths, and keeps the rest as Decimals", () => {
    const table = parseTransactionTable([
      { id: "a", ownerId: "ana", amount: "1843.27" },
      { id: "b", ownerId: "ana", amount: 0.1 },
      { id: "c", ownerId: "ana", amount: "0.1234567" },
      { id: "d", ownerId: "ana", amount: "123456789012345678.5" },
    ]);
    // 1843.27 × 10^6 = 1,843,270,000; 0.1 × 10^6 = 100,000
    expect([table.units[0], table.units[1]]).toEqual([1_843_270_000, 100_000]);
    expect(Number.isNaN(table.units[2])).toBe(true);
    expect(table.amounts.get(2)?.toString()).toBe("0.1234567");
    expect(table.amounts.get(3)?.toString()).toBe("123456789012345678.5");
  });

  it("does not leave a rejected record's amount or splits behind for the next one", () => {
    const table = parseTransactionTable([
      { id: "a", amount: "0.1234567", splits: "ana:0.5;ben:0.5" }, // accepted
      { id: "a", amount: "0.7654321", splits: "ana:1" }, // duplicate: rejected
      { id: "b", ownerId: "ana", amount: "5" },
    ]);
    expect(table.length).toBe(2);
    expect(table.units[1]).toBe(5_000_000);
    expect(table.amounts.has(1)).toBe(false);
    expect(table.splits[1]).toBeUndefined();
  });

  // The duplicate-id check takes a shortcut while ids increase; it must report exactly what a map of every id
  // seen would, whatever the order, including ids first carried by records rejected for another reason.
  it("reports duplicate ids as a map of every id seen would, in any order", () => {
    const record = fc.record({
      id: fc.constantFrom("a", "b", "c", "d", "e", "f"),
      amount: fc.constantFrom("10", "2.5", "abc"),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), (records) => {
        const rows = records.map((r) => ({ ...r, ownerId: "ana" }));
        const table = parseTransactionTable(rows);
        const firstRow = new Map<string, number>();
        const expected: string[] = [];
        rows.forEach((r, i) => {
          const problems: string[] = [];
          const first = firstRow.get(r.id);
          if (first === undefined) firstRow.set(r.id, i + 1);
          else problems.push(`duplicate id "${r.id}", first used in row ${first}`);
          if (r.amount === "abc") problems.push("amount");
          if (problems.length) expected.push(`${i + 1}:${problems[0]}`);
        });
        const got = table.rejects.map(
          (r) =>
            `${r.row}:${r.field === "amount" ? "amount" : r.message.split(";")[0]?.replace(/^id: /, "")}`,
        );
        expect(got).toEqual(expected);
        expect(table.length + table.rejects.length).toBe(rows.length);
        // Increasing: every id after the first greater than the one before it.
        expect(table.idsIncreasing).toBe(
          rows.every((r, i) => i === 0 || r.id > (rows[i - 1] as { id: string }).id),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseTransactionTable dates", () => {
  // The straight path decides most dates from their characters; the careful path (tryDate) decides the rest. Both
  // must agree: the same records accepted, the same facts.
  it("accepts and rejects exactly the dates tryDate does", () => {
    const date = fc.oneof(
      fc
        .date({ min: new Date("0001-01-01"), max: new Date("9999-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
        )
        .map(
          ([y, m, d]) =>
            `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
        ),
      fc.constantFrom(
        "2026-2-03",
        " 2026-02-03",
        "2026-02-03 ",
        "2026/02/03",
        "2024-02-29",
        "2100-02-29",
        "0099-01-01",
      ),
    );
    fc.assert(
      fc.property(date, (closeDate) => {
        const table = parseTransactionTable([{ id: "t", ownerId: "ana", amount: "1", closeDate }]);
        const parsed = tryDate(closeDate);
        expect(table.length).toBe(parsed.ok ? 1 : 0);
        if (parsed.ok) expect(table.facts[0]?.closeDate).toBe(parsed.value);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("parseTransactionTable splits", () => {
  it("keeps a record whose splits are written as the facts write them, and copies the others", () => {
    const canonical = {
      id: "a",
      amount: "100",
      splits: [
        { participantId: "ana", share: "0.6" },
        { participantId: "ben", share: "0.4" },
      ],
    };
    const numeric = { id: "b", amount: "100", splits: [{ participantId: "ana", share: 1 }] };
    const padded = { id: "c", amount: "100", splits: [{ participantId: "ana", share: "1.00" }] };
    const table = parseTransactionTable([canonical, numeric, padded]);
    expect(table.length).toBe(3);
    expect(table.facts[0]).toBe(canonical);
    expect(table.splits[0]?.map((s) => `${s.participantId}:${s.share}`)).toEqual(["ana:0.6", "ben:0.4"]);
    // 1 and "1.00" are the share 1, which the facts write "1"
    expect(table.facts[1]).toEqual({
      id: "b",
      amount: "100",
      splits: [{ participantId: "ana", share: "1" }],
    });
    expect(table.facts[2]).toEqual({
      id: "c",
      amount: "100",
      splits: [{ participantId: "ana", share: "1" }],
    });
    expect([table.split[0], table.split[1], table.split[2]]).toEqual([1, 1, 1]);
  });
});
