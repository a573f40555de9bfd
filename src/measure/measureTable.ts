import type { IsoDate, Period } from "../calendar/index.js";
import { type CreditTable, creditShare } from "../credit/creditTable.js";
import { CompplanError } from "../errors/index.js";
import type { CompiledMeasure } from "../evaluate/compilePlan.js";
import { addFixed, fixedSums, fixedToDecimal, sumOf } from "../money/fixed.js";
import type { Decimal } from "../money/index.js";

/**
 * What a measure made of one participant's credits, as columns: entry `i` (0 ≤ i < `length`) counts credit
 * `credit[i]` of `credits`, dated `day[i]` in pay period `period[i]`, for a value of `units[i]` millionths (or
 * `values.get(i)` when that is `NaN`). Read entries with {@link entryValue}, {@link entryId}, {@link entryDate}
 * and {@link entryFacts}.
 */
export interface MeasureColumns {
  length: number;
  credit: Int32Array;
  /**
   * Each entry's transaction (`credits.transaction[credit[i]]`), kept beside the credit: listing a deal reads its
   * id through it, and one lookup in a table of a million is a cache miss worth sparing per deal.
   */
  transaction: Int32Array;
  period: Int32Array;
  /**
   * The dates as numbers, YYYYMMDD (20260315), which order as the text does: compared without reading the text
   * (the text itself is the transaction's, see {@link entryDate}).
   */
  day: Int32Array;
  units: Float64Array;
  /** Values that do not fit in millionths (after a value expression or a multiplier, usually), by entry. */
  values: Map<number, Decimal>;
  /** Labels of the multipliers applied, by entry, for the entries that had any. */
  multipliers: Map<number, readonly string[]>;
  /** Sum of entry values per pay period of the year, exact. */
  perPeriod: Decimal[];
  /**
   * How many entries each pay period has, when the entries themselves are not kept (`length` is then 0): a team
   * measure summed for a run without deal attribution (see teamSums).
   */
  counts?: readonly number[];
  /** The field the entries' dates were read from. */
  dateField: string;
  /** Whether those dates were checked to be plain YYYY-MM-DD (then `day` says exactly what the text says). */
  datesChecked: boolean;
  /** Whether the entries are in date order (then transaction id, then participant): the order tiers attribute in. */
  sorted: boolean;
  credits: CreditTable;
}

/** Where {@link measureTable} reports the credits it does not count. */
export interface MeasureSink {
  /** A credit the measure leaves out, and the rule that did. */
  exclude(credit: number, rule: string, message: string): void;
  /** A credit whose data the measure cannot use (a missing date, a non-numeric field in the value). */
  fail(credit: number, field: string, message: string): void;
}

/**
 * The days each participant's credits may be dated (employment, plus any grace after termination), as day keys
 * (YYYYMMDD, see {@link dayKey}) indexed by participant (as in the credit table): a credit dated outside its
 * participant's window is excluded by the rule `<plan>: employment`.
 */
export interface EmploymentWindows {
  /** First day, included. */
  from: Int32Array;
  /** Last day, included. */
  through: Int32Array;
  /** Why participant `index`'s credit dated `date` (read from `field`) is left out. */
  message(index: number, field: string, date: string): string;
}

/** Options of {@link measureTable}. */
export interface MeasureTableOptions {
  periods: readonly Period[];
  planId: string;
  /**
   * The credits' transactions were read by parseTransactionTable, which checks every field whose name ends in
   * "Date" to be a clean YYYY-MM-DD: such dates are then placed by comparing numbers. Default false.
   */
  checkedDates?: boolean;
  /** Put the entries in date order (needed for deal attribution). Default true. */
  sort?: boolean;
  sink?: MeasureSink;
  /** Leave out credits dated outside their participant's employment. Default: no check. */
  employment?: EmploymentWindows;
  /**
   * The participant measured (index in the credit table), when the credits are not all theirs (team measures):
   * credits dated outside this participant's own employment are left out as well.
   */
  participant?: number;
}

