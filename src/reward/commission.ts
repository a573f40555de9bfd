import { checkArgument, checkElements } from "../errors/checkArgument.js";
import type { CompiledComponent } from "../evaluate/compilePlan.js";
import { entryDate, entryFacts, entryId, entryValue, type MeasureColumns } from "../measure/measureTable.js";
import { checkDecimalArgument } from "../money/checkDecimalArgument.js";
import {
  type FixedRate,
  fixedPlus,
  fixedRate,
  fixedTimesText,
  fixedToDecimal,
  fixedUnits,
} from "../money/fixed.js";
import { Decimal, formatNumber, formatPercent, ZERO } from "../money/index.js";
import type { CommissionComponent } from "../plan/index.js";
import { checkRewardArguments } from "./checkRewardArguments.js";
import { bound, floorToDate, limitAmount } from "./limits.js";
import { bandIndex, type TierBand, tierEarnings } from "./tierTable.js";
import type { ComponentEarnings, DealEarning, RewardContext } from "./types.js";

/**
 * Places a tier table on the measure's value axis: `basis: attainment` edges are `upTo` × the quota (the
 * annual quota for a component measured over the year, the period's quota for one measured per period);
 * `basis: value` edges are `upTo` as written. A band's rate is its `rate`, or `multiplier` × the base
 * commission rate (target incentive ÷ annual quota).
 *
 * @example
 * ```ts
 * // quota 1,000,000, BCR 0.06: { upTo: 1.0, multiplier: 1.5 } → edge 1,000,000 at rate 0.09
 * resolveBands(tiers, { quota: new Decimal(1e6), bcr: new Decimal("0.06") });
 * ```
 */
export function resolveBands(
  tiers: NonNullable<CommissionComponent["tiers"]>,
  basis: { quota?: Decimal; bcr?: Decimal; quotaLabel?: string },
): TierBand[] {
  checkArgument("resolveBands", "tiers", tiers, "object");
  checkArgument("resolveBands", "basis", basis, "object");
  checkElements("resolveBands", "tiers.bands", tiers.bands, "object");
  checkDecimalArgument("resolveBands", "basis.quota", basis.quota, true, false);
  checkDecimalArgument("resolveBands", "basis.bcr", basis.bcr, true, false);
  let from = ZERO;
  return tiers.bands.map((band, i) => {
    let to: Decimal | null = null;
    let edge = "and above";
    if (band.upTo !== undefined) {
      if (tiers.basis === "attainment") {
        to = new Decimal(band.upTo).times(basis.quota ?? ZERO);
        edge = `<= ${formatNumber(to)} (${formatPercent(new Decimal(band.upTo))} of ${basis.quotaLabel ?? "quota"} ${formatNumber(basis.quota ?? ZERO)})`;
      } else {
        to = new Decimal(band.upTo);
        edge = `<= ${formatNumber(to)}`;
      }
    }
    const rate =
      band.rate !== undefined
        ? new Decimal(band.rate)
        : new Decimal(band.multiplier ?? 0).times(basis.bcr ?? ZERO);
    const how =
      band.rate !== undefined
        ? `rate ${formatNumber(rate, 6)}`
        : `${band.multiplier} × BCR ${formatNumber(basis.bcr ?? ZERO, 6)} = rate ${formatNumber(rate, 6)}`;
    const label = `band ${i + 1} (${formatNumber(from)} < value ${edge}) at ${how}`;
    const result: TierBand = { from, to, rate, label };
    if (to) from = to;
    return result;
  });
}

/**
 * Commission earnings: a flat `rate`, a `rates` table (the first row whose condition holds, per transaction),
 * or `tiers` (marginal or retroactive). Over the year, earnings to date are computed on year-to-date values and
 * tier edges stay on the annual quota; per period, each period stands alone on its own quota. Each deal is
 * attributed the increment it adds, in date order, so a deal crossing an edge earns a blended rate.
 *
 * @example
 * ```ts
 * // rate 0.1 on bookings of 50,000 in Q1: 50,000 × 0.1 = 5,000
 * commissionEarnings(compiled, ctx).values[0]; // Decimal(5000)
 * ```
 */
