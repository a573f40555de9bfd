import { Decimal } from "../money/index.js";
import type { Breakpoint, ComponentModel } from "../simulate/model.js";
import { type CheckContext, variableComponents } from "./context.js";

/**
 * The payout curve of each component, swept from 0 to the high bound: it must never fall (paying less for
 * more is an error, reported where it first happens), and it should have no cliff, a jump at a band edge, a
 * gate or a curve's first point larger than the threshold share of the component's target.
 */
export function checkSweep(
  ctx: CheckContext,
  components: readonly { c: ComponentModel; i: number }[] = variableComponents(ctx.model),
): void {
  for (const { c, i } of components) {
    const { points, outcomes } = ctx.sweepOf(i);
    const exact = outcomes.map((o) => o.exact);
    const paid = outcomes.map((o) => o.paid);

    // Falls: the first place where more attainment pays less.
    let falls = 0;
    let first = -1;
    for (let k = 1; k < points.length; k++) {
      if ((exact[k] as Decimal).lt(exact[k - 1] as Decimal)) {
        falls++;
        if (first < 0) first = k;
      }
    }
    if (first > 0) {
      const at = near(c.breakpoints, points[first - 1] as Decimal, points[first] as Decimal, ctx.epsilon);
      const before = paid[first - 1] as Decimal;
      const after = paid[first] as Decimal;
      ctx.add({
        severity: "error",
        component: c.id,
        code: "payout_falls",
        message:
          `${c.name} pays less for more: ${ctx.amount(before)} at ${ctx.percent(points[first - 1] as Decimal, 4)} attainment ` +
          `but ${ctx.amount(after)} at ${ctx.percent(points[first] as Decimal, 4)}` +
          `${at ? ` (at ${at.label})` : ""}, ${ctx.amount(before.minus(after))} less.` +
          (falls > 1
            ? ` The curve falls at ${falls} of the ${points.length} points swept up to ${ctx.percent(ctx.high)}.`
            : ""),
        numbers: {
          from: (points[first - 1] as Decimal).toString(),
          to: (points[first] as Decimal).toString(),
          before: ctx.money(before),
          after: ctx.money(after),
          fall: ctx.money(before.minus(after)),
        },
      });
    }

    // Cliffs: a jump up across a breakpoint, compared with the component's target (or its pay at 100%).
    const scale = c.targetYear ?? outcomeAtOne(ctx, i);
    if (!scale || scale.isZero()) continue;
    const threshold = scale.times(ctx.cliff);
    const index = (a: Decimal) => indexOf(points, a);
    const seen = new Set<string>();
    for (const b of c.breakpoints) {
      if (b.attainment.gt(ctx.high) || seen.has(b.attainment.toString())) continue;
      const k = index(b.attainment);
      if (k < 0) continue;
      const left = k > 0 && points[k - 1]?.eq(b.attainment.minus(ctx.epsilon)) ? k - 1 : k;
      const right = points[k + 1]?.eq(b.attainment.plus(ctx.epsilon)) ? k + 1 : k;
      // The jump is on whichever side of the point the payout steps: a gate pays from the point on, a
      // retroactive band edge changes rate just above it.
      const up = (exact[k] as Decimal).minus(exact[left] as Decimal);
      const upRight = (exact[right] as Decimal).minus(exact[k] as Decimal);
      const [from, to] = up.gte(upRight) ? [left, k] : [k, right];
      const jump = (paid[to] as Decimal).minus(paid[from] as Decimal);
      if (!jump.gt(threshold)) continue;
      seen.add(b.attainment.toString());
      const labels = c.breakpoints
        .filter((x) => x.attainment.eq(b.attainment))
        .map((x) => x.label)
        .join(" and ");
      const share = jump.div(scale);
      ctx.add({
        severity: "warning",
        component: c.id,
        code: "cliff",
        message:
          `${c.name} jumps by ${ctx.amount(jump)} (${ctx.percent(share)} of ${c.targetYear ? "its target" : "its pay at 100%"} ` +
          `${ctx.amount(scale)}) at ${ctx.percent(b.attainment, 4)} attainment, ${labels}: ` +
          `${ctx.amount(paid[from] as Decimal)} just ${from < k ? "below" : "at"} it, ${ctx.amount(paid[to] as Decimal)} ${to > k ? "just above" : "at"} it. ` +
          `A participant just short of it has a strong reason to move a deal across it.`,
        numbers: {
          attainment: b.attainment.toString(),
          before: ctx.money(paid[from] as Decimal),
          after: ctx.money(paid[to] as Decimal),
          jump: ctx.money(jump),
          target: ctx.money(scale),
          share: ctx.ratio(share),
        },
      });
    }
  }
}

function outcomeAtOne(ctx: CheckContext, i: number): Decimal | undefined {
  return ctx.model.components[i]?.at(new Decimal(1)).paid;
}

// The index of a in the ascending points, or -1: a binary search (a component may have many breakpoints).
function indexOf(points: readonly Decimal[], a: Decimal): number {
  let lo = 0;
  let hi = points.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const order = (points[mid] as Decimal).comparedTo(a);
    if (order === 0) return mid;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

// The breakpoint a step between two swept points crosses or touches, if any.
function near(
  points: readonly Breakpoint[],
  a: Decimal,
  b: Decimal,
  epsilon: Decimal,
): Breakpoint | undefined {
  return points.find((p) => p.attainment.gte(a.minus(epsilon)) && p.attainment.lte(b.plus(epsilon)));
}