/**
 * Applies a measure to some credits of a credit table (`which`: credit indexes): its condition, its value
 * expression (where `amount` is the credited amount, after any split), its multipliers (every one whose
 * condition holds, compounding), and its date field, which places each credit in a pay period of the plan year;
 * credits dated outside the year are excluded. The semantics of `measureCredits`, on columns.
 *
 * @example
 * ```ts
 * const m = measureTable(compiled.measures.get("bookings")!, credits, [0, 1, 2], { periods: compiled.periods, planId: "ae" });
 * m.perPeriod.map(String); // ["150000", "0", "0", "0"]
 * ```
 */
export function measureTable(
  measure: CompiledMeasure,
  credits: CreditTable,
  which: ArrayLike<number>,
  options: MeasureTableOptions,
): MeasureColumns {
  const rules = measureRules(measure, options);
  const size = which.length;
  const out = verdicts(size, measure.dateField, rules.numericDates);
  const credit = new Int32Array(size);
  let n = 0;
  for (let k = 0; k < size; k++) {
    const c = which[k] as number;
    if (judge(measure, rules, credits, c, out, n)) credit[n++] = c;
  }
  return entriesOf(out, credit.subarray(0, n), n, credits, options);
}

/**
 * One measure's verdict on credits, slot by slot (in {@link measureInOrder}, a credit's slot is its place in
 * `credits.order`): `period[slot]` is the pay period of a counted credit, or −1 if the measure does not count it;
 * for a counted credit, its value (`units`, or `values` when that is `NaN`), its multipliers and its date
 * (`day`).
 */
export interface Verdicts {
  /** The field the dates were read from. */
  dateField: string;
  /** Whether the dates were checked plain dates (see MeasureColumns.datesChecked). */
  datesChecked: boolean;
  period: Int32Array;
  day: Int32Array;
  /** The transaction of a counted credit. */
  transaction: Int32Array;
  /** A list rather than a typed array in measureInOrder (see verdicts). */
  units: Float64Array | number[];
  values: Map<number, Decimal>;
  multipliers: Map<number, readonly string[]>;
}

/**
 * Empty verdicts for `size` slots. Why sized with care: typed arrays live outside V8's heap, and once a run has
 * allocated some 64 MB of them V8 starts a full mark of the heap (the caller's million records included), which
 * cost a run ~10%. `onHeap`: the units (the largest column) as a plain list of numbers, which V8 keeps in its
 * heap, for the verdicts on a million credits.
 *
 * @param size - the slots.
 * @param dateField - the field the measure reads dates from.
 * @param datesChecked - whether those dates are checked plain dates.
 * @param onHeap - units as a plain list (see above).
 * @returns the verdicts, to be written by {@link judge}.
 * @example
 * ```ts
 * const out = verdicts(credits.length, "closeDate", true);
 * ```
 */
export function verdicts(size: number, dateField: string, datesChecked: boolean, onHeap = false): Verdicts {
  return {
    dateField,
    datesChecked,
    period: new Int32Array(size),
    day: new Int32Array(size),
    transaction: new Int32Array(size),
    units: onHeap ? new Array<number>(size) : new Float64Array(size),
    values: new Map(),
    multipliers: new Map(),
  };
}

/**
 * Measures many participants at once, in the order of the credit table, which is the order of the input: a
 * million records are visited one after the other in memory, not participant by participant (which, with the
 * records spread over the heap, costs several times more). `measuresOf(p)` gives the measures that count
 * participant p's own credits (team measures, which count other participants' credits, are measured with
 * {@link measureTable}); the result has each measure's verdict on every credit, for {@link entriesFor} to
 * gather, and `counted`: per credit, 1 when a measure counts it. Return the same list (the same array) for
 * participants on the same plan: lists are told apart by identity, and each distinct one is prepared once.
 *
 * @example
 * ```ts
 * const { verdicts } = measureInOrder(credits, (p) => [{ measure: bookings, options: { periods, planId: "ae", sink } }]);
 * const ana = entriesFor(verdicts.get(bookings)!, credits, 0, { periods, planId: "ae" });
 * ```
 */
