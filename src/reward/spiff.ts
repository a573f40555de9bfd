import type { CompiledComponent } from "../evaluate/compilePlan.js";
import { dayKey, entryDate, entryFacts, entryId, entryValue } from "../measure/measureTable.js";
import { Decimal, formatNumber, ZERO } from "../money/index.js";
import type { SpiffComponent } from "../plan/index.js";
import { checkRewardArguments } from "./checkRewardArguments.js";
import type { ComponentEarnings, DealEarning, RewardContext } from "./types.js";

/**
 * SPIFF earnings: each deal whose date lies in the window (both ends included) and that meets the condition
 * pays `perDeal`, or `rate` × its value. Deals count in date order, so `limit.deals` keeps the first ones and
 * `limit.amount` stops the running total. Paid in the pay period of the deal's date, accumulated over the year.
 *
 * @example
 * ```ts
 * // window Jul 1–Sep 30, perDeal 500: deals on Jul 1 and Sep 30 pay 500 each, one on Oct 1 pays nothing
 * spiffEarnings(compiled, ctx).values[2]; // Decimal(1000)
 * ```
 */
export function spiffEarnings(compiled: CompiledComponent, ctx: RewardContext): ComponentEarnings {
  checkRewardArguments("spiffEarnings", compiled, ctx);
  const c = compiled.source as SpiffComponent;
  const entries = c.measure ? ctx.measure : ctx.credits;
  const dateField = c.date;
  const perDeal = "perDeal" in c.pay ? new Decimal(c.pay.perDeal) : undefined;
  const rate = "rate" in c.pay ? new Decimal(c.pay.rate) : undefined;
  const maxDeals = c.limit?.deals;
  const maxAmount = c.limit?.amount !== undefined ? new Decimal(c.limit.amount) : undefined;
  const n = ctx.periods.length;
  const perPeriod: Decimal[] = Array.from({ length: n }, () => ZERO);
  const deals = new Map<number, DealEarning[]>();
  const notes = new Map<number, string[]>();
  const push = <T>(map: Map<number, T[]>, p: number, item: T) => {
    const list = map.get(p);
    if (list) list.push(item);
    else map.set(p, [item]);
  };
  const counts: number[] = Array.from({ length: n }, () => 0);
  let paidDeals = 0;
  let total = ZERO;
  // Qualifying deals in date order: the order in which limits bite.
  // One pass, window first: most credits fall outside a SPIFF's window, and they should cost one comparison.
  // When the window is on the entries' own dates, a pay period wholly outside it rules its entries out without
  // reading them.
  // On the entries' own dates the window is checked on their numeric form (see MeasureColumns.day), and the
  // period found for the date is the entry's.
  const ownDates = !dateField || dateField === entries?.dateField;
  const from = dayKey(c.window.from);
  const to = dayKey(c.window.to);
  // `date`: the text, when it was read from another field than the entries' own (theirs is read when listed).
  const qualifying: { i: number; id: string; date: string | undefined; day: number }[] = [];
  for (let i = 0; i < (entries?.length ?? 0); i++) {
    const m = entries as NonNullable<typeof entries>;
    let date: unknown;
    let day: number;
    if (ownDates) {
      day = m.day[i] as number;
      if (day < from || day > to) continue;
    } else {
      date = entryFacts(m, i)[dateField as string];
      if (typeof date !== "string" || date < c.window.from || date > c.window.to) continue;
      day = dayKey(date);
    }
    if (compiled.when && !compiled.when(entryFacts(m, i))) continue;
    qualifying.push({ i, id: entryId(m, i), date: date as string | undefined, day });
  }
  // Entries already in date order (then id, then participant: see MeasureColumns.sorted) give the qualifying
  // deals in that order when the window is on their own dates; sorting them again would change nothing.
  if (!(ownDates && entries?.sorted))
    qualifying.sort((a, b) => (a.day !== b.day ? a.day - b.day : a.id < b.id ? -1 : 1));
  for (const { i, id, date } of qualifying) {
    const m = entries as NonNullable<typeof entries>;
    let p = ownDates
      ? (m.period[i] as number)
      : ctx.periods.findIndex((period) => (date as string) >= period.start && (date as string) <= period.end);
    if (p < 0) p = m.period[i] as number;
    let pay = perDeal ?? entryValue(m, i).times(rate ?? ZERO);
    let note: string | undefined;
    if (maxDeals !== undefined && paidDeals >= maxDeals) {
      pay = ZERO;
      note = `${id}: limit of ${maxDeals} deals reached, pays nothing`;
    } else if (maxAmount !== undefined && total.plus(pay).gt(maxAmount)) {
      const left = Decimal.max(maxAmount.minus(total), ZERO);
      note = `${id}: limit of ${formatNumber(maxAmount)} reached, pays ${formatNumber(left)} instead of ${formatNumber(pay)}`;
      pay = left;
    }
    if (!pay.isZero() || note) {
      if (!pay.isZero()) {
        paidDeals++;
        total = total.plus(pay);
        perPeriod[p] = (perPeriod[p] as Decimal).plus(pay);
      }
      counts[p] = (counts[p] as number) + 1;
      if (p >= ctx.from && p <= ctx.through) {
        if (ctx.attribute !== false)
          push(deals, p, { id, date: date ?? entryDate(m, i), earned: pay.toString() });
        if (note) push(notes, p, note);
      }
    }
  }
  const values: Decimal[] = [];
  const traces = new Map<number, string[]>();
  let running = ZERO;
  for (let p = 0; p <= ctx.through && p < n; p++) {
    running = running.plus(perPeriod[p] as Decimal);
    values.push(running);
    if (p >= ctx.from) {
      const how = perDeal
        ? `${formatNumber(perDeal)} per deal`
        : `rate ${formatNumber(rate ?? ZERO, 6)} × deal value`;
      traces.set(p, [
        `window ${c.window.from} to ${c.window.to}, ${how}: ${counts[p]} qualifying deal${counts[p] === 1 ? "" : "s"} in ${ctx.periods[p]?.name} = ${formatNumber(perPeriod[p] as Decimal)}`,
        ...(notes.get(p) ?? []),
        `earned to date: ${formatNumber(running)}`,
      ]);
    }
  }
  return { mode: "cumulative", values, traces, deals };
}
