import type { RecordIssue } from "../errors/index.js";
import { fixedUnits, fixedUnitsOfNumber } from "../money/fixed.js";
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

/**
 * Checked transactions as columns: transaction `i` (0 ≤ i < `length`, in input order) is `id[i]`, `facts[i]`, …
 * This is how the engine holds a million deals: a few arrays instead of a million objects, amounts as exact
 * integers (see money/fixed.ts) instead of a million Decimals. `parseTransactions` gives the same transactions as
 * objects.
 */
export interface TransactionTable {
  /** The name transactions and rejects are reported under. */
  source: string;
  /** How many transactions were accepted. */
  length: number;
  /** 1-based position of each transaction's record among the data rows. */
  row: Int32Array;
  id: string[];
  /** The participant credited when there are no splits. */
  ownerId: (string | undefined)[];
  /** The record as conditions and expressions see it (see `Transaction.facts`). */
  facts: Record<string, unknown>[];
  /** The amount in millionths, exact; `NaN` when it does not fit, and then `amounts` has it. */
  units: Float64Array;
  /** Amounts that do not fit in millionths (more than six decimals, or beyond about nine billion), by index. */
  amounts: Map<number, Decimal>;
  /** Splits, by index, for the transactions that have them. */
  splits: Map<number, Split[]>;
  /** Records that were not accepted, with row and field, in input order. */
  rejects: RecordIssue[];
}

/**
 * Checks transaction records and lays the accepted ones out as a {@link TransactionTable}. The checks, the
 * facts and the rejects are exactly those of `parseTransactions` (which is built on this), only the shape of the
 * result differs.
 *
 * @example
 * ```ts
 * const table = parseTransactionTable([{ id: "D-1", ownerId: "ana", amount: "1000.50", closeDate: "2026-03-31" }]);
 * table.length;    // 1
 * table.units[0];  // 1000500000 (millionths)
 * ```
 */
export function parseTransactionTable(
  rows: readonly unknown[],
  options: { source?: string } = {},
): TransactionTable {
  const source = options.source ?? "transactions";
  const table: TransactionTable = {
    source,
    length: 0,
    row: new Int32Array(rows.length),
    id: [],
    ownerId: [],
    facts: [],
    units: new Float64Array(rows.length),
    amounts: new Map(),
    splits: new Map(),
    rejects: [],
  };
  const rowOfId = new Map<string, number>();
  const dates: DateCache = new Map();
  // One problem list for all records, emptied after each: a million records mostly have none.
  const problems: FieldProblem[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = index + 1;
    const id = readTransaction(rows[index], row, table, problems, dates);
    if (id !== undefined) {
      const first = rowOfId.get(id);
      if (first === undefined) rowOfId.set(id, row);
      else {
        problems.unshift({
          field: "id",
          message: `duplicate id ${JSON.stringify(id)}, first used in row ${first}`,
        });
      }
    }
    if (problems.length > 0) {
      table.rejects.push(toReject(problems, { source, row, id }));
      problems.length = 0;
      // The slot is reused by the next record: nothing of this one may stay in it.
      table.amounts.delete(table.length);
      table.splits.delete(table.length);
    } else table.length++;
  }
  return table;
}

// Checks one record and writes it at index `table.length` (which the caller advances if there is no problem).
// Returns the record's id when it has a usable one, for the duplicate check.
function readTransaction(
  record: unknown,
  row: number,
  table: TransactionTable,
  problems: FieldProblem[],
  dates: DateCache,
): string | undefined {
  if (!isPlainObject(record)) {
    problems.push({ field: "(record)", message: `expected an object, got ${describeValue(record)}` });
    return undefined;
  }
  // This runs once per deal, millions of times in a large run: fields are read directly, without building
  // intermediate entry lists.
  const id = readIdField("id", ownField(record, "id"), problems, "the transaction's id");
  const rawOwner = ownField(record, "ownerId");
  const ownerId = readIdField("ownerId", rawOwner, problems);

  const i = table.length;
  const rawAmount = ownField(record, "amount");
  let units = Number.NaN;
  if (rawAmount === undefined) {
    problems.push({ field: "amount", message: "missing; expected a decimal number such as 1000.50" });
  } else {
    // The common case, a plain decimal with at most six decimals, is read straight into millionths.
    if (typeof rawAmount === "string") units = fixedUnits(rawAmount);
    else if (typeof rawAmount === "number") units = fixedUnitsOfNumber(rawAmount);
    if (Number.isNaN(units)) {
      const d = tryDecimal(rawAmount);
      if (d.ok) table.amounts.set(i, d.value);
      else problems.push({ field: "amount", message: d.message });
    }
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

  if (problems.length > 0 || id === undefined) return id;
  table.row[i] = row;
  table.id[i] = id;
  table.ownerId[i] = ownerId;
  table.facts[i] = copy ?? (record as Record<string, unknown>);
  table.units[i] = units;
  if (splits) table.splits.set(i, splits);
  return id;
}
