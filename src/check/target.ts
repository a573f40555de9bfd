import { Decimal, ZERO } from "../money/index.js";
import type { CommissionComponent } from "../plan/index.js";
import { bandIndex, readCurve, resolveBands, type TierBand, tierEarnings } from "../reward/index.js";
import type { ComponentModel } from "../simulate/model.js";
import { type CheckContext, variableComponents } from "./context.js";

/**
 * Pay at exactly 100% attainment against each component's target incentive. When a commission misses it, says
 * what it pays instead and the rate that would pay the target: for a flat rate or a rate table, target ÷ the
 * volume at 100%; for tiers, the rate the band holding 100% would need (and the multiple of the base commission
 * rate, for a band written as one). For a bonus, the curve's value at 100%.
 */
export function checkTargets(ctx: CheckContext): void {
  const one = new Decimal(1);
  const outcome = ctx.model.at(one);
  for (const { c, i } of variableComponents(ctx.model)) {
    if (c.targetYear === undefined) continue;
    const o = outcome.components[i] as (typeof outcome.components)[number];
    const target = c.targetYear;
    const paid = o.paid;
    const wanted = new Decimal(ctx.money(target));
    const difference = paid.minus(wanted);
    const numbers: Record<string, string> = {
      attainment: "1",
      payout: ctx.money(paid),
      target: ctx.money(target),
      difference: ctx.money(difference),
    };
    if (difference.isZero()) {
      ctx.add({
        severity: "info",
        component: c.id,
        code: "target_met",
        message: `${c.name} pays exactly its target of ${ctx.amount(target)} at 100% attainment.`,
        numbers,
      });
      continue;
    }
    const off = target.isZero() ? new Decimal(1) : difference.abs().div(target);
    const severity = off.gt(ctx.targetTolerance) ? "error" : "warning";
    let why = "";
    const source = ctx.componentOf(c.id);
    if (o.capped) why = ` Its cap is reached before 100%.`;
    else if (source?.type === "commission") why = commissionRemedy(ctx, c, source, o.value, target, numbers);
    else if (source?.type === "bonus") {
      // The model has one component per compiled component, in the same order.
      const points = ctx.model.compiled.components[i]?.curve ?? [];
      const fraction = readCurve(
        points,
        one,
        source.gate !== undefined ? new Decimal(source.gate) : undefined,
      ).fraction;
      numbers.fractionAt100 = ctx.ratio(fraction);
      why = ` Its curve pays ${ctx.ratio(fraction)} of the target at 100%; for 100% to pay the target it should pass through (1, 1).`;
    }
    ctx.add({
      severity,
      component: c.id,
      code: "target_mismatch",
      message:
        `${c.name} pays ${ctx.amount(paid)} at 100% attainment, not its target of ${ctx.amount(target)}: ` +
        `${ctx.amount(difference.abs())} ${difference.isNegative() ? "less" : "more"} (${ctx.percent(off)} of the target).${why}`,
      numbers,
    });
  }
}

// What a commission would need to pay its target at 100%. Earnings at 100% are linear in the rate of the band
// holding 100% (or in the flat rate): earnings = rest + rate × W, where W is the volume paid at that rate.
function commissionRemedy(
  ctx: CheckContext,
  c: ComponentModel,
  source: CommissionComponent,
  value: Decimal,
  target: Decimal,
  numbers: Record<string, string>,
): string {
  const measure = c.measure ?? "";
  if (!source.tiers) {
    if (value.isZero()) return "";
    const implied = target.div(value);
    numbers.impliedRate = ctx.ratio(implied);
    numbers.value = ctx.money(value);
    const table = source.rates ? " (the rate table priced as assumed, see its note)" : "";
    return ` At 100% the volume is ${ctx.amount(value)} of ${measure}${table}; a rate of ${ctx.percent(implied, 4)} would pay the target.`;
  }
  // The tiers as the engine places them, for the year or for each pay period, at 100% attainment.
  const volume = ctx.model.volumes.get(measure);
  if (!volume) return "";
  const annualTarget = c.target ?? ZERO;
  const bcr = volume.annual.isZero() ? undefined : annualTarget.div(volume.annual);
  const places =
    source.over === "year"
      ? [{ quota: volume.year, value: volume.year }]
      : volume.perPeriod.map((v) => ({ quota: v, value: v }));
  let earned = ZERO;
  let w = ZERO;
  let band = -1;
  let rate = ZERO;
  for (const place of places) {
    const bands: TierBand[] = resolveBands(source.tiers, { quota: place.quota, bcr });
    const b = bandIndex(bands, place.value);
    band = b;
    rate = (bands[b] as TierBand).rate;
    const result = tierEarnings(bands, place.value, source.tiers.method);
    earned = earned.plus(result.amount);
    for (const part of result.parts) if (part.band === b) w = w.plus(part.portion);
  }
  if (band < 0 || w.isZero()) return "";
  const implied = target.minus(earned.minus(rate.times(w))).div(w);
  if (implied.isNegative()) return "";
  numbers.band = String(band + 1);
  numbers.impliedRate = ctx.ratio(implied);
  const written = source.tiers.bands[band];
  let multiple = "";
  if (written?.multiplier !== undefined && bcr && !bcr.isZero()) {
    const m = implied.div(bcr);
    numbers.impliedMultiplier = ctx.ratio(m);
    multiple = ` (${ctx.ratio(m)} × the base commission rate ${ctx.percent(bcr, 4)}, instead of ${written.multiplier})`;
  } else if (written?.rate !== undefined)
    multiple = ` (instead of ${ctx.percent(new Decimal(written.rate), 4)})`;
  return ` Band ${band + 1}, which holds 100%, would need a rate of ${ctx.percent(implied, 4)}${multiple} for 100% to pay the target.`;
}
