import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument } from "../errors/checkArgument.js";
import type { RecordIssue } from "../errors/index.js";
import type { Transaction } from "../input/index.js";
import { Decimal, ONE } from "../money/index.js";

/** A transaction's credit to one participant: the whole deal for its owner, or a split's share of it. */
export interface Credit {
  participantId: string;
  transaction: Transaction;
  share: Decimal;
  /** amount × share, exact. */
  amount: Decimal;
}

/** Options of {@link creditTransactions}. */
export interface CreditOptions {
  /**
   * Says whether an id names a participant who can receive credit: `true`, or the reason it cannot (unknown,
   * or rejected for a bad record), which becomes the transaction's rejection message.
   */
  participant: (id: string) => true | string;
}

/**
 * Credits transactions to participants: the owner gets the whole amount, or each split participant gets
 * amount × share (shares were checked to sum to exactly 1 when the transaction was read). A transaction naming
 * a participant who cannot be credited is rejected as a whole, never half-credited.
 *
 * @example
 * ```ts
 * const { credits, rejects } = creditTransactions(transactions, { participant: (id) => ids.has(id) || `unknown participant ${id}` });
 * ```
 */
export function creditTransactions(
  transactions: readonly Transaction[],
  options: CreditOptions,
): { credits: Credit[]; rejects: RecordIssue[] } {
  checkArgument("creditTransactions", "transactions", transactions, "list");
  checkArgument("creditTransactions", "options", options, "object");
  checkArgument("creditTransactions", "options.participant", options.participant, "function");
  transactions.forEach((t, i) => {
    const ok =
      typeof t === "object" &&
      t !== null &&
      typeof t.id === "string" &&
      Decimal.isDecimal(t.amount) &&
      (t.splits === undefined || Array.isArray(t.splits));
    if (!ok)
      throw new ArgumentError(
        "creditTransactions",
        `transactions[${i}]`,
        "a transaction from parseTransactions",
        t,
      );
  });
  const credits: Credit[] = [];
  const rejects: RecordIssue[] = [];
  for (const t of transactions) {
    if (t.splits?.length) {
      const problems = t.splits
        .map((s) => ({ s, ok: options.participant(s.participantId) }))
        .filter((x) => x.ok !== true);
      if (problems.length) {
        rejects.push({
          source: t.source,
          row: t.row,
          id: t.id,
          field: "splits",
          message: problems.map((p) => p.ok).join("; "),
        });
        continue;
      }
      for (const s of t.splits) {
        credits.push({
          participantId: s.participantId,
          transaction: t,
          share: s.share,
          amount: t.amount.times(s.share),
        });
      }
    } else {
      const owner = t.ownerId ?? "";
      const ok = options.participant(owner);
      if (ok !== true) {
        rejects.push({ source: t.source, row: t.row, id: t.id, field: "ownerId", message: ok });
        continue;
      }
      credits.push({ participantId: owner, transaction: t, share: ONE, amount: t.amount });
    }
  }
  return { credits, rejects };
}
