import { Decimal } from "../money/index.js";
import { isPlainObject } from "./isPlainObject.js";

/** Records to read, with the rows and source they keep when they were parsed before. */
export interface RecordsToRead {
  records: readonly unknown[];
  /** Each record's row, when the list held parsed records (their file's rows, not their positions). */
  rowNumbers?: number[];
  /** The source the parsed records came from. */
  source?: string;
}

/**
 * The records behind a list given to `evaluate` as transactions: the list itself, or, when it holds what
 * `parseTransactions` returned (`{ id, amount: Decimal, facts, row, source }`), each transaction's `facts`
 * (the record as read), with its row and source. Read as records, parsed transactions would have no
 * `closeDate` (it is inside `facts`) and be excluded from every measure. Decided by the first element.
 *
 * @param list - the `transactions` given to `evaluate`.
 * @returns the records to read, with their row numbers and source when they were parsed transactions.
 * @example
 * ```ts
 * transactionRecords(parseTransactions(rows, { source: "deals.csv" }).transactions).source; // "deals.csv"
 * ```
 */
export function transactionRecords(list: readonly unknown[]): RecordsToRead {
  if (!isParsedTransaction(list[0])) return { records: list };
  const records = list.map((t) => (isParsedTransaction(t) ? t.facts : t));
  const rowNumbers = list.map((t, i) => (isParsedTransaction(t) ? t.row : i + 1));
  return { records, rowNumbers, source: (list[0] as { source: string }).source };
}

/**
 * The records behind a list given to `evaluate` as participants: the list itself, or, when it holds what
 * `parseParticipants` returned (`{ id, plan, targets, attributes, row }`), each participant written back as a
 * record (its attributes and fields side by side), with its row. Decided by the first element.
 *
 * @param list - the `participants` given to `evaluate`.
 * @returns the records to read, with their row numbers when they were parsed participants.
 * @example
 * ```ts
 * participantRecords(parseParticipants([{ id: "ana", plan: "ae-fy27", region: "EMEA" }]).participants).records;
 * // [{ region: "EMEA", id: "ana", plan: "ae-fy27", targets: { quota: {} } }]
 * ```
 */
export function participantRecords(list: readonly unknown[]): RecordsToRead {
  if (!isParsedParticipant(list[0])) return { records: list };
  const records = list.map((p) => {
    if (!isParsedParticipant(p)) return p;
    const { attributes, row: _row, ...fields } = p;
    return { ...attributes, ...fields };
  });
  const rowNumbers = list.map((p, i) => (isParsedParticipant(p) ? p.row : i + 1));
  return { records, rowNumbers };
}

function isParsedTransaction(
  value: unknown,
): value is { facts: Record<string, unknown>; row: number; source: string } {
  return (
    isPlainObject(value) &&
    value.amount instanceof Decimal &&
    isPlainObject(value.facts) &&
    Number.isSafeInteger(value.row) &&
    typeof value.source === "string"
  );
}

function isParsedParticipant(
  value: unknown,
): value is { attributes: Record<string, unknown>; row: number } & Record<string, unknown> {
  return (
    isPlainObject(value) &&
    Number.isSafeInteger(value.row) &&
    isPlainObject(value.attributes) &&
    isPlainObject(value.targets) &&
    isPlainObject(value.targets.quota)
  );
}
