import { isPlainCalendarDate } from "../calendar/dates.js";
import type { RecordIssue } from "../errors/index.js";
import { fixedUnits, fixedUnitsOfNumber } from "../money/fixed.js";
import { type Decimal, tryDecimal } from "../money/index.js";
import { describeValue } from "./describeValue.js";
import { duplicateProblems, duplicatesOf } from "./duplicateKeys.js";
import { isBlank } from "./isBlank.js";
import { isPlainObject } from "./isPlainObject.js";
import { ownField } from "./ownField.js";
import { parseSplits, plainSplits, type Split } from "./parseSplits.js";
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
  /**
   * Splits, by index, for the transactions that have them (`undefined` elsewhere): a list with holes rather than
   * a map, because writing a map's entry cost more than anything else in reading a split deal.
   */
  splits: (Split[] | undefined)[];
  /** 1 for a transaction with splits: a column read in order, where `splits` has mostly holes. */
  split: Uint8Array;
  /** The shares of `splits` in millionths (`NaN` for a share with more than six decimals), by index. */
  shareUnits: (number[] | undefined)[];
  /** Records that were not accepted, with row and field, in input order. */
  rejects: RecordIssue[];
  /** Whether the ids came in strictly increasing order (then lists of transactions in input order are in id order). */
  idsIncreasing: boolean;
  /** Checked dates as text by their YYYYMMDD number, filled as deal listings ask (see measure's entryDate). */
  dayTexts: Map<number, string>;
}