export function measureInOrder(
  credits: CreditTable,
  measuresOf: (participant: number) => readonly { measure: CompiledMeasure; options: MeasureTableOptions }[],
): { verdicts: Map<CompiledMeasure, Verdicts>; counted: Uint8Array } {
  const all = new Map<CompiledMeasure, Verdicts>();
  const rulesOf = new Map<CompiledMeasure, MeasureRules>();
  const lists: (readonly { measure: CompiledMeasure; options: MeasureTableOptions }[])[] = [];
  const ruled: { measure: CompiledMeasure; rules: MeasureRules; out: Verdicts }[][] = [];
  // Which list of measures each participant has (participants on the same plan share one list).
  const listOf = new Int32Array(credits.participantIds.length);
  for (let p = 0; p < credits.participantIds.length; p++) {
    const list = measuresOf(p);
    let k = lists.indexOf(list);
    listOf[p] = k < 0 ? lists.length : k;
    if (k < 0) {
      k = lists.push(list) - 1;
      ruled.push(
        list.map(({ measure, options }) => {
          let rules = rulesOf.get(measure);
          if (!rules) {
            rules = measureRules(measure, options);
            rulesOf.set(measure, rules);
          }
          let out = all.get(measure);
          if (!out) {
            out = verdicts(credits.length, measure.dateField, rules.numericDates, true);
            out.period.fill(-1);
            all.set(measure, out);
          }
          return { measure, rules, out };
        }),
      );
    }
  }
  // Verdicts are written at each credit's place in `credits.order` (grouped by participant), so that gathering a
  // participant's entries afterwards reads one stretch of memory rather than jumping about. `credits.order` keeps
  // each participant's credits in input order, so the place of the next credit of participant p is a cursor
  // that starts at `start[p]`.
  const next = credits.start.slice(0, -1);
  const counted = new Uint8Array(credits.length);
  for (let c = 0; c < credits.length; c++) {
    const p = credits.participant[c] as number;
    const slot = next[p] as number;
    next[p] = slot + 1;
    const list = ruled[listOf[p] as number] as (typeof ruled)[number];
    for (let m = 0; m < list.length; m++) {
      const { measure, rules, out } = list[m] as (typeof list)[number];
      if (judge(measure, rules, credits, c, out, slot)) counted[c] = 1;
    }
  }
  return { verdicts: all, counted };
}

/**
 * A participant's entries under one measure, gathered from the verdicts of {@link measureInOrder}.
 *
 * @example
 * ```ts
 * entriesFor(verdicts, credits, 0, { periods, planId: "ae" }).perPeriod;
 * ```
 */
