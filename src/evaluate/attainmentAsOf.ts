import { CompplanError } from "../errors/index.js";
import { pace } from "../goals/index.js";
import { Decimal, formatMoney } from "../money/index.js";
import type { Plan } from "../plan/index.js";
import type { CustomOperator } from "../rules/index.js";
import type { EvaluationResult } from "../statement/index.js";
import { type CompiledPlan, compilePlan } from "./compilePlan.js";
import { evaluate } from "./evaluate.js";

/** One participant's attainment of one measure as of a date, over the pay period or the plan year. */
export interface AttainmentAsOfRow {
  participantId: string;
  measure: string;
  /** `period` (the pay period holding the date, against its quota) or `year` (year to date, against the annual quota). */
  scope: "period" | "year";
  span: string;
  value: string;
  quota: string | null;
  attainment: string | null;
  /** The value projected to the span's end at the pace so far (by calendar days elapsed, the as-of day included). */
  projected: string;
  projectedAttainment: string | null;
  /** `needs 42,500.00 more to reach 100%`, then the same for each band edge of the plan (year scope). */
  gaps: string;
}

/**
 * Tracks attainment as of a date: for each participant and measure with a quota, the pay period holding the
 * date and the plan year to date, each with its pace (projected to the end of the span) and what is still
 * needed to reach 100% and, for the year, each attainment band edge of the plan. Transactions dated after the
 * date (by any of the plans' measure date fields) are left out.
 *
 * @example
 * ```ts
 * attainmentAsOf([plan], { participants, transactions, asOf: "2026-08-15" })[0];
 * // { participantId: "ana", measure: "bookings", scope: "period", span: "2026-Q3", attainment: "0.41", gaps: "needs 147,500.00 more to reach 100%", … }
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
  const compiled = plans.map((p) =>
    "periods" in p ? p : compilePlan(p, { operators: options.operators ?? [] }),
  );
  const first = compiled[0];
  if (!first) throw new CompplanError("PLAN_MISSING", "give at least one plan");
  const period = first.periods.find((p) => options.asOf >= p.start && options.asOf <= p.end);
  if (!period)
    throw new CompplanError(
      "PERIOD_INVALID",
      `${options.asOf} is not in plan year ${first.year.name} (${first.year.start} to ${first.year.end})`,
    );
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
    for (const a of s.attainment) {
      if (a.period.quota === null || a.annual.quota === null) continue;
      const edges = bandEdges(cp, a.measure);
      const scopes = [
        {
          scope: "period" as const,
          span: s.period,
          value: a.period.value,
          quota: a.period.quota,
          edges: [] as Decimal[],
        },
        { scope: "year" as const, span: cp.year, value: a.yearToDate.value, quota: a.annual.quota, edges },
      ];
      for (const x of scopes) {
        const p = pace({
          value: x.value,
          quota: x.quota,
          period: x.span,
          asOf: options.asOf,
          edges: x.edges,
          rounding,
        });
        rows.push({
          participantId: s.participantId,
          measure: a.measure,
          scope: x.scope,
          span: x.span.name,
          value: x.value,
          quota: x.quota,
          attainment: p.attainment === null ? null : ratio(p.attainment),
          projected: formatMoney(p.projected, rounding),
          projectedAttainment: p.projectedAttainment === null ? null : ratio(p.projectedAttainment),
          gaps: [p.sentence, ...p.gaps.map((g) => g.sentence)].join("; "),
        });
      }
    }
  }
  return { rows, result };
}

// The attainment levels where a plan's pay changes for a measure: tier edges on attainment, gates, curve points.
function bandEdges(cp: CompiledPlan, measure: string): Decimal[] {
  const edges = new Set<string>();
  for (const c of cp.plan.components) {
    if (c.type === "commission" && c.measure === measure && c.tiers?.basis === "attainment") {
      for (const b of c.tiers.bands)
        if (b.upTo !== undefined && !new Decimal(b.upTo).eq(1)) edges.add(b.upTo);
    }
    if (c.type === "bonus" && c.measure === measure && c.gate !== undefined && !new Decimal(c.gate).eq(1))
      edges.add(c.gate);
  }
  return [...edges].map((e) => new Decimal(e)).sort((a, b) => a.comparedTo(b));
}

function ratio(value: Decimal): string {
  return value.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toString();
}
