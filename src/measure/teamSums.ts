import type { CreditTable } from "../credit/creditTable.js";
import type { CompiledMeasure } from "../evaluate/compilePlan.js";
import { fixedToDecimal, fixedUnits } from "../money/fixed.js";
import type { Decimal } from "../money/index.js";
import {
  type EmploymentWindows,
  entriesOf,
  judge,
  type MeasureColumns,
  type MeasureSink,
  type MeasureTableOptions,
  measureRules,
  type Verdicts,
  verdicts,
} from "./measureTable.js";

/**
 * The credits laid out depth first: participant p's own credits and those of everyone below p are
 * `order[from[p]]` … `order[to[p] - 1]`.
 */
export interface TeamLayout {
  /** Credit indexes, depth first. */
  order: Int32Array;
  from: Int32Array;
  to: Int32Array;
  /** Participants (indexes in the credit table) depth first: a manager before everyone below. */
  preorder: Int32Array;
  /** Each participant's manager, or −1 at the top. */
  manager: Int32Array;
}

/** A team measure of a plan, for {@link teamSums}. */
export interface TeamMeasure {
  measure: CompiledMeasure;
  /** Its place among its plan's measures: the order measureTable judges them in for a participant. */
  position: number;
  /** Its plan as a number: participants p with `planOf[p]` equal to it are measured by it. */
  plan: number;
  /** The plan's periods and id, `checkedDates`, and the employment windows (no sink: see `report`). */
  options: MeasureTableOptions;
}

/** Team measures judged once per credit: see {@link teamSums}. */
export interface TeamSums {
  /**
   * Reports to `sink` what measuring every participant's team with measureTable would have reported (each
   * exclusion and rejection, first in the same order) and marks in `counted` (by transaction) what it counts.
   */
  report(sink: MeasureSink, counted: Uint8Array): void;
  /** Whether every counted value is exact in millionths, and they add up below 2^53: `columns` can be used. */
  summable: boolean;
  /**
   * Participant p's entries under team measure `j` (its index in the list given), summed per pay period and
   * counted, leaving out the transactions in `failed` (which must be final): no entries are kept (`length` 0,
   * see MeasureColumns.counts). Only when `summable`.
   */
  columns(p: number, j: number, failed: ReadonlySet<number>): MeasureColumns;
  /**
   * Participant p's entries under team measure `j`, as measureTable gives them (sorted if `sort`), leaving out
   * the transactions in `failed`: gathered from the verdicts, in time linear in the team's credits.
   */
  entries(p: number, j: number, failed: ReadonlySet<number>, sort: boolean): MeasureColumns;
}

// What the judge reported, as columns (a run may exclude half a million credits: no object each), with the place
// the full path would report it at: the manager measured, the measure's place in the plan, the credit's place in
// the layout. `rule` is the field of a rejection (`fail`).
interface Events {
  manager: number[];
  position: number[];
  at: number[];
  credit: number[];
  fail: boolean[];
  rule: string[];
  message: string[];
}

function record(
  e: Events,
  manager: number,
  position: number,
  at: number,
  credit: number,
  fail: boolean,
  rule: string,
  message: string,
): void {
  e.manager.push(manager);
  e.position.push(position);
  e.at.push(at);
  e.credit.push(credit);
  e.fail.push(fail);
  e.rule.push(rule);
  e.message.push(message);
}

// The events' indexes in the full path's order; the identity when they were recorded in it (one plan with one
// team measure, whose first manager is the same for the whole layout: a tree under one manager on the plan).
function inOrder(e: Events): ArrayLike<number> {
  const n = e.manager.length;
  const before = (a: number, b: number) =>
    (e.manager[a] as number) - (e.manager[b] as number) ||
    (e.position[a] as number) - (e.position[b] as number) ||
    (e.at[a] as number) - (e.at[b] as number);
  let sorted = true;
  for (let k = 1; k < n && sorted; k++) if (before(k - 1, k) > 0) sorted = false;
  const order = Array.from({ length: n }, (_, k) => k);
  return sorted ? order : order.sort(before);
}

