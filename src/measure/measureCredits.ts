import type { IsoDate, Period } from "../calendar/index.js";
import type { CreditTable } from "../credit/creditTable.js";
import type { Credit } from "../credit/index.js";
import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument, checkElements } from "../errors/checkArgument.js";
import type { CompiledMeasure } from "../evaluate/compilePlan.js";
import { fixedUnits } from "../money/fixed.js";
import { Decimal } from "../money/index.js";
import { entryDate, entryValue, measureTable } from "./measureTable.js";

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
  checkArgument("measureCredits", "measure", measure, "object");
  checkArgument("measureCredits", "credits", credits, "list");
  checkArgument("measureCredits", "options", options, "object");
  checkElements("measureCredits", "options.periods", options.periods, "object");
  checkArgument("measureCredits", "options.planId", options.planId, "text");
  credits.forEach((c, i) => {
    const ok =
      typeof c === "object" &&
      c !== null &&
      typeof c.participantId === "string" &&
      typeof c.transaction === "object" &&
      c.transaction !== null &&
      Decimal.isDecimal(c.amount);
    if (!ok)
      throw new ArgumentError("measureCredits", `credits[${i}]`, "a credit from creditTransactions", c);
  });
  // The engine measures columns (measureTable); objects are laid out as columns, one transaction slot per credit.
  const participantIds: string[] = [];
  const index = new Map<string, number>();
  const table: CreditTable = {
    length: credits.length,
    transaction: Int32Array.from(credits, (_, i) => i),
    participant: new Int32Array(credits.length),
    units: new Float64Array(credits.length),
    amounts: new Map(),
    start: new Int32Array(0),
    order: new Int32Array(0),
    participantIds,
    transactions: {
      source: "",
      length: credits.length,
      row: Int32Array.from(credits, (c) => c.transaction.row),
      id: credits.map((c) => c.transaction.id),
      ownerId: credits.map((c) => c.transaction.ownerId),
      facts: credits.map((c) => c.transaction.facts),
      units: new Float64Array(0),
      amounts: new Map(),
      splits: [],
      split: new Uint8Array(credits.length),
      shareUnits: [],
      idsIncreasing: false,
      rejects: [],
      dayTexts: new Map(),
    },
    rejects: [],
  };
  credits.forEach((c, i) => {
    let p = index.get(c.participantId);
    if (p === undefined) {
      p = participantIds.push(c.participantId) - 1;
      index.set(c.participantId, p);
    }
    table.participant[i] = p;
    const units = fixedUnits(c.amount.toFixed());
    table.units[i] = units;
    if (Number.isNaN(units)) table.amounts.set(i, c.amount);
    // Each credit is its own transaction here: one with a share other than 1 is a one-way split.
    if (!c.share.eq(1)) {
      table.transactions.split[i] = 1;
      table.transactions.splits[i] = [{ participantId: c.participantId, share: c.share }];
    }
  });
  const excluded: MeasureResult["excluded"] = [];
  const failed: MeasureResult["failed"] = [];
  const m = measureTable(measure, table, table.transaction, {
    ...options,
    sink: {
      exclude: (i, rule, message) => excluded.push({ credit: credits[i] as Credit, rule, message }),
      fail: (i, field, message) => failed.push({ credit: credits[i] as Credit, field, message }),
    },
  });
  const entries: MeasureEntry[] = [];
  for (let i = 0; i < m.length; i++) {
    entries.push({
      credit: credits[m.credit[i] as number] as Credit,
      date: entryDate(m, i),
      period: m.period[i] as number,
      value: entryValue(m, i),
      multipliers: m.multipliers.get(i) ?? NONE,
    });
  }
  return { entries, perPeriod: m.perPeriod, excluded, failed };
}
