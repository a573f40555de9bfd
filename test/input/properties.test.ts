import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseParticipants, parseRecords, parseTransactions } from "../../src/input/index.js";
import { Decimal } from "../../src/money/index.js";

// Values a field may hold: valid and invalid ids, amounts, dates and splits, plus anything JSON can hold.
const id = fc.constantFrom("ana", "ben", "cy", "00123", 7, "7", "", " ", true, null);
const amount = fc.oneof(
  fc.constantFrom("1000.50", "1,000", "abc", "NaN", "", "-3", "12345678901234567890.12", 0, -1.5, Number.NaN),
  fc.double(),
  fc.string(),
);
const date = fc.constantFrom("2026-02-28", "2026-02-30", "2026-1-5", "", 20260101, null, "2024-02-29");
const splits = fc.oneof(
  fc.constantFrom("ana:0.6;ben:0.4", "ana:0.6;ben:0.3", "ana:1", "ana:0.5;ana:0.5", "ana", "", [], "x:abc"),
  fc.array(fc.record({ participantId: id, share: amount }, { requiredKeys: [] }), { maxLength: 3 }),
);
const anyValue = fc.oneof(fc.jsonValue(), amount, date);

const transactionRow = fc.oneof(
  fc.record(
    { id, ownerId: id, amount, closeDate: date, cancelDate: date, splits, region: anyValue },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.string(), anyValue),
  fc.jsonValue(),
);
const participantRow = fc.oneof(
  fc.record(
    {
      id,
      plan: id,
      hireDate: date,
      terminationDate: date,
      managerId: id,
      base: amount,
      "quota.bookings": amount,
      targets: fc.oneof(
        fc.jsonValue(),
        fc.record({ base: amount, quota: fc.dictionary(fc.string(), amount) }),
      ),
      ramp: fc.oneof(fc.constantFrom("0;0.5", "0;;1", "-1"), fc.array(amount, { maxLength: 3 })),
      currency: fc.constantFrom("USD", "usd", 5),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.string(), anyValue),
  fc.jsonValue(),
);

/** Each row 1..n appears exactly once among the accepted and the rejected. */
function accountedOnce(n: number, accepted: { row: number }[], rejected: { row: number }[]) {
  const rows = [...accepted.map((a) => a.row), ...rejected.map((r) => r.row)].sort((a, b) => a - b);
  expect(rows).toEqual(Array.from({ length: n }, (_, i) => i + 1));
}

describe("every record is accounted for exactly once", () => {
  it("parseTransactions: each row yields one transaction or one reject", () => {
    fc.assert(
      fc.property(fc.array(transactionRow, { maxLength: 12 }), (rows) => {
        const { transactions, rejects } = parseTransactions(rows);
        accountedOnce(rows.length, transactions, rejects);
      }),
      { numRuns: 500 },
    );
  });

  it("parseParticipants: each row yields one participant or one reject", () => {
    fc.assert(
      fc.property(fc.array(participantRow, { maxLength: 12 }), (rows) => {
        const { participants, rejects } = parseParticipants(rows);
        accountedOnce(rows.length, participants, rejects);
      }),
      { numRuns: 500 },
    );
  });
});

// Shares that add up to exactly 1: cut 1 into n parts at distinct multiples of 10^-scale.
const exactShares = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }))
  .chain(([n, scale]) => {
    const unit = 10 ** scale; // > 6 ≥ n, so there is room for n - 1 distinct cuts
    return fc
      .uniqueArray(fc.integer({ min: 1, max: unit - 1 }), { minLength: n - 1, maxLength: n - 1 })
      .map((cuts) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), unit];
        return points.slice(1).map((p, i) => new Decimal(p - (points[i] ?? 0)).div(unit));
      });
  });
// Ids may contain colons: the share is what follows the last one.
const participantId = fc.stringMatching(/^[A-Za-z0-9_.@:-]{1,12}$/);

describe("splits written in the CSV form a:x;b:y", () => {
  it("round-trip: the parsed splits are the written participants and shares, exactly", () => {
    fc.assert(
      fc.property(
        exactShares.chain((shares) =>
          fc
            .uniqueArray(participantId, { minLength: shares.length, maxLength: shares.length })
            .map((ids) => ids.map((p, i) => ({ participantId: p, share: shares[i] as Decimal }))),
        ),
        fc.boolean(),
        (splits, padded) => {
          // Written as a person or a spreadsheet would: optionally with trailing zeros ("0.50").
          const cell = splits
            .map((s) => `${s.participantId}:${padded ? s.share.toFixed(9) : s.share.toString()}`)
            .join(";");
          const { rows } = parseRecords(`id,amount,splits\nD-1,100,"${cell}"\n`, { format: "csv" });
          const { transactions, rejects } = parseTransactions(rows);
          expect(rejects).toEqual([]);
          const parsed = transactions[0]?.splits ?? [];
          expect(parsed.map((s) => s.participantId)).toEqual(splits.map((s) => s.participantId));
          expect(parsed.map((s) => s.share.toString())).toEqual(splits.map((s) => s.share.toString()));
          expect(parsed.reduce((sum, s) => sum.plus(s.share), new Decimal(0)).toString()).toBe("1");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a split whose shares miss 1 by any amount is rejected, naming the sum", () => {
    fc.assert(
      fc.property(
        exactShares.filter((s) => s.length >= 2),
        fc.integer({ min: 1, max: 99 }),
        (shares, delta) => {
          // Nudge the last share by ±delta × 10^-10 (kept inside (0, 1]), so the total is off by exactly that.
          const nudge = new Decimal(delta).div(1e10);
          const last = shares[shares.length - 1] as Decimal;
          const moved = last.gt(nudge) ? last.minus(nudge) : last.plus(nudge);
          const written = [...shares.slice(0, -1), moved];
          const cell = written.map((s, i) => `p${i}:${s.toString()}`).join(";");
          const { rejects } = parseTransactions([{ id: "D-1", amount: 1, splits: cell }]);
          const sum = written.reduce((a, b) => a.plus(b), new Decimal(0));
          expect(rejects).toEqual([
            expect.objectContaining({
              field: "splits",
              message: expect.stringContaining(`shares must add up to exactly 1, got ${sum.toString()} (`),
            }),
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
