import type { RecordIssue } from "../errors/index.js";
import { type Decimal, tryDecimal } from "../money/index.js";
import { describeValue } from "./describeValue.js";
import { isBlank } from "./isBlank.js";
import { isPlainObject } from "./isPlainObject.js";
import { ownField } from "./ownField.js";
import { parseSplits, type Split } from "./parseSplits.js";
import { type DateCache, readDateField } from "./readDateField.js";
import { readIdField } from "./readIdField.js";
import { setField } from "./setField.js";
import { type FieldProblem, toReject } from "./toReject.js";

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
 * ends in `Date` is not a real `YYYY-MM-DD` date. Each record yields exactly one transaction or exactly one
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
  const source = options.source ?? "transactions";
  const transactions: Transaction[] = [];
  const rejects: RecordIssue[] = [];
  const rowOfId = new Map<string, number>();
  const dates: DateCache = new Map();
  rows.forEach((record, index) => {
    const row = index + 1;
    const result = parseTransaction(record, row, source, dates);
    if (result.id !== undefined) {
      const first = rowOfId.get(result.id);
      if (first === undefined) rowOfId.set(result.id, row);
      else {
        result.problems.unshift({
          field: "id",
          message: `duplicate id ${JSON.stringify(result.id)}, first used in row ${first}`,
        });
      }
    }
    if (result.problems.length > 0 || !result.transaction) {
      rejects.push(toReject(result.problems, { source, row, id: result.id }));
    } else transactions.push(result.transaction);
  });
  return { transactions, rejects };
}

function parseTransaction(
  record: unknown,
  row: number,
  source: string,
  dates: DateCache,
): { transaction?: Transaction; id?: string; problems: FieldProblem[] } {
  if (!isPlainObject(record)) {
    return { problems: [{ field: "(record)", message: `expected an object, got ${describeValue(record)}` }] };
  }
  // This runs once per deal, millions of times in a large run: fields are read directly, without building
  // intermediate entry lists.
  const problems: FieldProblem[] = [];
  const id = readIdField("id", ownField(record, "id"), problems, "the transaction's id");
  const rawOwner = ownField(record, "ownerId");
  const ownerId = readIdField("ownerId", rawOwner, problems);

  let amount: Decimal | undefined;
  const rawAmount = ownField(record, "amount");
  if (rawAmount === undefined) {
    problems.push({ field: "amount", message: "missing; expected a decimal number such as 1000.50" });
  } else {
    const d = tryDecimal(rawAmount);
    if (d.ok) amount = d.value;
    else problems.push({ field: "amount", message: d.message });
  }

  let splits: Split[] | undefined;
  const rawSplits = ownField(record, "splits");
  if (rawSplits !== undefined) {
    const s = parseSplits(rawSplits);
    if (s.ok) splits = s.value;
    else problems.push({ field: "splits", message: s.message });
  }
  // Only when neither was written at all: a bad ownerId or bad splits already has its own problem.
  const splitsWritten = rawSplits !== undefined && !(Array.isArray(rawSplits) && rawSplits.length === 0);
  if (rawOwner === undefined && !splitsWritten) {
    problems.push({ field: "ownerId", message: "missing; expected an ownerId or splits, found neither" });
  }

  // The facts are the record as conditions see it. Most records need no change (no blank cells, ids already
  // text, dates already clean), and then the record itself serves: copying a million records costs more than
  // everything else a run does with them. A copy is made from the first field that differs.
  let copy: Record<string, unknown> | undefined;
  const keys = Object.keys(record);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const value = record[key];
    const blank = isBlank(value);
    let out: unknown = value;
    if (blank) out = undefined;
    else if (key === "id") out = id;
    else if (key === "ownerId") out = ownerId;
    else if (key === "splits") {
      out = splits?.map((s) => ({ participantId: s.participantId, share: s.share.toString() }));
    } else if (key.endsWith("Date")) out = readDateField(key, value, problems, dates);
    if (copy === undefined && out !== value) {
      copy = {};
      for (let j = 0; j < k; j++) setField(copy, keys[j] as string, record[keys[j] as string]);
    }
    if (copy !== undefined && !blank && out !== undefined) setField(copy, key, out);
  }
  const facts = copy ?? (record as Record<string, unknown>);

  if (problems.length > 0 || id === undefined || amount === undefined) return { id, problems };
  // Every transaction has the same shape (absent fields are undefined, not missing), which keeps the engine's
  // property reads monomorphic on a million of them.
  const transaction: Transaction = { id, ownerId, amount, splits, facts, row, source };
  return { transaction, id, problems };
}
