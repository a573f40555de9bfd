import { checkArgument } from "../errors/checkArgument.js";
import type { RecordIssue } from "../errors/index.js";
import { fixedToDecimal } from "../money/fixed.js";
import type { Decimal } from "../money/index.js";
import type { Split } from "./parseSplits.js";
import { parseTransactionTable } from "./parseTransactionTable.js";

/** A transaction (deal) as the engine uses it: checked, with its amount and split shares exact. */
export interface Transaction {
  id: string;
  /** The participant credited when there are no splits. */
  ownerId?: string;
  /** Exact; may be negative (a credit note) or zero. */
  amount: Decimal;
  /** Shares in (0, 1] adding up to exactly 1, each participant once. */
  splits?: Split[];
  /**
   * The record as conditions and expressions see it: every non-blank field of the input, with `id`, `ownerId`
   * and `…Date` fields normalised to text, `amount` as given, and `splits` as `[{ participantId, share }]` with
   * shares as decimal strings (plain data, so facts stay JSON-serialisable).
   */
  facts: Record<string, unknown>;
  /** 1-based position of the record among the data rows. */
  row: number;
  /** Where the record came from (the `source` option). */
  source: string;
}

/** Options of {@link parseTransactions}. */
export interface ParseTransactionsOptions {
  /** The name transactions and rejects are reported under, usually the file name; default `"transactions"`. */
  source?: string;
}

/** The result of {@link parseTransactions}: each input record is in exactly one of the two lists. */
export interface ParsedTransactions {
  transactions: Transaction[];
  rejects: RecordIssue[];
}

/**
 * Checks transaction records (from `readRecords`, or plain objects) and turns them into {@link Transaction}s.
 *
 * Fields: `id` (required), `amount` (required: a decimal string or a number), `ownerId` and/or `splits`
 * (at least one: `[{ participantId, share }]` in JSON, `ana:0.6;ben:0.4` in CSV), dates such as `closeDate`
 * and `cancelDate`, and any other fields for conditions. A blank field (empty cell, `null`, `""`) is not given.
 *
 * A record is rejected, never half-used, when: `id` is missing or was already used by an earlier record (the
 * first record to carry an id keeps it, even if that record is itself rejected); `amount` is missing or not a
 * decimal (`1,000`, `abc`, `NaN`, `1e3`); there is neither `ownerId` nor `splits`; the splits are malformed, a
 * share is outside (0, 1], a participant repeats, or the shares do not add up to exactly 1; any field whose name
 * ends in `Date` is not a real `YYYY-MM-DD` date; a JSON record writes a key twice (`{"amount":"100","amount":"999999"}`:
 * `JSON.parse` would keep the last value without a word). Each record yields exactly one transaction or exactly one
 * reject; a record with several problems yields one reject listing them all.
 *
 * @example
 * ```ts
 * const { transactions, rejects } = parseTransactions(
 *   [{ id: "D-1", amount: "1000.50", closeDate: "2026-03-31", splits: "ana:0.6;ben:0.4", product: "saas" }],
 *   { source: "deals.csv" },
 * );
 * // transactions[0].amount: Decimal(1000.5); .splits: [{ participantId: "ana", share: Decimal(0.6) }, …]
 * // .facts: { id: "D-1", amount: "1000.50", closeDate: "2026-03-31",
 * //           splits: [{ participantId: "ana", share: "0.6" }, { participantId: "ben", share: "0.4" }], product: "saas" }
 * ```
 */
export function parseTransactions(
  rows: readonly unknown[],
  options: ParseTransactionsOptions = {},
): ParsedTransactions {
  checkArgument("parseTransactions", "rows", rows, "list");
  checkArgument("parseTransactions", "options", options, "object");
  checkArgument("parseTransactions", "options.source", options.source, "text?");
  const table = parseTransactionTable(rows, options);
  const transactions: Transaction[] = [];
  for (let i = 0; i < table.length; i++) {
    const units = table.units[i] as number;
    transactions.push({
      id: table.id[i] as string,
      ownerId: table.ownerId[i],
      amount: Number.isNaN(units) ? (table.amounts.get(i) as Decimal) : fixedToDecimal(units),
      splits: table.splits[i],
      facts: table.facts[i] as Record<string, unknown>,
      row: table.row[i] as number,
      source: table.source,
    });
  }
  return { transactions, rejects: table.rejects };
}
