import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creditTransactions } from "../../src/credit/index.js";
import { parseTransactions } from "../../src/input/index.js";
import { Decimal } from "../../src/money/index.js";

const known = new Set(["ana", "ben", "cy", "dee", "eve"]);
const participant = (id: string) => known.has(id) || `no participant has the id ${id}`;

describe("creditTransactions", () => {
  it("credits the owner with the whole amount", () => {
    const { transactions } = parseTransactions([{ id: "t1", ownerId: "ana", amount: "1000.50" }]);
    const { credits, rejects } = creditTransactions(transactions, { participant });
    expect(rejects).toEqual([]);
    expect(credits.map((c) => [c.participantId, c.share.toString(), c.amount.toString()])).toEqual([
      ["ana", "1", "1000.5"],
    ]);
  });

  it("credits each split participant amount × share, ignoring the owner", () => {
    const { transactions } = parseTransactions([
      { id: "t1", ownerId: "cy", amount: "100000", splits: "ana:0.6;ben:0.4" },
    ]);
    const { credits } = creditTransactions(transactions, { participant });
    // 100,000 × 0.6 = 60,000; 100,000 × 0.4 = 40,000
    expect(credits.map((c) => [c.participantId, c.amount.toString()])).toEqual([
      ["ana", "60000"],
      ["ben", "40000"],
    ]);
  });

  it("rejects a transaction naming an unknown participant, as a whole", () => {
    const { transactions } = parseTransactions([
      { id: "t1", ownerId: "zed", amount: "10" },
      { id: "t2", amount: "10", splits: "ana:0.5;zed:0.5" },
    ]);
    const { credits, rejects } = creditTransactions(transactions, { participant });
    expect(credits).toEqual([]);
    expect(rejects.map((r) => [r.row, r.id, r.field, r.message])).toEqual([
      [1, "t1", "ownerId", "no participant has the id zed"],
      [2, "t2", "splits", "no participant has the id zed"],
    ]);
  });

  it("property: the credits of a split add up to the transaction exactly", () => {
    const ids = [...known];
    fc.assert(
      fc.property(
        // amount: up to 10^20 with 2 decimals, far beyond 2^53 cents
        fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }),
        // shares in thousandths: cut 0..1000 at up to 4 distinct points, each piece > 0, the pieces sum to 1000
        fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { maxLength: 4 }),
        (cents, cuts) => {
          const edges = [0, ...[...cuts].sort((a, b) => a - b), 1000];
          const shares = edges.slice(1).map((e, i) => e - (edges[i] as number));
          const amount = new Decimal(cents.toString()).div(100).toFixed(2);
          const splits = shares.map((s, i) => ({ participantId: ids[i] as string, share: String(s / 1000) }));
          const { transactions, rejects } = parseTransactions([{ id: "t", amount, splits }]);
          if (rejects.length) return false;
          const { credits } = creditTransactions(transactions, { participant });
          const sum = credits.reduce((s, c) => s.plus(c.amount), new Decimal(0));
          return credits.length === shares.length && sum.eq(amount);
        },
      ),
      { numRuns: 200 },
    );
  });
});