export function entriesFor(
  out: Verdicts,
  credits: CreditTable,
  participant: number,
  options: MeasureTableOptions,
): MeasureColumns {
  const from = credits.start[participant] as number;
  const to = credits.start[participant + 1] as number;
  // One participant's credits, in input order, each of a different transaction: in id order too when the ids
  // came in increasing order, and then sorting by date alone keeps ties in id order.
  const idOrdered = credits.transactions.idsIncreasing;
  // Counted first, so that the entries' columns have their exact size (see verdicts).
  let size = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = from; k < to; k++) {
    if ((out.period[k] as number) < 0) continue;
    size++;
    const d = out.day[k] as number;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  // In date order with ids in order, each entry is written straight at its place (a counting sort over the days,
  // stable, so same-day entries stay in id order): one set of columns instead of a gathered set and its sorted
  // copy (see sortByDay).
  const direct = options.sort !== false && idOrdered && size > 1 && max - min < 4 * size + 4096;
  let next: Int32Array | undefined;
  if (direct) {
    next = new Int32Array(max - min + 2);
    for (let k = from; k < to; k++) {
      if ((out.period[k] as number) < 0) continue;
      const i = (out.day[k] as number) - min + 1;
      next[i] = (next[i] as number) + 1;
    }
    for (let i = 1; i < next.length; i++) next[i] = (next[i] as number) + (next[i - 1] as number);
  }
  const credit = new Int32Array(size);
  const picked = verdicts(size, out.dateField, out.datesChecked);
  const units = picked.units as Float64Array;
  let n = 0;
  for (let k = from; k < to; k++) {
    const p = out.period[k] as number;
    if (p < 0) continue;
    const c = credits.order[k] as number;
    const day = out.day[k] as number;
    let at = n;
    if (next) {
      at = next[day - min] as number;
      next[day - min] = at + 1;
    }
    credit[at] = c;
    picked.period[at] = p;
    picked.day[at] = day;
    picked.transaction[at] = out.transaction[k] as number;
    const u = out.units[k] as number;
    units[at] = u;
    if (Number.isNaN(u)) picked.values.set(at, out.values.get(k) as Decimal);
    // (Most measures have no multipliers: an empty map is not asked, half a million times.)
    const x = out.multipliers.size ? out.multipliers.get(k) : undefined;
    if (x !== undefined) picked.multipliers.set(at, x);
    n++;
  }
  if (!direct) return entriesOf(picked, credit, n, credits, options, idOrdered);
  const sorted: MeasureColumns = {
    length: n,
    credit,
    transaction: picked.transaction,
    period: picked.period,
    day: picked.day,
    units,
    values: picked.values,
    multipliers: picked.multipliers,
    perPeriod: [],
    dateField: picked.dateField,
    datesChecked: picked.datesChecked,
    sorted: true,
    credits,
  };
  sorted.perPeriod = periodSums(sorted, options.periods.length);
  return sorted;
}

/** What a measure's rules need, worked out once per measure (see teamSums, which judges with them too). */
export interface MeasureRules {
  first: string;
  last: string;
  ends: string[];
  /** Whether the date field holds checked ISO dates (see `checkedDates`), compared as numbers (dayKey). */
  numericDates: boolean;
  firstDay: number;
  lastDay: number;
  endDays: number[];
  rule: string;
  notMet: string;
  yearRule: string;
  plain: boolean;
  sink: MeasureSink | undefined;
  employment: EmploymentWindows | undefined;
  employmentRule: string;
  /** The measured participant's window (team measures), or no bound. */
  ownFrom: number;
  ownThrough: number;
  ownIndex: number | undefined;
  /** Where a credit whose value cannot be computed is reported, when not `sink` (teamSums tells it apart). */
  valueSink?: MeasureSink;
}

/**
 * The rules of a measure under these options, worked out once rather than per credit.
 *
 * @param measure - the compiled measure.
 * @param options - its plan's periods and id, the sink, the employment windows and the participant measured.
 * @returns the rules {@link judge} applies.
 * @example
 * ```ts
 * const rules = measureRules(measure, { periods, planId: "ae" });
 * ```
 */
export function measureRules(measure: CompiledMeasure, options: MeasureTableOptions): MeasureRules {
  const { periods } = options;
  const rule = `${options.planId}: measures.${measure.id}.when`;
  const employment = options.employment;
  const own = employment === undefined ? undefined : options.participant;
  return {
    first: (periods[0] as Period).start,
    last: (periods[periods.length - 1] as Period).end,
    ends: periods.map((p) => p.end),
    numericDates: options.checkedDates === true && measure.dateField.endsWith("Date"),
    firstDay: dayKey((periods[0] as Period).start),
    lastDay: dayKey((periods[periods.length - 1] as Period).end),
    endDays: periods.map((p) => dayKey(p.end)),
    rule,
    notMet: `does not meet ${rule}`,
    yearRule: `${options.planId}: year`,
    plain: measure.value === undefined && measure.multipliers.length === 0,
    sink: options.sink,
    employment,
    employmentRule: `${options.planId}: employment`,
    ownFrom: own === undefined ? Number.NEGATIVE_INFINITY : (employment?.from[own] as number),
    ownThrough: own === undefined ? Number.POSITIVE_INFINITY : (employment?.through[own] as number),
    ownIndex: own,
  };
}

