import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate/index.js";
import { duplicateKeys, keyColonCount, keyCount } from "../../src/input/duplicateKeys.js";
import { parseParticipants, parseRecords, parseTransactions } from "../../src/input/index.js";
import { parsePlan } from "../../src/plan/index.js";

const PLAN = parsePlan(
  [
    "compplan: 1",
    "id: p",
    "name: p",
    "currency: USD",
    "year: { start: 2026-01-01 }",
    "payPeriod: quarter",
    "measures: { bookings: { value: amount } }",
    "components:",
    "  - { id: c, type: commission, measure: bookings, rate: 0.1 }",
  ].join("\n"),
);

describe("duplicate keys in JSON data", () => {
  it("rejects a JSON Lines record that writes amount twice, instead of paying on the last value", () => {
    const text = [
      '{"id":"D-1","ownerId":"ana","amount":"100","amount":"999999","closeDate":"2026-02-10"}',
      '{"id":"D-2","ownerId":"ana","amount":"200","closeDate":"2026-02-11"}',
    ].join("\n");
    const { rows } = parseRecords(text, { format: "jsonl", source: "deals.jsonl" });
    const { transactions, rejects } = parseTransactions(rows, { source: "deals.jsonl" });
    expect(transactions.map((t) => t.id)).toEqual(["D-2"]);
    expect(rejects).toEqual([
      {
        source: "deals.jsonl",
        row: 1,
        id: "D-1",
        field: "amount",
        message:
          'duplicate key "amount": written more than once in the record; which value is meant cannot be told',
      },
    ]);
    const result = evaluate([PLAN], {
      participants: [{ id: "ana", plan: "p" }],
      transactions: rows,
      period: "2026-Q1",
    });
    // Only D-2 pays: 200 × 10% = 20.00 (on main, D-1 paid 999,999 × 10% = 99,999.90 more).
    expect(result.statements[0]?.total).toBe("20.00");
    expect(result.transactions).toMatchObject({ input: 2, credited: 1, rejected: 1 });
    expect(result.transactions.rejects[0]).toMatchObject({ row: 1, field: "amount" });
  });

  it("names the element of a JSON list, nested paths, and keys written with escapes", () => {
    const text =
      '[{"id":"a","plan":"p"},{"id":"b","plan":"p","pl\\u0061n":"q"},' +
      '{"id":"c","plan":"p","splits":[{"participantId":"x","share":"1","share" : "0.5"}]}]';
    const { rows } = parseRecords(text, { format: "json" });
    const { participants, rejects } = parseParticipants(rows);
    expect(participants.map((p) => p.id)).toEqual(["a"]);
    expect(rejects.map((r) => [r.row, r.field])).toEqual([
      [2, "plan"],
      [3, "splits[0].share"],
    ]);
  });

  it("sees no duplicate in colons, quotes and braces inside strings", () => {
    const line = '{"at":"10:30","note":"\\"id\\": {\\"x\\":1}","a\\\\":": x","id":"D-1"}';
    expect(duplicateKeys(line, false)).toEqual([]);
    expect(keyCount(JSON.parse(line))).toBe(4);
    expect(keyColonCount(line)).toBeGreaterThanOrEqual(4);
    const { rows } = parseRecords(line, { format: "jsonl" });
    expect(Object.getOwnPropertySymbols(rows[0] as object)).toEqual([]);
  });

  // Random records, one of which writes one of its keys twice at a random place: that record, and only it, is
  // rejected at its row with the key as the field, in JSON Lines and in a JSON list.
  it("reads a record nested 200,000 deep without overflowing the stack, and still finds its duplicate", () => {
    const n = 200_000;
    const deep = `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;
    // n objects, each holding one key "a": n keys.
    expect(keyCount(JSON.parse(deep))).toBe(n);
    const deal = `"id":"D-1","ownerId":"ana","closeDate":"2026-01-05","x":${deep}`;
    const clean = parseTransactions(parseRecords(`[{${deal},"amount":"100"}]`, { format: "json" }).rows);
    expect(clean.transactions.map((t) => t.amount.toString())).toEqual(["100"]);
    const twice = parseTransactions(
      parseRecords(`{${deal},"amount":"100","amount":"999999"}\n`, { format: "jsonl" }).rows,
    );
    expect(twice.transactions).toEqual([]);
    expect(twice.rejects).toMatchObject([{ row: 1, field: "amount" }]);
  });

  it("property: a record with an injected duplicate key is always rejected at its row", () => {
    const key = fc.oneof(fc.constantFrom("amount", "region", "closeDate", "a:b", 'q"', "x\\"), fc.string());
    const record = fc.uniqueArray(fc.tuple(key, fc.jsonValue({ maxDepth: 2 })), {
      selector: ([k]) => k,
      maxLength: 5,
    });
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        fc.jsonValue({ maxDepth: 1 }),
        fc.constantFrom("jsonl", "json"),
        fc.constantFrom(":", " : ", ":\t"),
        (records, pick, at, extra, format, colon) => {
          // Each record gets an id (unique) and an owner, so that only the duplicate can reject it.
          const entries = records.map(
            (r, i) =>
              [
                ["id", `D-${i}`],
                ["ownerId", "ana"],
                ["amount", "1"],
                ...r.filter(
                  ([k]) => !["id", "ownerId", "amount", "splits"].includes(k) && !k.endsWith("Date"),
                ),
              ] as [string, unknown][],
          );
          const target = pick % entries.length;
          const chosen = entries[target] as [string, unknown][];
          const [dupKey] = chosen[at % chosen.length] as [string, unknown];
          chosen.splice(at % (chosen.length + 1), 0, [dupKey, extra]);
          const objects = entries.map(
            (e) => `{${e.map(([k, v]) => `${JSON.stringify(k)}${colon}${JSON.stringify(v)}`).join(",")}}`,
          );
          const text = format === "jsonl" ? objects.join("\n") : `[${objects.join(",\n")}]`;
          const { rows } = parseRecords(text, { format: format as "json" | "jsonl" });
          const { rejects } = parseTransactions(rows);
          expect(rejects.map((r) => r.row)).toEqual([target + 1]);
          // The field lists the record's problem fields joined by ", " (a key may itself hold ", ").
          expect(`, ${rejects[0]?.field}, `).toContain(`, ${dupKey}, `);
          expect(rejects[0]?.message).toContain("duplicate key");
        },
      ),
      { numRuns: 300 },
    );
  });
});
