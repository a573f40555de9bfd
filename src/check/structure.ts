import { plusDays, plusMonths } from "../calendar/index.js";
import { Decimal } from "../money/index.js";
import type { CheckContext } from "./context.js";

/**
 * Parts of a plan that can never apply, read from its structure: rate-table rows after a catch-all row or
 * repeating an earlier row's condition, SPIFF windows outside the plan year, curve points below the gate, a
 * gate that changes nothing. (`parsePlan` already refuses some of these; a plan built in code is checked too.)
 */
export function checkStructure(ctx: CheckContext): void {
  const plan = ctx.plan;
  const yearStart = plan.year.start;
  const yearEnd = plusDays(plusMonths(yearStart, 12), -1);
  for (const c of plan.components) {
    const name = c.name ?? c.id;
    if (c.type === "commission" && c.rates) {
      const catchAll = c.rates.findIndex((r) => r.when === undefined);
      c.rates.forEach((row, k) => {
        const label = row.label ? `"${row.label}"` : `${k + 1}`;
        if (catchAll >= 0 && k > catchAll) {
          ctx.add({
            severity: "error",
            component: c.id,
            code: "rate_row_unreachable",
            message: `Rate row ${label} of ${name} never applies: row ${catchAll + 1} above it has no condition and takes every deal.`,
            numbers: { row: String(k + 1), catchAll: String(catchAll + 1), rate: row.rate },
          });
          return;
        }
        const same =
          row.when === undefined
            ? -1
            : c.rates?.findIndex((r, j) => j < k && sameCondition(r.when, row.when));
        if (same !== undefined && same >= 0) {
          ctx.add({
            severity: "warning",
            component: c.id,
            code: "rate_row_duplicate",
            message: `Rate row ${label} of ${name} never applies: row ${same + 1} has the same condition and comes first.`,
            numbers: { row: String(k + 1), sameAs: String(same + 1), rate: row.rate },
          });
        }
      });
    }
    if (c.type === "spiff") {
      const { from, to } = c.window;
      const numbers = { from, to, yearStart, yearEnd };
      if (from > to) {
        ctx.add({
          severity: "error",
          component: c.id,
          code: "window_empty",
          message: `The window of ${name} ends (${to}) before it starts (${from}): it never pays.`,
          numbers,
        });
      } else if (to < yearStart || from > yearEnd) {
        ctx.add({
          severity: "error",
          component: c.id,
          code: "window_outside_year",
          message: `The window of ${name}, ${from} to ${to}, lies outside the plan year ${yearStart} to ${yearEnd}: it never pays.`,
          numbers,
        });
      } else if (from < yearStart || to > yearEnd) {
        ctx.add({
          severity: "warning",
          component: c.id,
          code: "window_partly_outside_year",
          message: `The window of ${name}, ${from} to ${to}, runs outside the plan year ${yearStart} to ${yearEnd}: deals outside the year never pay.`,
          numbers,
        });
      }
    }
    if (c.type === "bonus" && c.gate !== undefined) {
      const gate = new Decimal(c.gate);
      // A segment of the curve that ends at or below the gate is never read.
      c.curve.forEach(([x, y], k) => {
        const next = c.curve[k + 1];
        if (!next || !new Decimal(next[0]).lte(gate)) return;
        ctx.add({
          severity: "warning",
          component: c.id,
          code: "curve_below_gate",
          message: `The curve of ${name} from (${x}, ${y}) to (${next[0]}, ${next[1]}) lies below the gate ${c.gate} and never pays.`,
          numbers: { from: String(x), to: String(next[0]), gate: String(c.gate) },
        });
      });
      const first = c.curve[0] as [string, string];
      if (gate.lte(first[0])) {
        ctx.add({
          severity: "info",
          component: c.id,
          code: "gate_redundant",
          message: `The gate ${c.gate} of ${name} is ${gate.eq(first[0]) ? "at" : "below"} the curve's first point (${first[0]}, ${first[1]}), which already pays nothing below it: the gate changes nothing.`,
          numbers: { gate: String(c.gate), firstPoint: String(first[0]) },
        });
      }
    }
  }
}

function sameCondition(a: unknown, b: unknown): boolean {
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