/**
 * The measure's verdict on credit c, written at `slot` of `out`: true when the measure counts it; otherwise the
 * reason went to the rules' sink.
 *
 * @param measure - the compiled measure.
 * @param rules - its rules (see {@link measureRules}).
 * @param credits - the credit table.
 * @param c - the credit judged.
 * @param out - where a counted credit's period, day, value and transaction are written.
 * @param slot - the place in `out`.
 * @returns whether the measure counts the credit.
 * @example
 * ```ts
 * judge(measure, rules, credits, 0, out, 0);
 * ```
 */
export function judge(
  measure: CompiledMeasure,
  rules: MeasureRules,
  credits: CreditTable,
  c: number,
  out: Verdicts,
  slot: number,
): boolean {
  const t = credits.transaction[c] as number;
  const f = credits.transactions.facts[t] as Record<string, unknown>;
  const { sink } = rules;
  if (measure.when !== undefined) {
    let meets: boolean;
    try {
      meets = measure.when(f);
    } catch (error) {
      // json-rules-engine throws where a fact reference gives `in` a non-list; that is bad data, not a "no".
      if (!(error instanceof CompplanError)) throw error;
      sink?.fail(c, "when", `${rules.rule}: ${error.message}`);
      return false;
    }
    if (!meets) {
      sink?.exclude(c, rules.rule, rules.notMet);
      return false;
    }
  }
  const dateField = measure.dateField;
  const d = f[dateField];
  if (typeof d !== "string") {
    sink?.fail(c, dateField, `measure ${measure.id} needs a ${dateField} date`);
    return false;
  }
  // A checked date (see checkedDates): its digits, read once, order as its text does, and the comparisons that
  // place it are then between numbers.
  const day = rules.numericDates ? checkedDayKey(d) : 0;
  if (rules.numericDates ? day < rules.firstDay || day > rules.lastDay : d < rules.first || d > rules.last) {
    sink?.exclude(
      c,
      rules.yearRule,
      `${dateField} ${d} is outside plan year ${rules.first} to ${rules.last}`,
    );
    return false;
  }
  const key = rules.numericDates ? day : dayKey(d);
  const employment = rules.employment;
  if (employment !== undefined) {
    // Two comparisons of numbers per credit: the credit's participant's window, then (team measures) the
    // measured participant's.
    const q = credits.participant[c] as number;
    const outside = key < (employment.from[q] as number) || key > (employment.through[q] as number);
    if (outside || key < rules.ownFrom || key > rules.ownThrough) {
      const who = outside ? q : (rules.ownIndex as number);
      sink?.exclude(c, rules.employmentRule, employment.message(who, dateField, d));
      return false;
    }
  }
  // Written before the value, which may fail: teamSums reads the day of such a credit.
  out.day[slot] = key;
  let p = 0;
  if (rules.numericDates) while (key > (rules.endDays[p] as number)) p++;
  else while (d > (rules.ends[p] as string)) p++;
  if (rules.plain) {
    const u = credits.units[c] as number;
    out.units[slot] = u;
    if (Number.isNaN(u)) out.values.set(slot, credits.amounts.get(c) as Decimal);
  } else {
    const result = measuredValue(measure, credits, c, f);
    if ("field" in result) {
      (rules.valueSink ?? sink)?.fail(c, result.field, result.message);
      return false;
    }
    out.units[slot] = Number.NaN;
    out.values.set(slot, result.value);
    if (result.applied.length) out.multipliers.set(slot, result.applied);
  }
  out.period[slot] = p;
  out.transaction[slot] = t;
  return true;
}

