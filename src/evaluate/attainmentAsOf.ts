import { CompplanError } from "../errors/index.js";
import { attainmentReport, pace } from "../goals/index.js";
import { Decimal, formatMoney } from "../money/index.js";
import type { Plan } from "../plan/index.js";
import type { CustomOperator } from "../rules/index.js";
import type { EvaluationResult } from "../statement/index.js";
import { checkEvaluateOptions } from "./checkEvaluateOptions.js";
import { checkPlans } from "./checkPlans.js";
import { type CompiledPlan, compilePlan } from "./compilePlan.js";
import { evaluate } from "./evaluate.js";

/** One participant's attainment of one measure as of a date, over one span and against one basis. */
export interface AttainmentAsOfRow {
  participantId: string;
  measure: string;
  /** `period` (the pay period holding the date), `quarter-to-date` or `year-to-date`. */
  scope: string;
  /** `quota-to-date` (the quotas of the span's periods) or `annual-quota` (the year's quota). */
  basis: string;
  from: string;
  to: string;
  value: string;
  quota: string;
  attainment: string | null;
  /**
   * The value projected to the end of the span at the pace so far (calendar days elapsed, the as-of day
   * included): on the pay period against its quota, and on the year to date against the annual quota.
   */
  projected: string | null;
  projectedAttainment: string | null;
  /** `needs 42,500.00 more to reach 100%`, and for the year the same for each band edge of the plan. */
  gaps: string | null;
}

/**
 * Tracks attainment as of a date, for each participant and each measure with a quota: the pay period holding
 * the date, the quarter to date and the year to date, each against the quota to date and against the annual
 * quota (both are in use, so both are given and labelled), with the pace and what is still needed to reach
 * 100% and each attainment band edge of the plan. Transactions dated after the date (by any of the plans'
 * measure date fields) are left out.
 *
 * @example
 * ```ts
 * const { rows } = attainmentAsOf([plan], { participants, transactions, asOf: "2026-03-31" });
 * rows.find((r) => r.scope === "year-to-date" && r.basis === "quota-to-date")?.attainment; // "1"
 * ```
 */
export function attainmentAsOf(
  plans: readonly (Plan | CompiledPlan)[],
  options: {
    participants: readonly Record<string, unknown>[];
    transactions: readonly Record<string, unknown>[];
    asOf: string;
    operators?: readonly CustomOperator[];
  },
): { rows: AttainmentAsOfRow[]; result: EvaluationResult } {
  checkEvaluateOptions("attainmentAsOf", options, "asOf");
  const compiled = checkPlans("attainmentAsOf", plans, options.operators).map((p) =>
    "periods" in p ? p : compilePlan(p, { operators: options.operators ?? [] }),
  );
  const first = compiled[0];
  if (!first) throw new CompplanError("PLAN_MISSING", "give at least one plan");
  const period = first.periods.find((p) => options.asOf >= p.start && options.asOf <= p.end);
  if (!period) {
    throw new CompplanError(
      "PERIOD_INVALID",
      `${options.asOf} is not in plan year ${first.year.name} (${first.year.start} to ${first.year.end})`,
    );
  }
  const dateFields = new Set(compiled.flatMap((cp) => [...cp.measures.values()].map((m) => m.dateField)));
  const transactions = options.transactions.filter((t) =>
    [...dateFields].every((f) => typeof t[f] !== "string" || (t[f] as string) <= options.asOf),
  );
  const result = evaluate(compiled, {
    participants: options.participants,
    transactions,
    period: period.name,
    deals: false,
    ...(options.operators ? { operators: options.operators } : {}),
  });
  const rows: AttainmentAsOfRow[] = [];
  for (const s of result.statements) {
    const cp = compiled.find((c) => c.plan.id === s.plan) as CompiledPlan;
    const rounding = cp.plan.rounding;
    const money = (d: Decimal) => formatMoney(d, rounding);
    for (const a of s.attainment) {
      if (a.annual.quota === null) continue;
      const report = attainmentReport({
        measure: a.measure,
        periods: a.periods.map((p) => ({
          name: p.period,
          start: p.start,
          end: p.end,
          value: p.value,
          quota: p.quota ?? 0,
        })),
        asOf: options.asOf,
        annualQuota: a.annual.quota,
        yearStart: cp.year.start,
      });
      for (const line of report.lines) {
        // Pace where it is read: the pay period against its own quota, the year against the annual quota.
        const span =
          line.scope === "period" && line.basis === "quota-to-date"
            ? { start: line.from, end: line.to, edges: [] as Decimal[] }
            : line.scope === "year-to-date" && line.basis === "annual-quota"
              ? { start: cp.year.start, end: cp.year.end, edges: bandEdges(cp, a.measure) }
              : undefined;
        const p = span
          ? pace({
              value: line.value,
              quota: line.quota,
              period: span,
              asOf: options.asOf,
              edges: span.edges,
              rounding,
            })
          : undefined;
        rows.push({
          participantId: s.participantId,
          measure: a.measure,
          scope: line.scope,
          basis: line.basis,
          from: line.from,
          to: line.to,
          value: money(line.value),
          quota: money(line.quota),
          attainment: line.attainment === null ? null : ratio(line.attainment),
          projected: p ? money(p.projected) : null,
          projectedAttainment: p?.projectedAttainment ? ratio(p.projectedAttainment) : null,
          gaps: p ? [p.sentence, ...p.gaps.map((g) => g.sentence)].join("; ") : null,
        });
      }
    }
  }
  return { rows, result };
}

// The attainment levels where a plan's pay changes for a measure: tier edges on attainment and bonus gates.
function bandEdges(cp: CompiledPlan, measure: string): Decimal[] {
  const edges = new Set<string>();
  for (const c of cp.plan.components) {
    if (c.type === "commission" && c.measure === measure && c.tiers?.basis === "attainment") {
      for (const b of c.tiers.bands)
        if (b.upTo !== undefined && !new Decimal(b.upTo).eq(1)) edges.add(b.upTo);
    }
    if (c.type === "bonus" && c.measure === measure && c.gate !== undefined && !new Decimal(c.gate).eq(1)) {
      edges.add(c.gate);
    }
  }
  return [...edges].map((e) => new Decimal(e)).sort((a, b) => a.comparedTo(b));
}

function ratio(value: Decimal): string {
  return value.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toString();
}
