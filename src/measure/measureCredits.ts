import type { IsoDate, Period } from "../calendar/index.js";
import type { Credit } from "../credit/index.js";
import { CompplanError } from "../errors/index.js";
import type { CompiledMeasure } from "../evaluate/compilePlan.js";
import { type Decimal, ZERO } from "../money/index.js";

// Most entries have no multiplier: they share one empty list rather than allocating a million.
const NONE: readonly string[] = Object.freeze([]);

/** One credit counted by a measure: its value, and the pay period its date falls in. */
export interface MeasureEntry {
  credit: Credit;
  date: IsoDate;
  /** Index of the pay period in the plan year. */
  period: number;
  /** The measure's value for this credit, after multipliers. */
  value: Decimal;
  /** Labels of the multipliers applied, for the trace. */
  multipliers: readonly string[];
}

/** What a measure made of a participant's credits. */
export interface MeasureResult {
  /** Counted credits in date order (then transaction id), the order in which tiers attribute earnings. */
  entries: MeasureEntry[];
  /** Sum of entry values per pay period of the year. */
  perPeriod: Decimal[];
  /** Credits the measure does not count, with the rule that left them out. */
  excluded: { credit: Credit; rule: string; message: string }[];
  /** Credits whose data the measure cannot use (a missing date, a non-numeric field in the value). */
  failed: { credit: Credit; field: string; message: string }[];
}

/**
 * Applies a measure to credits: its condition, its value expression (where `amount` is the credited amount,
 * after any split), its multipliers (every one whose condition holds, compounding), and its date field, which
 * places each credit in a pay period of the plan year. Credits dated outside the year are excluded.
 *
 * @example
 * ```ts
 * const { entries, perPeriod } = measureCredits(compiled.measures.get("bookings")!, credits, { periods: compiled.periods, planId: "ae" });
 * ```
 */
export function measureCredits(
  measure: CompiledMeasure,
  credits: readonly Credit[],
  options: { periods: readonly Period[]; planId: string; sort?: boolean },
): MeasureResult {
  const { periods } = options;
  const first = periods[0] as Period;
  const last = periods[periods.length - 1] as Period;
  const entries: MeasureEntry[] = [];
  const excluded: MeasureResult["excluded"] = [];
  const failed: MeasureResult["failed"] = [];
  const rule = `${options.planId}: measures.${measure.id}.when`;
  const notMet = `does not meet ${rule}`;
  for (const credit of credits) {
    const facts = credit.transaction.facts;
    let meets: boolean;
    try {
      meets = !measure.when || measure.when(facts);
    } catch (error) {
      // json-rules-engine throws where a fact reference gives `in` a non-list; that is bad data, not a "no".
      if (!(error instanceof CompplanError)) throw error;
      failed.push({ credit, field: "when", message: `${rule}: ${error.message}` });
      continue;
    }
    if (!meets) {
      excluded.push({ credit, rule, message: notMet });
      continue;
    }
    const date = facts[measure.dateField];
    if (typeof date !== "string") {
      failed.push({
        credit,
        field: measure.dateField,
        message: `measure ${measure.id} needs a ${measure.dateField} date`,
      });
      continue;
    }
    if (date < first.start || date > last.end) {
      excluded.push({
        credit,
        rule: `${options.planId}: year`,
        message: `${measure.dateField} ${date} is outside plan year ${first.start} to ${last.end}`,
      });
      continue;
    }
    let period = 0;
    while (date > (periods[period] as Period).end) period++;
    let value: Decimal;
    if (measure.value) {
      // Expressions see the credited amount (the split's share of the deal), not the deal's whole amount.
      const view = credit.share.eq(1) ? facts : { ...facts, amount: credit.amount };
      try {
        value = measure.value.evaluate(view);
      } catch (error) {
        if (error instanceof CompplanError) {
          const field = (error as CompplanError & { field?: string }).field ?? "value";
          failed.push({ credit, field, message: `measure ${measure.id}: ${error.message}` });
          continue;
        }
        throw error;
      }
    } else value = credit.amount;
    let applied = NONE;
    for (const m of measure.multipliers) {
      if (m.when(facts)) {
        value = value.times(m.factor);
        applied = [...applied, `${m.label} × ${m.factor}`];
      }
    }
    entries.push({ credit, date, period, value, multipliers: applied });
  }
  // Date order is what tiers attribute by; sums do not need it, so a run without attribution can skip it.
  if (options.sort !== false) entries.sort(byDateThenId);
  const perPeriod = periods.map(() => ZERO);
  for (const e of entries) perPeriod[e.period] = (perPeriod[e.period] as Decimal).plus(e.value);
  return { entries, perPeriod, excluded, failed };
}

// A total order independent of input order, so shuffled input gives identical attribution.
function byDateThenId(a: MeasureEntry, b: MeasureEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ia = a.credit.transaction.id;
  const ib = b.credit.transaction.id;
  if (ia !== ib) return ia < ib ? -1 : 1;
  const pa = a.credit.participantId;
  const pb = b.credit.participantId;
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}