/**
 * Entries from verdicts laid out slot by slot (slot k is credit `credit[k]`), sorted if asked, with their sums.
 *
 * @param out - the verdicts of the counted credits, in slots 0 … n − 1.
 * @param credit - the credit in each slot.
 * @param n - how many slots.
 * @param credits - the credit table.
 * @param options - the periods, and `sort`.
 * @param idOrdered - whether same-day entries are already in id order (one participant's, ids increasing).
 * @returns the entries, with their sums per pay period.
 * @example
 * ```ts
 * entriesOf(out, credit, n, credits, { periods, planId: "ae" });
 * ```
 */
export function entriesOf(
  out: Verdicts,
  credit: Int32Array,
  n: number,
  credits: CreditTable,
  options: MeasureTableOptions,
  idOrdered = false,
): MeasureColumns {
  const { periods } = options;
  const columns: MeasureColumns = {
    length: n,
    credit,
    transaction: out.transaction.subarray(0, n),
    period: out.period.subarray(0, n),
    day: out.day.subarray(0, n),
    units: (out.units as Float64Array).subarray(0, n),
    values: out.values,
    multipliers: out.multipliers,
    perPeriod: [],
    dateField: out.dateField,
    datesChecked: out.datesChecked,
    sorted: false,
    credits,
  };
  const result = options.sort === false ? columns : sortByDay(columns, idOrdered);
  result.perPeriod = periodSums(result, periods.length);
  return result;
}

// The exact sum of the entries' values in each pay period.
function periodSums(m: MeasureColumns, periods: number): Decimal[] {
  const sums = fixedSums(periods);
  for (let i = 0; i < m.length; i++) {
    const u = m.units[i] as number;
    // `values` holds only the entries whose units are NaN: the others need no lookup.
    addFixed(sums, m.period[i] as number, u, Number.isNaN(u) ? m.values.get(i) : undefined);
  }
  return Array.from({ length: periods }, (_, p) => sumOf(sums, p));
}

// The value of a credit under a measure with a value expression or multipliers, or the field whose data cannot
// be used.
function measuredValue(
  measure: CompiledMeasure,
  credits: CreditTable,
  c: number,
  facts: Record<string, unknown>,
): { value: Decimal; applied: string[] } | { field: string; message: string } {
  const u = credits.units[c] as number;
  const amount = Number.isNaN(u) ? (credits.amounts.get(c) as Decimal) : fixedToDecimal(u);
  let value = amount;
  if (measure.value) {
    // Expressions see the credited amount (the split's share of the deal), not the deal's whole amount.
    const view = creditShare(credits, c) !== undefined ? { ...facts, amount } : facts;
    try {
      value = measure.value.evaluate(view);
    } catch (error) {
      if (error instanceof CompplanError) {
        const field = (error as CompplanError & { field?: string }).field ?? "value";
        return { field, message: `measure ${measure.id}: ${error.message}` };
      }
      throw error;
    }
  }
  const applied: string[] = [];
  for (const m of measure.multipliers) {
    if (m.when(facts)) {
      value = value.times(m.factor);
      applied.push(`${m.label} × ${m.factor}`);
    }
  }
  return { value, applied };
}

/**
 * The entries of a measure in date order, then transaction id, then participant id: a total order independent of
 * the input's order, so shuffled input gives identical attribution.
 *
 * @example
 * ```ts
 * sortEntries(measureTable(measure, credits, which, { periods, planId, sort: false })).sorted; // true
 * ```
 */
export function sortEntries(m: MeasureColumns): MeasureColumns {
  if (m.sorted) return m;
  return sortByDay(m, false);
}

