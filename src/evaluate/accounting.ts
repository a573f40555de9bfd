import type { Exclusion } from "../statement/index.js";

/**
 * What happened to each transaction of a run, as columns indexed by its place in the transaction table: what
 * the accounting is counted from and the exclusions are listed from.
 */
export interface AccountingColumns {
  /** The name the transactions were read under. */
  source: string;
  /** Accepted transactions (the table's length). */
  length: number;
  id: readonly string[];
  row: Int32Array;
  /** 1 when a measure of a participant it is credited to counts it. */
  counted: Uint8Array;
  /** Transactions rejected because a measure could not use their data (even if another measure counted them). */
  failed: ReadonlySet<number>;
  /** Rows of transactions rejected because they name a participant who cannot be credited. */
  uncredited: ReadonlySet<number>;
  /** The first rule that left each transaction out: its index + 1 in `ruleNames`, 0 for none. */
  ruleOf: Uint8Array | Int32Array;
  /** That rule's message, by transaction, where it is not the rule's usual one (`ruleMessages`). */
  messages: ReadonlyMap<number, string>;
  ruleNames: readonly string[];
  /** Each rule's usual message, by its index in `ruleNames`. */
  ruleMessages: readonly string[];
  /** Every rule and message, for transactions left out by more than one rule (by different plans' measures). */
  moreRules: ReadonlyMap<number, ReadonlyMap<string, string>>;
  /** Whether the ids came in increasing order (then the list built in input order is in id order). */
  idsIncreasing: boolean;
}

// Whether the transaction at index t is neither counted nor rejected: excluded.
function isExcluded(columns: AccountingColumns, t: number): boolean {
  if (columns.failed.size && columns.failed.has(t)) return false;
  if (columns.counted[t] === 1) return false;
  return !(columns.uncredited.size && columns.uncredited.has(columns.row[t] as number));
}

/**
 * How many accepted transactions were credited (counted by a measure) and how many excluded, without building
 * the list of exclusions.
 *
 * @example
 * ```ts
 * countTransactions(columns); // { credited: 446816, excluded: 553184 }
 * ```
 */
export function countTransactions(columns: AccountingColumns): { credited: number; excluded: number } {
  let credited = 0;
  let excluded = 0;
  for (let t = 0; t < columns.length; t++) {
    if (columns.counted[t] === 1 && !(columns.failed.size && columns.failed.has(t))) credited++;
    else if (isExcluded(columns, t)) excluded++;
  }
  return { credited, excluded };
}

/**
 * The excluded transactions, each with the rules that left it out, in id order (then row).
 *
 * @example
 * ```ts
 * listExclusions(columns)[0]; // { row: 2, id: "T0000002", source: "transactions", rules: ["bench-ae: measures.bookings.when"], message: "…" }
 * ```
 */
export function listExclusions(columns: AccountingColumns): Exclusion[] {
  const list: Exclusion[] = [];
  const { source } = columns;
  // One reason is the common case: the rules list is shared by every transaction left out by that rule.
  const sharedRules = new Map<number, string[]>();
  for (let t = 0; t < columns.length; t++) {
    if (!isExcluded(columns, t)) continue;
    const row = columns.row[t] as number;
    const id = columns.id[t] as string;
    const more = columns.moreRules.size ? columns.moreRules.get(t) : undefined;
    if (more) {
      const rules = [...more.keys()].sort();
      const message = rules.map((r) => more.get(r)).join("; ");
      list.push({ row, id, source, rules, message });
      continue;
    }
    const r = columns.ruleOf[t] as number;
    let rules = sharedRules.get(r);
    if (!rules) {
      rules = Object.freeze([r === 0 ? NO_MEASURE[0] : (columns.ruleNames[r - 1] as string)]) as string[];
      sharedRules.set(r, rules);
    }
    list.push({
      row,
      id,
      source,
      rules,
      message: r === 0 ? NO_MEASURE[1] : (columns.messages.get(t) ?? (columns.ruleMessages[r - 1] as string)),
    });
  }
  // Built in input order: already in id order when the ids came in increasing order.
  return columns.idsIncreasing
    ? list
    : list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.row - b.row));
}

const NO_MEASURE: [string, string] = ["none", "no measure of the credited participants' plans counts it"];

/**
 * Gives `target` an `exclusions` property that lists the exclusions the first time it is read and is an
 * ordinary data property from then on. Why: a run over a million deals typically excludes half of them, and
 * half a million exclusion objects cost time and memory that a caller who only wants the statements (a payroll
 * export, a simulation) should not pay. Reading it (directly, by JSON.stringify, by a spread or structuredClone)
 * gives the same list an eager build would, so results stay byte-identical.
 *
 * @example
 * ```ts
 * const accounting = withExclusions({ input: 2, credited: 1 }, columns);
 * accounting.exclusions.length; // built now, kept
 * ```
 */
export function withExclusions<T extends object>(
  target: T,
  columns: AccountingColumns,
): T & { exclusions: Exclusion[] } {
  const settle = (value: Exclusion[]) => {
    Object.defineProperty(target, "exclusions", {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    return value;
  };
  Object.defineProperty(target, "exclusions", {
    get: () => settle(listExclusions(columns)),
    set: settle,
    enumerable: true,
    configurable: true,
  });
  return target as T & { exclusions: Exclusion[] };
}
