import { Decimal } from "../money/index.js";
import type { ComponentModel } from "../simulate/model.js";
import { type CheckContext, variableComponents } from "./context.js";

/**
 * Where each cap starts to bind: an error below 100% (the target cannot be earned), a warning below the stated
 * attainment (1.5 by default), otherwise information. Then what the cap makes pointless: tier bands that start
 * above it, curve points beyond it.
 */
export function checkCaps(
  ctx: CheckContext,
  components: readonly { c: ComponentModel; i: number }[] = variableComponents(ctx.model),
): void {
  for (const { c, i } of components) {
    if (!c.hasCap) continue;
    const { points, outcomes } = ctx.sweepOf(i);
    const reached = (k: number) => Boolean(outcomes[k]?.atCap);
    const k = points.findIndex((_, j) => reached(j));
    const cap = c.parts[0]?.cap?.amount;
    const capText = cap ? `${ctx.amount(cap)}${perPeriod(ctx, c) ? " a pay period" : ""}` : "";
    if (k < 0) {
      ctx.add({
        severity: "info",
        component: c.id,
        code: "cap_not_reached",
        message: `${c.name} does not reach its cap of ${capText} below ${ctx.percent(ctx.high)} attainment.`,
        numbers: { high: ctx.high.toString(), ...(cap ? { cap: ctx.money(cap) } : {}) },
      });
      continue;
    }
    // Narrow down between the last uncapped point swept and the first capped one.
    let lo = k > 0 ? (points[k - 1] as Decimal) : new Decimal(0);
    let hi = points[k] as Decimal;
    const precision = new Decimal("0.00000001");
    for (let n = 0; n < 80 && hi.minus(lo).gt(precision); n++) {
      const mid = lo.plus(hi).div(2);
      if (c.at(mid).atCap) hi = mid;
      else lo = mid;
    }
    const reach = hi.toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
    const severity = reach.lt(1) ? "error" : reach.lt(ctx.capBelow) ? "warning" : "info";
    const consequence =
      severity === "error"
        ? " The target cannot be earned."
        : severity === "warning"
          ? ` That is below ${ctx.percent(ctx.capBelow)}: strong performers stop earning early.`
          : "";
    ctx.add({
      severity,
      component: c.id,
      code: "cap_reached",
      message: `${c.name} reaches its cap of ${capText} at ${ctx.percent(reach)} attainment.${consequence}`,
      numbers: { attainment: reach.toString(), ...(cap ? { cap: ctx.money(cap) } : {}) },
    });

    // Bands that begin at or above the cap's reach never pay; curve points beyond it never pay more.
    for (const b of c.breakpoints) {
      if (b.kind === "band" && b.band !== undefined && b.attainment.gte(reach)) {
        ctx.add({
          severity: "warning",
          component: c.id,
          code: "band_never_pays",
          message: `Band ${b.band + 2} of ${c.name} (above ${ctx.percent(b.attainment)}) never pays: the cap is reached at ${ctx.percent(reach)}.`,
          numbers: {
            band: String(b.band + 2),
            from: b.attainment.toString(),
            capReachedAt: reach.toString(),
          },
        });
      }
      if (b.kind === "curve" && b.attainment.gt(reach)) {
        ctx.add({
          severity: "warning",
          component: c.id,
          code: "curve_beyond_cap",
          message: `The ${b.label} of ${c.name} lies beyond its cap, reached at ${ctx.percent(reach)}: it never pays more.`,
          numbers: { point: b.attainment.toString(), capReachedAt: reach.toString() },
        });
      }
    }
  }
}

function perPeriod(ctx: CheckContext, c: ComponentModel): boolean {
  const source = ctx.componentOf(c.id);
  return source !== undefined && "over" in source && source.over === "period";
}