// Entries in date order by a counting sort over the days spanned (a plan year is ~1,100 day keys apart at most,
// YYYYMMDD): a pass or two instead of n log n comparisons, for every participant's deals when attribution is on.
// Entries of the same day are then put in id order, then participant order, unless `idOrdered` says they already
// are (one participant's entries, in input order, with ids that came in increasing order): the sort is stable.
function sortByDay(m: MeasureColumns, idOrdered: boolean): MeasureColumns {
  const n = m.length;
  const day = m.day;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let ordered = true;
  for (let i = 0; i < n; i++) {
    const d = day[i] as number;
    if (d < min) min = d;
    if (d > max) max = d;
    if (i > 0 && d < (day[i - 1] as number)) ordered = false;
  }
  if (ordered && idOrdered) return { ...m, sorted: true };
  let order: Int32Array;
  const range = max - min + 1;
  if (ordered) order = Int32Array.from({ length: n }, (_, i) => i);
  else if (range > 4 * n + 4096) {
    // Days too far apart to count one by one (a plan year across two calendar years): a stable comparison sort.
    order = Int32Array.from(
      Array.from({ length: n }, (_, i) => i).sort((a, b) => (day[a] as number) - (day[b] as number)),
    );
  } else {
    const next = new Int32Array(range + 1);
    for (let i = 0; i < n; i++) {
      const k = (day[i] as number) - min + 1;
      next[k] = (next[k] as number) + 1;
    }
    for (let k = 1; k <= range; k++) next[k] = (next[k] as number) + (next[k - 1] as number);
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const k = (day[i] as number) - min;
      order[next[k] as number] = i;
      next[k] = (next[k] as number) + 1;
    }
  }
  if (!idOrdered) sortTies(m, order);
  return pick(m, order, true);
}

// Within each run of entries of the same day in `order`, transaction id order, then participant id order.
function sortTies(m: MeasureColumns, order: Int32Array): void {
  const ids = m.credits.transactions.id;
  const pOf = m.credits.participant;
  const names = m.credits.participantIds;
  const byId = (a: number, b: number) => {
    const ia = ids[m.transaction[a] as number] as string;
    const ib = ids[m.transaction[b] as number] as string;
    if (ia !== ib) return ia < ib ? -1 : 1;
    const pa = names[pOf[m.credit[a] as number] as number] as string;
    const pb = names[pOf[m.credit[b] as number] as number] as string;
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  };
  for (let start = 0; start < order.length; ) {
    const d = m.day[order[start] as number] as number;
    let end = start + 1;
    while (end < order.length && m.day[order[end] as number] === d) end++;
    if (end - start > 1) order.set(Array.from(order.subarray(start, end)).sort(byId), start);
    start = end;
  }
}

/**
 * 20260315 for "2026-03-15": the digits of an ISO date as a number, which orders as the text does.
 *
 * @example
 * ```ts
 * dayKey("2026-03-15"); // 20260315
 * ```
 */
export function dayKey(date: string): number {
  let key = 0;
  for (let i = 0; i < date.length; i++) {
    const c = date.charCodeAt(i);
    if (c >= 48 && c <= 57) key = key * 10 + (c - 48);
  }
  return key;
}

/**
 * {@link dayKey} of a checked date (see `checkedDates`), once per credit: its eight digits sit at fixed places,
 * so they are read without a loop, as Σ code × place value less 48 × 11,111,111 (the code of "0" at every
 * place). Anything else a date field may hold after the reader's checks (a `Date` object with a year past 9999
 * gives `+010000-01`) is read by dayKey.
 *
 * @example
 * ```ts
 * checkedDayKey("2026-03-15"); // 20260315
 * ```
 */
export function checkedDayKey(d: string): number {
  if (d.length !== 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45 || d.charCodeAt(0) < 48)
    return dayKey(d);
  return (
    d.charCodeAt(0) * 10_000_000 +
    d.charCodeAt(1) * 1_000_000 +
    d.charCodeAt(2) * 100_000 +
    d.charCodeAt(3) * 10_000 +
    d.charCodeAt(5) * 1_000 +
    d.charCodeAt(6) * 100 +
    d.charCodeAt(8) * 10 +
    d.charCodeAt(9) -
    533_333_328
  );
}

/**
 * The entries whose transaction is not in `drop` (transaction indexes), with the sums recomputed: a transaction
 * one measure cannot use is rejected everywhere, never counted in part.
 *
 * @example
 * ```ts
 * withoutTransactions(m, new Set([17]), periods.length);
 * ```
 */