export function commissionEarnings(compiled: CompiledComponent, ctx: RewardContext): ComponentEarnings {
  checkRewardArguments("commissionEarnings", compiled, ctx);
  const c = compiled.source as CommissionComponent;
  const measure = ctx.measure;
  const n = ctx.periods.length;
  const yearly = c.over === "year";
  const traces = new Map<number, string[]>();
  const deals = new Map<number, DealEarning[]>();
  const values: Decimal[] = [];
  const bcr =
    ctx.target && ctx.quota && !ctx.quota.annual.isZero()
      ? ctx.target.annual.div(ctx.quota.annual)
      : undefined;

  // Entries (their indexes) grouped by pay period, in date order (the measure sorted them when attribution is
  // on). Only attribution and rate tables look at entries one by one; otherwise a count per period is enough.
  // (A team measure summed without its entries gives the counts: see MeasureColumns.counts.)
  const counts = measure?.counts ? [...measure.counts] : ctx.periods.map(() => 0);
  const byPeriod: number[][] = ctx.periods.map(() => []);
  const oneByOne = compiled.rates !== undefined || ctx.attribute !== false;
  for (let i = 0; i < (measure?.length ?? 0); i++) {
    const p = (measure as MeasureColumns).period[i] as number;
    counts[p] = (counts[p] as number) + 1;
    if (oneByOne) byPeriod[p]?.push(i);
  }

  const rowOf = (m: MeasureColumns, i: number) => {
    const facts = entryFacts(m, i);
    return compiled.rates?.find((r) => !r.when || r.when(facts));
  };
  const yearBands =
    c.tiers && yearly
      ? resolveBands(c.tiers, { quota: ctx.quota?.year, bcr, quotaLabel: "annual quota" })
      : undefined;
  // Tiers that read the quota earn nothing where it is zero (see quotaMissing): no quota, no attainment.
  const needsBcr = c.tiers?.bands.some((b) => b.multiplier !== undefined) === true;
  const onAttainment = c.tiers?.basis === "attainment";

  const flatRate = new Decimal(c.rate ?? 0);
  let ytdValue = ZERO;
  let ytdRated = ZERO; // for flat / table rates: Σ value × rate so far
  for (let p = 0; p < n; p++) {
    if (p > ctx.through) break;
    const entries = byPeriod[p] as number[];
    const count = counts[p] as number;
    const periodValue = (measure?.perPeriod[p] as Decimal | undefined) ?? ZERO;
    const explain = p >= ctx.from;
    const attribute = explain && ctx.attribute !== false;
    const trace: string[] = [];
    const dealRows: DealEarning[] = [];
    const startValue = yearly ? ytdValue : ZERO;
    const bands = c.tiers
      ? (yearBands ??
        resolveBands(c.tiers, {
          quota: ctx.quota?.perPeriod[p],
          bcr,
          quotaLabel: `${ctx.periods[p]?.name} quota`,
        }))
      : undefined;

    // The value line heads every period's trace, whichever way the period is priced.
    const total = startValue.plus(periodValue);
    if (explain)
      trace.push(valueLine(c.measure, yearly, ctx.periods[p]?.name ?? "", total, periodValue, count));
    // Earnings on the values counted so far (year to date, or this period alone).
    let earned: Decimal;
    const missing = c.tiers
      ? quotaMissing(ctx, p, { yearly, onAttainment, needsBcr, measure: c.measure })
      : undefined;
    if (missing !== undefined) {
      earned = ZERO;
      if (attribute) {
        const m = measure as MeasureColumns;
        for (const i of entries) dealRows.push({ id: entryId(m, i), date: entryDate(m, i), earned: "0" });
      }
      if (explain) trace.push(missing);
    } else if (bands && c.tiers) {
      const result = tierEarnings(bands, total, c.tiers.method);
      earned = result.amount;
      if (attribute) {
        // Each deal earns f(before + v) − f(before). Under marginal tiers, when both ends lie in one band that
        // difference is exactly v × the band's rate, which saves evaluating the whole table twice per deal.
        const marginal = c.tiers.method === "marginal";
        let running = startValue;
        let runningBand = bandIndex(bands, running);
        let earnedSoFar: Decimal | undefined;
        const m = measure as MeasureColumns;
        // The running value and the band edges in exact millionths while they fit (see money/fixed.ts): adding
        // and comparing numbers instead of Decimals, deal after deal. NaN anywhere sends the rest to Decimals.
        const edges = bands.map((b) =>
          b.to === null ? Number.POSITIVE_INFINITY : fixedUnits(b.to.toFixed()),
        );
        let runningUnits = edges.some(Number.isNaN) ? Number.NaN : fixedUnits(startValue.toFixed());
        // Each band's rate ready for products with millionths, made when a deal first needs it.
        const rates: (FixedRate | undefined)[] = [];
        for (const i of entries) {
          const units = m.units[i] as number;
          const nextUnits = fixedPlus(runningUnits, units);
          let next: Decimal | undefined;
          let nextBand: number;
          if (Number.isNaN(nextUnits)) {
            if (!Number.isNaN(runningUnits)) running = fixedToDecimal(runningUnits);
            next = running.plus(entryValue(m, i));
            nextBand = bandIndex(bands, next);
          } else {
            nextBand = 0;
            while (nextUnits > (edges[nextBand] as number)) nextBand++;
          }
          if (marginal && nextBand === runningBand && !Number.isNaN(units)) {
            // Within one band the deal earns its value × the band's rate: written straight as text.
            let rate = rates[nextBand];
            if (rate === undefined) {
              rate = fixedRate((bands[nextBand] as TierBand).rate);
              rates[nextBand] = rate;
            }
            dealRows.push({ id: entryId(m, i), date: entryDate(m, i), earned: fixedTimesText(units, rate) });
            earnedSoFar = undefined;
            runningUnits = nextUnits;
            if (next !== undefined) running = next;
            continue;
          }
          const value = entryValue(m, i);
          let inc: Decimal;
          if (marginal && nextBand === runningBand) {
            inc = value.times((bands[nextBand] as TierBand).rate);
            earnedSoFar = undefined;
          } else {
            if (!Number.isNaN(runningUnits)) running = fixedToDecimal(runningUnits);
            next ??= running.plus(value);
            const before = earnedSoFar ?? tierEarnings(bands, running, c.tiers.method).amount;
            earnedSoFar = tierEarnings(bands, next, c.tiers.method).amount;
            inc = earnedSoFar.minus(before);
          }
          dealRows.push({ id: entryId(m, i), date: entryDate(m, i), earned: inc.toString() });
          runningUnits = nextUnits;
          if (next !== undefined) running = next;
          runningBand = nextBand;
        }
      }
      if (explain) {
        trace.push(`${c.tiers.method} tiers on ${formatNumber(total)}:`);
        for (const part of result.parts) {
          const band = bands[part.band] as TierBand;
          trace.push(
            `  ${band.label}: ${formatNumber(part.portion)} × ${formatNumber(band.rate, 6)} = ${formatNumber(part.amount)}`,
          );
        }
        if (!result.parts.length) trace.push("  nothing counted: 0");
      }
    } else {
      let rated = ZERO;
      if (compiled.rates) {
        const m = measure as MeasureColumns;
        for (const i of entries) {
          const amount = entryValue(m, i).times(rowOf(m, i)?.rate ?? ZERO);
          rated = rated.plus(amount);
          if (attribute)
            dealRows.push({ id: entryId(m, i), date: entryDate(m, i), earned: amount.toString() });
        }
      } else {
        // A flat rate: the period's value × the rate, and each deal its own value × the rate.
        rated = periodValue.times(flatRate);
        if (attribute) {
          const m = measure as MeasureColumns;
          const rate = fixedRate(flatRate);
          for (const i of entries) {
            const units = m.units[i] as number;
            dealRows.push({
              id: entryId(m, i),
              date: entryDate(m, i),
              earned: Number.isNaN(units)
                ? entryValue(m, i).times(flatRate).toString()
                : fixedTimesText(units, rate),
            });
          }
        }
      }
      if (yearly) ytdRated = ytdRated.plus(rated);
      earned = yearly ? ytdRated : rated;
      if (explain) {
        if (compiled.rates) {
          const groups = new Map<string, { value: Decimal; amount: Decimal; rate: Decimal }>();
          const m = measure as MeasureColumns;
          for (const i of entries) {
            const row = rowOf(m, i);
            const value = entryValue(m, i);
            const key = row?.label ?? "no rate row matches";
            const g = groups.get(key) ?? { value: ZERO, amount: ZERO, rate: row?.rate ?? ZERO };
            g.value = g.value.plus(value);
            g.amount = g.amount.plus(value.times(g.rate));
            groups.set(key, g);
          }
          for (const [label, g] of groups) {
            trace.push(
              `  ${label}: ${formatNumber(g.value)} × ${formatNumber(g.rate, 6)} = ${formatNumber(g.amount)}`,
            );
          }
        } else {
          trace.push(
            `  ${formatNumber(periodValue)} × rate ${formatNumber(new Decimal(c.rate ?? 0), 6)} = ${formatNumber(rated)}`,
          );
        }
        if (yearly) trace.push(`earned to date: ${formatNumber(earned)}`);
      }
    }
    if (yearly) ytdValue = ytdValue.plus(periodValue);

    // Caps and floors: over the year the cap bounds earnings to date and the floor accrues pro rata by period.
    const periodTarget = ctx.target?.perPeriod[p];
    const cap = c.cap ? limitAmount(c.cap, yearly ? ctx.target?.year : periodTarget) : undefined;
    let floor: { amount: Decimal; label: string } | undefined;
    if (c.floor) {
      floor = yearly
        ? floorToDate(c.floor, { annualTarget: ctx.target?.annual, factors: ctx.factors, through: p })
        : limitAmount(c.floor, periodTarget);
    }
    const bounded = bound(earned, { cap, floor });
    if (explain && bounded.note) trace.push(bounded.note);
    values.push(bounded.value);
    if (explain) traces.set(p, trace);
    if (attribute) deals.set(p, dealRows);
  }
  return { mode: yearly ? "cumulative" : "standalone", values, traces, deals };
}