const NONE = 0x7fffffff;
const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Team measures for a run without deal attribution, in time and memory linear in the credits (measuring each
 * manager's team with measureTable judges every credit once per manager above it: quadratic on a deep chain).
 * A credit's verdict under a measure does not depend on the manager, except for the manager's own employment
 * window: each credit is judged once, and the windows of the managers above it are then checked (a manager
 * employed the whole plan year takes every day; only those with a hire or termination date inside the year are
 * checked one by one). The sums per pay period are added bottom-up, from each participant to their manager.
 * Exact and identical to the full path: the values are summed in millionths (`summable` says whether they all
 * fit; if not, or where deals are listed, `entries` gathers each team's entries from the verdicts, judged once).
 * The function gives up (undefined) when a measure's dates are not checked plain dates; the caller then uses
 * measureTable.
 *
 * @param credits - the credit table.
 * @param layout - the credits depth first (see {@link TeamLayout}).
 * @param measures - every team measure of the run's plans.
 * @param planOf - each participant's plan, as the numbers in `measures`.
 * @param employment - the participants' employment windows, if any has one.
 * @returns the sums, or undefined (see above).
 * @example
 * ```ts
 * const sums = teamSums(credits, layout, [{ measure, position: 0, plan: 0, options }], planOf, undefined);
 * sums?.report(sink, counted);
 * sums?.columns(0, 0, new Set()).perPeriod;
 * ```
 */
export function teamSums(
  credits: CreditTable,
  layout: TeamLayout,
  measures: readonly TeamMeasure[],
  planOf: Int32Array,
  employment: EmploymentWindows | undefined,
): TeamSums | undefined {
  const people = credits.participantIds.length;
  const events: Events = {
    manager: [],
    position: [],
    at: [],
    credit: [],
    fail: [],
    rule: [],
    message: [],
  };
  const judged: {
    state: Uint8Array; // 1: counted by some manager above (or the participant)
    out: Verdicts; // the verdicts, by credit
    fixed: Float64Array; // the values in millionths (NaN where not exact)
    full: Uint8Array;
    options: MeasureTableOptions;
  }[] = [];
  let summable = true;
  const countedCredit = new Uint8Array(credits.length);
  // The nearest restricted manager above each participant (restricted: on the plan, employed only part of the
  // year), linked upwards: `next[r]` is the next one above r.
  const next = new Int32Array(people);
  for (const { measure, position, plan, options } of measures) {
    const rules = measureRules(measure, { ...options, participant: undefined });
    if (!rules.numericDates) return undefined;
    const first = new Int32Array(people).fill(NONE); // the first manager (lowest index) at or above p on the plan
    const firstFull = new Int32Array(people).fill(NONE); // … of those employed the whole year
    const restricted = new Int32Array(people).fill(-1); // the nearest restricted one, or −1
    const full = new Uint8Array(people);
    for (let k = 0; k < layout.preorder.length; k++) {
      const p = layout.preorder[k] as number;
      const up = layout.manager[p] as number;
      const on = planOf[p] === plan;
      const whole =
        on &&
        (employment === undefined ||
          ((employment.from[p] as number) <= rules.firstDay &&
            (employment.through[p] as number) >= rules.lastDay));
      full[p] = whole ? 1 : 0;
      first[p] = Math.min(up < 0 ? NONE : (first[up] as number), on ? p : NONE);
      firstFull[p] = Math.min(up < 0 ? NONE : (firstFull[up] as number), whole ? p : NONE);
      const above = up < 0 ? -1 : (restricted[up] as number);
      if (on && !whole) {
        restricted[p] = p;
        next[p] = above;
      } else restricted[p] = above;
    }
    // Judged without a manager's window; what the judge reports is kept with the place the full path would
    // report it at: the first manager whose team has the credit, the measure's place, the credit's place.
    let manager = NONE;
    let at = 0;
    let valueFailure: { field: string; message: string } | undefined;
    const sink: MeasureSink = {
      exclude: (credit, rule, message) => record(events, manager, position, at, credit, false, rule, message),
      fail: (credit, field, message) => record(events, manager, position, at, credit, true, field, message),
    };
    const valueSink: MeasureSink = {
      exclude: () => undefined,
      fail: (_, field, message) => {
        valueFailure = { field, message };
      },
    };
    const own = { ...rules, sink, valueSink };
    const out = verdicts(credits.length, measure.dateField, true);
    const state = new Uint8Array(credits.length);
    const units = out.units as Float64Array;
    const fixed = new Float64Array(credits.length);
    let size = 0;
    for (at = 0; at < layout.order.length; at++) {
      const c = layout.order[at] as number;
      const q = credits.participant[c] as number;
      manager = first[q] as number;
      if (manager === NONE) continue;
      valueFailure = undefined;
      const counts = judge(measure, own, credits, c, out, c);
      if (!counts && valueFailure === undefined) continue;
      // Past the credit's own checks: the managers' windows decide. The first manager whose window has the
      // day counts it (or rejects its value); the first whose window does not excludes it.
      const day = out.day[c] as number;
      let inside = firstFull[q] as number;
      let outside = NONE;
      for (let r = restricted[q] as number; r >= 0; r = next[r] as number) {
        if (day >= (employment?.from[r] as number) && day <= (employment?.through[r] as number))
          inside = Math.min(inside, r);
        else outside = Math.min(outside, r);
      }
      if (outside !== NONE) {
        const date = credits.transactions.facts[credits.transaction[c] as number]?.[measure.dateField];
        const message = (employment as EmploymentWindows).message(outside, measure.dateField, String(date));
        record(events, outside, position, at, c, false, rules.employmentRule, message);
      }
      if (inside === NONE) continue;
      if (valueFailure !== undefined) {
        const { field, message } = valueFailure;
        record(events, inside, position, at, c, true, field, message);
        continue;
      }
      let u = units[c] as number;
      if (Number.isNaN(u) && summable) u = fixedUnits((out.values.get(c) as { toFixed(): string }).toFixed());
      size += Math.abs(u);
      // Not exact in millionths (NaN fails the comparison too): the full path keeps such values as Decimals.
      if (!(size <= MAX)) summable = false;
      fixed[c] = u;
      state[c] = 1;
      countedCredit[c] = 1;
    }
    judged.push({ state, out, fixed, full, options });
  }
  const order = inOrder(events);

  // Per measure, each participant's sums per pay period (and counts), over them and everyone below, made on
  // first use: the rejected transactions are known by then.
  let sums: { units: Float64Array; counts: Int32Array }[] | undefined;
  const sumAll = (failed: ReadonlySet<number>) =>
    judged.map(({ state, out, fixed, options }) => {
      const periods = options.periods.length;
      const period = out.period;
      const total = new Float64Array(people * periods);
      const counts = new Int32Array(people * periods);
      for (let c = 0; c < credits.length; c++) {
        if (state[c] !== 1 || (failed.size && failed.has(credits.transaction[c] as number))) continue;
        const slot = (credits.participant[c] as number) * periods + (period[c] as number);
        total[slot] = (total[slot] as number) + (fixed[c] as number);
        counts[slot] = (counts[slot] as number) + 1;
      }
      for (let k = layout.preorder.length - 1; k > 0; k--) {
        const p = layout.preorder[k] as number;
        const up = layout.manager[p] as number;
        if (up < 0) continue;
        for (let i = 0; i < periods; i++) {
          total[up * periods + i] = (total[up * periods + i] as number) + (total[p * periods + i] as number);
          counts[up * periods + i] =
            (counts[up * periods + i] as number) + (counts[p * periods + i] as number);
        }
      }
      return { units: total, counts };
    });

  // Whether credit c is one of participant p's entries: counted, dated in p's window, its transaction not rejected.
  const isEntry = (j: number, p: number, c: number, failed: ReadonlySet<number>) => {
    const { state, out, full } = judged[j] as (typeof judged)[number];
    if (state[c] !== 1 || (failed.size && failed.has(credits.transaction[c] as number))) return false;
    if (full[p] === 1) return true;
    const d = out.day[c] as number;
    return d >= (employment?.from[p] as number) && d <= (employment?.through[p] as number);
  };

  return {
    summable,
    report(sink, counted) {
      for (let k = 0; k < order.length; k++) {
        const i = order[k] as number;
        const c = events.credit[i] as number;
        if (events.fail[i]) sink.fail(c, events.rule[i] as string, events.message[i] as string);
        else sink.exclude(c, events.rule[i] as string, events.message[i] as string);
      }
      for (let c = 0; c < credits.length; c++)
        if (countedCredit[c] === 1) counted[credits.transaction[c] as number] = 1;
    },
    columns(p, j, failed) {
      sums ??= sumAll(failed);
      const { out, fixed, full, options } = judged[j] as (typeof judged)[number];
      const periods = options.periods.length;
      let total: ArrayLike<number>;
      let counts: ArrayLike<number>;
      if (full[p] === 1) {
        const all = sums[j] as { units: Float64Array; counts: Int32Array };
        total = all.units.subarray(p * periods, (p + 1) * periods);
        counts = all.counts.subarray(p * periods, (p + 1) * periods);
      } else {
        // Employed part of the year: the team's credits dated inside this participant's window, one by one.
        const t = new Float64Array(periods);
        const n = new Int32Array(periods);
        for (let k = layout.from[p] as number; k < (layout.to[p] as number); k++) {
          const c = layout.order[k] as number;
          if (!isEntry(j, p, c, failed)) continue;
          const i = out.period[c] as number;
          t[i] = (t[i] as number) + (fixed[c] as number);
          n[i] = (n[i] as number) + 1;
        }
        total = t;
        counts = n;
      }
      const measure = measures[j] as TeamMeasure;
      const empty = new Int32Array(0);
      return {
        length: 0,
        credit: empty,
        transaction: empty,
        period: empty,
        day: empty,
        units: new Float64Array(0),
        values: new Map(),
        multipliers: new Map(),
        perPeriod: Array.from(total, (u) => fixedToDecimal(u)),
        counts: Array.from(counts),
        dateField: measure.measure.dateField,
        datesChecked: true,
        sorted: false,
        credits,
      };
    },
    entries(p, j, failed, sort) {
      const { out, options } = judged[j] as (typeof judged)[number];
      const from = layout.from[p] as number;
      const to = layout.to[p] as number;
      let n = 0;
      for (let k = from; k < to; k++) if (isEntry(j, p, layout.order[k] as number, failed)) n++;
      // The team's entries in the order measureTable meets them (depth first), then sorted as it sorts them.
      const picked = verdicts(n, out.dateField, out.datesChecked);
      const credit = new Int32Array(n);
      const units = picked.units as Float64Array;
      let at = 0;
      for (let k = from; k < to; k++) {
        const c = layout.order[k] as number;
        if (!isEntry(j, p, c, failed)) continue;
        credit[at] = c;
        picked.period[at] = out.period[c] as number;
        picked.day[at] = out.day[c] as number;
        picked.transaction[at] = out.transaction[c] as number;
        const u = (out.units as Float64Array)[c] as number;
        units[at] = u;
        if (Number.isNaN(u)) picked.values.set(at, out.values.get(c) as Decimal);
        const x = out.multipliers.size ? out.multipliers.get(c) : undefined;
        if (x !== undefined) picked.multipliers.set(at, x);
        at++;
      }
      return entriesOf(picked, credit, n, credits, { ...options, sort });
    },
  };
}
