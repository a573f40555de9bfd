import type { RecordIssue } from "../errors/index.js";
import type { Split } from "../input/index.js";
import type { TransactionTable } from "../input/parseTransactionTable.js";
import { fixedShare, fixedShareOf, fixedToDecimal } from "../money/fixed.js";
import { type Decimal, ONE } from "../money/index.js";

/**
 * Credits as columns: credit `c` gives transaction `transaction[c]` (an index into the transaction table) to
 * participant `participant[c]` (an index into the participants), for `units[c]` millionths (or `amounts.get(c)`
 * when that is `NaN`). Grouped by participant: participant p's credits are `order[start[p]]` …
 * `order[start[p + 1] - 1]`, in input order.
 */
export interface CreditTable {
  length: number;
  transaction: Int32Array;
  participant: Int32Array;
  /** The credited amount (amount × share) in millionths, exact; `NaN` when it does not fit. */
  units: Float64Array;
  /** Credited amounts that do not fit in millionths, by credit. */
  amounts: Map<number, Decimal>;
  start: Int32Array;
  order: Int32Array;
  /** The participants' ids, by index. */
  participantIds: readonly string[];
  /** The transactions credited. */
  transactions: TransactionTable;
  /** Transactions naming a participant who cannot be credited: rejected as a whole, never half-credited. */
  rejects: RecordIssue[];
}

/** Options of {@link creditTable}. */
export interface CreditTableOptions {
  /** The participants who can receive credit, by index. */
  participantIds: readonly string[];
  /** Why an id that is not among `participantIds` cannot be credited (unknown, or rejected for a bad record). */
  reason: (id: string) => string;
}

/**
 * Credits a table of transactions (as `creditTransactions` does for transaction objects): the owner gets the
 * whole amount, or each split participant gets amount × share, exactly.
 *
 * @example
 * ```ts
 * const credits = creditTable(parseTransactionTable(records), { participantIds: ["ana", "ben"], reason: (id) => `no participant has the id ${id}` });
 * ```
 */
export function creditTable(transactions: TransactionTable, options: CreditTableOptions): CreditTable {
  const index = new Map<string, number>();
  options.participantIds.forEach((id, i) => {
    index.set(id, i);
  });
  const n = transactions.length;
  // Room for every transaction plus the extra credits of splits.
  let capacity = n;
  for (let t = 0; t < n; t++) {
    const splits = transactions.splits[t];
    if (splits) capacity += splits.length - 1;
  }
  const table: CreditTable = {
    length: 0,
    transaction: new Int32Array(capacity),
    participant: new Int32Array(capacity),
    units: new Float64Array(capacity),
    amounts: new Map(),
    start: new Int32Array(options.participantIds.length + 1),
    order: new Int32Array(0),
    participantIds: options.participantIds,
    transactions,
    rejects: [],
  };
  const { transaction, participant, units } = table;
  let c = 0;
  for (let t = 0; t < n; t++) {
    const amount = transactions.units[t] as number;
    if (transactions.split[t] === 0) {
      const owner = transactions.ownerId[t] ?? "";
      const p = index.get(owner);
      if (p === undefined) {
        table.rejects.push(
          reject(transactions, t, "ownerId", owner ? options.reason(owner) : "expected an ownerId or splits"),
        );
        continue;
      }
      transaction[c] = t;
      participant[c] = p;
      units[c] = amount;
      if (Number.isNaN(amount)) table.amounts.set(c, transactions.amounts.get(t) as Decimal);
      c++;
      continue;
    }
    const splits = transactions.splits[t] as Split[];
    const shares = transactions.shareUnits[t] as number[];
    // Each split's participant, looked up once; the transaction is credited only if all are known.
    let known = true;
    for (let k = 0; k < splits.length; k++) {
      const p = index.get((splits[k] as Split).participantId);
      if (p === undefined) known = false;
      else participant[c + k] = p;
    }
    if (!known) {
      const unknown = splits.filter((s) => !index.has(s.participantId));
      const message = unknown.map((s) => options.reason(s.participantId)).join("; ");
      table.rejects.push(reject(transactions, t, "splits", message));
      continue;
    }
    for (let k = 0; k < splits.length; k++) {
      const s = splits[k] as Split;
      transaction[c] = t;
      const share = shares[k] as number;
      const credited =
        Number.isNaN(amount) || Number.isNaN(share) ? Number.NaN : fixedShareOf(amount, fixedShare(share));
      units[c] = credited;
      if (Number.isNaN(credited)) {
        const whole = Number.isNaN(amount)
          ? (transactions.amounts.get(t) as Decimal)
          : fixedToDecimal(amount);
        table.amounts.set(c, whole.times(s.share));
      }
      c++;
    }
  }
  table.length = c;
  // Group by participant (a counting sort keeps each participant's credits in input order).
  const { start } = table;
  for (let k = 0; k < c; k++) {
    const slot = (participant[k] as number) + 1;
    start[slot] = (start[slot] as number) + 1;
  }
  for (let p = 1; p < start.length; p++) start[p] = (start[p] as number) + (start[p - 1] as number);
  const next = start.slice(0, -1);
  const order = new Int32Array(c);
  for (let k = 0; k < c; k++) {
    const p = participant[k] as number;
    order[next[p] as number] = k;
    next[p] = (next[p] as number) + 1;
  }
  table.order = order;
  return table;
}

/**
 * The share of credit `c` when it is part of a deal (a split share other than 1), else undefined: the credit is
 * the whole amount. Looked up when asked (value expressions see the credited amount), not kept per credit.
 *
 * @example
 * ```ts
 * creditShare(credits, 1)?.toString(); // "0.6"
 * ```
 */
export function creditShare(credits: CreditTable, c: number): Decimal | undefined {
  const t = credits.transaction[c] as number;
  if (credits.transactions.split[t] !== 1) return undefined;
  const id = credits.participantIds[credits.participant[c] as number];
  const split = credits.transactions.splits[t]?.find((s) => s.participantId === id);
  return split === undefined || split.share.eq(ONE) ? undefined : split.share;
}

function reject(transactions: TransactionTable, t: number, field: string, message: string): RecordIssue {
  return {
    source: transactions.source,
    row: transactions.row[t] as number,
    id: transactions.id[t] as string,
    field,
    message,
  };
}
