import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creditShare, creditTable } from "../../src/credit/creditTable.js";
import { parseTransactionTable } from "../../src/input/parseTransactionTable.js";
import { fixedToDecimal } from "../../src/money/fixed.js";
import { Decimal } from "../../src/money/index.js";

const credited = (table: ReturnType<typeof creditTable>, c: number) => {
  const u = table.units[c] as number;
  return (Number.isNaN(u) ? (table.amounts.get(c) as Decimal) : fixedToDecimal(u)).toString();
};

describe("creditTable", () => {
  it("credits owners and splits exactly, grouped by participant in input order", () => {
    const transactions = parseTransactionTable([
      { id: "t1", ownerId: "ben", amount: "1843.27" },
      { id: "t2", amount: "1843.27", splits: "ana:0.6;ben:0.4" },
      { id: "t3", amount: "0.01", splits: "ana:0.333333;ben:0.333333;cai:0.333334" },
      { id: "t4", ownerId: "ana", amount: "12345678901234.5678" },
    ]);
    const table = creditTable(transactions, {
      participantIds: ["ana", "ben", "cai"],
      reason: (id) => `unknown ${id}`,
    });
    expect(table.rejects).toEqual([]);
    const byCredit = Array.from({ length: table.length }, (_, c) => [
      table.participantIds[table.participant[c] as number],
      transactions.id[table.transaction[c] as number],
      credited(table, c),
    ]);
    expect(byCredit).toEqual([
      ["ben", "t1", "1843.27"],
      // 1,843.27 × 0.6 = 1,105.962 and × 0.4 = 737.308 (they add up to 1,843.27)
      ["ana", "t2", "1105.962"],
      ["ben", "t2", "737.308"],
      // 0.01 × 0.333333 = 0.00333333: eight decimals, kept exact as a Decimal
      ["ana", "t3", "0.00333333"],
      ["ben", "t3", "0.00333333"],
      ["cai", "t3", "0.00333334"],
      // four decimals on fourteen digits: past 2^53 millionths, kept exact as a Decimal
      ["ana", "t4", "12345678901234.5678"],
    ]);
    // ana's credits (t2, t3, t4), then ben's (t1, t2, t3), then cai's (t3), each in input order
    const grouped = Array.from(
      table.order,
      (c) =>
        `${table.participantIds[table.participant[c] as number]}:${transactions.id[table.transaction[c] as number]}`,
    );
    expect(grouped).toEqual(["ana:t2", "ana:t3", "ana:t4", "ben:t1", "ben:t2", "ben:t3", "cai:t3"]);
    expect(Array.from(table.start)).toEqual([0, 3, 6, 7]);
    // credit 0 is t1, ben's alone; credit 1 is ana's 0.6 of t2
    expect(creditShare(table, 0)).toBeUndefined();
    expect(creditShare(table, 1)?.toString()).toBe("0.6");
    expect(creditShare(table, 2)?.toString()).toBe("0.4");
  });

  it("rejects a transaction naming a participant who cannot be credited, as a whole", () => {
    const transactions = parseTransactionTable([
      { id: "t1", ownerId: "zed", amount: "10" },
      { id: "t2", amount: "10", splits: "ana:0.5;yan:0.5" },
    ]);
    const table = creditTable(transactions, {
      participantIds: ["ana"],
      reason: (id) => `no participant has the id ${id}`,
    });
    expect(table.length).toBe(0);
    expect(table.rejects.map((r) => [r.row, r.field, r.message])).toEqual([
      [1, "ownerId", "no participant has the id zed"],
      [2, "splits", "no participant has the id yan"],
    ]);
  });

  it("splits add up to the transaction, whatever the shares", () => {
    const shares = fc
      .array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 4 })
      .map((ws) => {
        // Shares with up to seven decimals that add up to exactly 1: the last takes what the others leave.
        const total = ws.reduce((s, w) => s + w, 0);
        const parts = ws.map((w) => new Decimal(w).div(total).toDecimalPlaces(7, Decimal.ROUND_DOWN));
        const rest = new Decimal(1).minus(parts.slice(0, -1).reduce((s, x) => s.plus(x), new Decimal(0)));
        return [...parts.slice(0, -1), rest];
      })
      .filter((parts) => parts.every((p) => p.gt(0)));
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,15}(\.\d{1,4})?$/), shares, (amount, parts) => {
        const ids = parts.map((_, i) => `p${i}`);
        const transactions = parseTransactionTable([
          { id: "t", amount, splits: parts.map((p, i) => `${ids[i]}:${p.toFixed()}`).join(";") },
        ]);
        const table = creditTable(transactions, { participantIds: ids, reason: (id) => id });
        let sum = new Decimal(0);
        for (let c = 0; c < table.length; c++) sum = sum.plus(credited(table, c));
        return table.length === parts.length && sum.equals(amount);
      }),
      { numRuns: 1000 },
    );
  });
});