/**
 * Checks transaction records and lays the accepted ones out as a {@link TransactionTable}. The checks, the
 * facts and the rejects are exactly those of `parseTransactions` (which is built on this), only the shape of the
 * result differs. `rowNumbers` gives each record's row when it is not its position (transactions already parsed
 * by `parseTransactions` keep the rows of their file).
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
  options: { source?: string; rowNumbers?: readonly number[] } = {},
): TransactionTable {
  const rowNumbers = options.rowNumbers;
  const source = options.source ?? "transactions";
  const table: TransactionTable = {
    source,
    length: 0,
    row: new Int32Array(rows.length),
    id: new Array(rows.length),
    ownerId: new Array(rows.length),
    facts: new Array(rows.length),
    units: new Float64Array(rows.length),
    amounts: new Map(),
    splits: new Array(rows.length),
    split: new Uint8Array(rows.length),
    shareUnits: new Array(rows.length),
    rejects: [],
    idsIncreasing: true,
    dayTexts: new Map(),
  };
  // Duplicate ids: while the ids arrive in increasing order (exports are usually sorted by id) none can repeat,
  // and a comparison with the previous id is all it takes; from the first id out of order, a map of every id
  // seen, built then from the ids accepted so far.
  let previous: string | undefined;
  let rowOfId: Map<string, number> | undefined;
  const dates: DateCache = new Map();
  // One problem list for all records, emptied after each: a million records mostly have none.
  const problems: FieldProblem[] = [];
  const ownOnly = cleanPrototype();
  const shares = new Map<number, { decimal: Decimal; text: string }>();
  for (let index = 0; index < rows.length; index++) {
    const row = rowNumbers ? (rowNumbers[index] as number) : index + 1;
    const record = rows[index];
    const id =
      (ownOnly ? plainTransaction(record, row, table, shares) : undefined) ??
      readTransaction(record, row, table, problems, dates, ownOnly);
    if (id !== undefined && rowOfId === undefined) {
      if (previous === undefined || id > previous) previous = id;
      else {
        rowOfId = idsSoFar(table, index);
        table.idsIncreasing = false;
      }
    }
    if (id !== undefined && rowOfId !== undefined) {
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
      table.splits[table.length] = undefined;
      table.shareUnits[table.length] = undefined;
    } else table.length++;
  }
  table.id.length = table.length;
  table.splits.length = table.length;
  table.shareUnits.length = table.length;
  table.ownerId.length = table.length;
  table.facts.length = table.length;
  return table;
}

// The common record, read on a straight path: a plain object whose id and ownerId are text, whose amount reads
// straight into millionths, whose splits (if any) are written as the facts write them, with no blank field and
// every date already clean, so that the record itself serves as its facts. Returns its id, or undefined as soon as anything is out of the ordinary, and then
// readTransaction reads the record again, the careful way, and says what is wrong with it (this path writes
// nothing that readTransaction does not overwrite). Only used when Object.prototype is clean.
function plainTransaction(
  record: unknown,
  row: number,
  table: TransactionTable,
  shareCache: Map<number, { decimal: Decimal; text: string }>,
): string | undefined {
  if (!isPlainObject(record) || duplicatesOf(record) !== undefined) return undefined;
  const id = record.id;
  const ownerId = record.ownerId;
  const amount = record.amount;
  if (typeof id !== "string" || !printableFirst(id)) return undefined;
  const rawSplits = record.splits;
  let splits: Split[] | undefined;
  if (rawSplits !== undefined) {
    // Splits as parseSplits reads them, written so that the list itself can be the facts' splits.
    if (!Array.isArray(rawSplits) || rawSplits.length === 0) return undefined;
    const plain = plainSplits(rawSplits, shareCache);
    if (plain === undefined || !plain.canonical) return undefined;
    splits = plain.splits;
    table.shareUnits[table.length] = plain.units;
    if (ownerId !== undefined && (typeof ownerId !== "string" || !printableFirst(ownerId))) return undefined;
  } else if (typeof ownerId !== "string" || !printableFirst(ownerId)) return undefined;
  const units =
    typeof amount === "string"
      ? fixedUnits(amount)
      : typeof amount === "number"
        ? fixedUnitsOfNumber(amount)
        : Number.NaN;
  if (Number.isNaN(units)) return undefined;
  for (const key in record) {
    const value = record[key];
    if (typeof value === "string") {
      if (!printableFirst(value)) return undefined;
      if (isDateKey(key) && !isPlainCalendarDate(value)) return undefined;
    } else if (value === undefined || value === null || isDateKey(key)) return undefined;
  }
  accept(table, row, id, ownerId as string | undefined, record, units, splits);
  return id;
}

// Writes an accepted transaction at index `table.length` (the caller advances it).
function accept(
  table: TransactionTable,
  row: number,
  id: string,
  ownerId: string | undefined,
  facts: Record<string, unknown>,
  units: number,
  splits: Split[] | undefined,
): void {
  const i = table.length;
  table.row[i] = row;
  table.id[i] = id;
  table.ownerId[i] = ownerId;
  table.facts[i] = facts;
  table.units[i] = units;
  table.split[i] = splits ? 1 : 0;
  table.splits[i] = splits;
}

// Whether a field name ends in "Date" (its value must then be a date), read by character codes from the last
// letter: most names are ruled out by one comparison, without a call, for every field of a million records.
function isDateKey(key: string): boolean {
  const last = key.length - 1;
  return (
    last >= 3 &&
    key.charCodeAt(last) === 101 && // e
    key.charCodeAt(last - 1) === 116 && // t
    key.charCodeAt(last - 2) === 97 && // a
    key.charCodeAt(last - 3) === 68 // D
  );
}

// Whether text starts with a printable ASCII character other than a space: then it is certainly not blank.
function printableFirst(text: string): boolean {
  const c = text.charCodeAt(0);
  return c > 32 && c < 127;
}

// Whether Object.prototype is as the language defines it: no enumerable property (so for…in over a plain record
// sees only its own keys) and none of the fields a transaction has (so reading a missing field gives undefined,
// not something inherited). Checked once per call: if anything polluted the prototype, records are read the
// slow, careful way.
function cleanPrototype(): boolean {
  for (const _ in Object.prototype) return false;
  return !["id", "ownerId", "amount", "splits"].some((k) => k in Object.prototype);
}

// A field of a plain record whose prototype is clean: a plain read, blank as missing.
function plainField(record: Record<string, unknown>, key: string): unknown {
  const value = record[key];
  return value === undefined || isBlank(value) ? undefined : value;
}

// The first row of each id among the records before `end`: the accepted ones, and the rejected ones that carry a
// usable id (the first record to carry an id keeps it, even if that record is itself rejected).
function idsSoFar(table: TransactionTable, end: number): Map<string, number> {
  const rowOfId = new Map<string, number>();
  for (let i = 0; i < table.length; i++) rowOfId.set(table.id[i] as string, table.row[i] as number);
  for (const r of table.rejects) {
    if (r.id !== undefined && !rowOfId.has(r.id) && r.row <= end) rowOfId.set(r.id, r.row);
  }
  return rowOfId;
}

// Checks one record and writes it at index `table.length` (which the caller advances if there is no problem).
// Returns the record's id when it has a usable one, for the duplicate check.
function readTransaction(
  record: unknown,
  row: number,
  table: TransactionTable,
  problems: FieldProblem[],
  dates: DateCache,
  ownOnly: boolean,
): string | undefined {
  if (!isPlainObject(record)) {
    problems.push({
      field: "(record)",
      message: `expected a plain object ({ ... }), got ${describeValue(record)}`,
    });
    return undefined;
  }
  duplicateProblems(record, problems);
  // This runs once per deal, millions of times in a large run: fields are read directly, without building
  // intermediate entry lists.
  const field = ownOnly ? plainField : ownField;
  const id = readIdField("id", field(record, "id"), problems, "the transaction's id");
  const rawOwner = field(record, "ownerId");
  const ownerId = readIdField("ownerId", rawOwner, problems);

  const i = table.length;
  const rawAmount = field(record, "amount");
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
  const rawSplits = field(record, "splits");
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

  const facts = readFacts(record, id, ownerId, splits, problems, dates, ownOnly);

  if (problems.length > 0 || id === undefined) return id;
  accept(table, row, id, ownerId, facts, units, splits);
  if (splits) table.shareUnits[i] = splits.map((s) => fixedUnits(s.share.toFixed()));
  return id;
}

// The facts are the record as conditions see it. Most records need no change (no blank cells, ids already text,
// dates already clean), and then the record itself serves: copying a million records costs more than everything
// else a run does with them. A copy is made from the first field that differs.
function readFacts(
  record: Record<string, unknown>,
  id: string | undefined,
  ownerId: string | undefined,
  splits: Split[] | undefined,
  problems: FieldProblem[],
  dates: DateCache,
  ownOnly: boolean,
): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  if (ownOnly) {
    // With a clean Object.prototype, for…in sees exactly the record's own keys, in Object.keys order, without
    // allocating the list of keys for every record.
    for (const key in record) {
      const value = record[key];
      const out = factValue(key, value, id, ownerId, splits, problems, dates);
      if (copy === undefined && out !== value) copy = copyBefore(record, key);
      if (copy !== undefined && out !== undefined) setField(copy, key, out);
    }
  } else {
    for (const key of Object.keys(record)) {
      const value = record[key];
      const out = factValue(key, value, id, ownerId, splits, problems, dates);
      if (copy === undefined && out !== value) copy = copyBefore(record, key);
      if (copy !== undefined && out !== undefined) setField(copy, key, out);
    }
  }
  return copy ?? record;
}

// A field as the facts hold it: undefined when blank, ids and dates as checked text, splits as plain data.
function factValue(
  key: string,
  value: unknown,
  id: string | undefined,
  ownerId: string | undefined,
  splits: Split[] | undefined,
  problems: FieldProblem[],
  dates: DateCache,
): unknown {
  if (isBlank(value)) return undefined;
  if (key === "id") return id;
  if (key === "ownerId") return ownerId;
  if (key === "splits")
    return splits?.map((s) => ({ participantId: s.participantId, share: s.share.toString() }));
  if (isDateKey(key)) {
    return readDateField(key, value, problems, dates);
  }
  return value;
}

// A copy of the record's fields before `key`, as they are.
function copyBefore(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const earlier of Object.keys(record)) {
    if (earlier === key) break;
    setField(copy, earlier, record[earlier]);
  }
  return copy;
}