export function withoutTransactions(
  m: MeasureColumns,
  drop: ReadonlySet<number>,
  periods: number,
): MeasureColumns {
  const keep: number[] = [];
  for (let i = 0; i < m.length; i++) if (!drop.has(m.transaction[i] as number)) keep.push(i);
  if (keep.length === m.length) return m;
  const result = pick(m, keep, m.sorted);
  result.perPeriod = periodSums(result, periods);
  return result;
}

// The entries at `indexes`, in that order (the sums are carried over: callers that drop entries recompute them).
function pick(m: MeasureColumns, indexes: ArrayLike<number>, sorted: boolean): MeasureColumns {
  const n = indexes.length;
  const out: MeasureColumns = {
    length: n,
    credit: new Int32Array(n),
    transaction: new Int32Array(n),
    period: new Int32Array(n),
    day: new Int32Array(n),
    units: new Float64Array(n),
    values: new Map(),
    multipliers: new Map(),
    perPeriod: m.perPeriod,
    dateField: m.dateField,
    datesChecked: m.datesChecked,
    sorted,
    credits: m.credits,
  };
  for (let k = 0; k < n; k++) {
    const i = indexes[k] as number;
    out.credit[k] = m.credit[i] as number;
    out.transaction[k] = m.transaction[i] as number;
    out.period[k] = m.period[i] as number;
    out.day[k] = m.day[i] as number;
    const u = m.units[i] as number;
    out.units[k] = u;
    if (Number.isNaN(u)) out.values.set(k, m.values.get(i) as Decimal);
    const x = m.multipliers.size ? m.multipliers.get(i) : undefined;
    if (x !== undefined) out.multipliers.set(k, x);
  }
  return out;
}

/**
 * The exact value of entry `i`.
 *
 * @example
 * ```ts
 * entryValue(m, 0).toString(); // "1843.27"
 * ```
 */
export function entryValue(m: MeasureColumns, i: number): Decimal {
  const u = m.units[i] as number;
  return Number.isNaN(u) ? (m.values.get(i) as Decimal) : fixedToDecimal(u);
}

/**
 * The id of entry `i`'s transaction.
 *
 * @example
 * ```ts
 * entryId(m, 0); // "D-1"
 * ```
 */
export function entryId(m: MeasureColumns, i: number): string {
  return m.credits.transactions.id[m.transaction[i] as number] as string;
}

/**
 * The date of entry `i`: its transaction's field that the measure reads dates from (`day[i]` as text). Read
 * from the transaction rather than kept per entry: a million credits would otherwise each store a pointer that
 * only deal listings read.
 *
 * @example
 * ```ts
 * entryDate(m, 0); // "2026-03-15"
 * ```
 */
export function entryDate(m: MeasureColumns, i: number): IsoDate {
  if (!m.datesChecked) return entryFacts(m, i)[m.dateField] as IsoDate;
  // A checked date is exactly its digits: written once per day of the run and shared, which spares reading the
  // transaction's record (a cache miss per deal) for every deal listed.
  const day = m.day[i] as number;
  const texts = m.credits.transactions.dayTexts;
  let text = texts.get(day);
  if (text === undefined) {
    text = dayText(day);
    texts.set(day, text);
  }
  return text;
}

// "2026-03-15" for 20260315 (a four-digit year, as checked dates have).
function dayText(day: number): IsoDate {
  const year = Math.floor(day / 10_000);
  const month = Math.floor(day / 100) % 100;
  const date = day % 100;
  return `${year}-${month < 10 ? "0" : ""}${month}-${date < 10 ? "0" : ""}${date}` as IsoDate;
}

/**
 * The facts (the record as conditions see it) of entry `i`'s transaction.
 *
 * @example
 * ```ts
 * entryFacts(m, 0).stage; // "won"
 * ```
 */
export function entryFacts(m: MeasureColumns, i: number): Record<string, unknown> {
  return m.credits.transactions.facts[m.transaction[i] as number] as Record<string, unknown>;
}