/**
 * Why tiers that read the quota earn nothing for pay period p, or undefined when they can be priced. No quota
 * means no attainment: tiers on attainment have no band edges (every edge would be 0 × upTo, and the whole
 * value would fall in the open top band), and a band written as a multiple of the base commission rate has no
 * rate (target ÷ quota). Which quota: for `basis: attainment`, the one the edges are placed on (the prorated
 * annual quota over the year, the period's quota per period); for multiplier bands, the annual quota as set.
 *
 * @param ctx - the component's context (its quota schedule and pay periods).
 * @param p - the pay period priced (its index in the year).
 * @param tiers - how the tiers read the quota, and the measure's id for the trace.
 * @returns the trace line saying why the span earns nothing, or undefined.
 * @example
 * ```ts
 * // seasonality [0.4, 0.3, 0.3, 0], over: period: Q4's quota is 0
 * quotaMissing(ctx, 3, { yearly: false, onAttainment: true, needsBcr: false, measure: "bookings" });
 * // "no quota for 2026-Q4 (bookings): attainment undefined, earns 0"
 * ```
 */
export function quotaMissing(
  ctx: RewardContext,
  p: number,
  tiers: { yearly: boolean; onAttainment: boolean; needsBcr: boolean; measure: string },
): string | undefined {
  const quota = ctx.quota;
  if (tiers.onAttainment) {
    const span = tiers.yearly ? quota?.year : quota?.perPeriod[p];
    if (span === undefined || span.isZero()) {
      const name = tiers.yearly ? "the year" : (ctx.periods[p]?.name ?? "");
      return `no quota for ${name} (${tiers.measure}): attainment undefined, earns 0`;
    }
  }
  if (tiers.needsBcr && (quota === undefined || quota.annual.isZero())) {
    return `no annual quota for ${tiers.measure}: the base commission rate (target ÷ quota) is undefined, earns 0`;
  }
  return undefined;
}

function valueLine(
  measure: string,
  yearly: boolean,
  period: string,
  total: Decimal,
  periodValue: Decimal,
  count: number,
): string {
  const deals = `${count} deal${count === 1 ? "" : "s"}`;
  return yearly
    ? `${measure} year to date through ${period}: ${formatNumber(total)} (${period}: ${formatNumber(periodValue)} from ${deals})`
    : `${measure} in ${period}: ${formatNumber(periodValue)} from ${deals}`;
}
