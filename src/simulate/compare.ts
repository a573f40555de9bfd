import { checkArgument } from "../errors/checkArgument.js";
import type { RecordIssue } from "../errors/index.js";
import { checkPlanArgument } from "../evaluate/checkPlans.js";
import { type CompiledPlan, evaluate } from "../evaluate/index.js";
import { Decimal, formatMoney, type Rounding, ZERO } from "../money/index.js";
import type { Plan } from "../plan/index.js";
import type { CustomOperator } from "../rules/index.js";
import type { Statement } from "../statement/index.js";

/** Options of {@link comparePlans}: the inputs of `evaluate`, applied to both plans. */
export interface ComparePlansOptions {
  /** Participant records; each is evaluated on plan A, then on plan B (their own `plan` field is ignored). */
  participants: readonly Record<string, unknown>[];
  transactions: readonly Record<string, unknown>[];
  /** `2026`, `2026-H1`, `2026-Q3` or `2026-07`. */
  period: string;
  operators?: readonly CustomOperator[];
}

/** One participant's payable for one component under both plans. `difference` is B − A. */
export interface CompareRow {
  participantId: string;
  name: string;
  /** A component id of either plan, or `total`. */
  component: string;
  a: string;
  b: string;
  difference: string;
}

/** One participant in total under both plans. */
export interface CompareParticipant {
  participantId: string;
  name: string;
  a: string;
  b: string;
  difference: string;
  /** `wins` when plan B pays more, `loses` when less, `same` otherwise. */
  outcome: "wins" | "loses" | "same";
}

/** The result of {@link comparePlans}: plain rows of decimal strings. */
export interface PlanComparison {
  period: string;
  planA: string;
  planB: string;
  /** Per participant and component (and `total`), every participant in id order. */
  rows: CompareRow[];
  /** Per participant in total. */
  participants: CompareParticipant[];
  /** Per component over all participants, then `total`. */
  totals: { component: string; a: string; b: string; difference: string }[];
  /** Participant ids paid more under B, largest gain first; paid less, largest loss first. */
  winners: string[];
  losers: string[];
  /** Records rejected under either plan (a participant missing a target plan B needs, say). */
  rejects: { a: RecordIssue[]; b: RecordIssue[] };
}

/**
 * Plan A against plan B on the same participants and transactions: evaluates both with `evaluate` and lines up
 * the payables per participant and component. Components are matched by id; one only in A (or B) pays zero in
 * the other. Amounts are at plan A's scale.
 *
 * @example
 * ```ts
 * const c = comparePlans(current, proposed, { participants, transactions, period: "2026" });
 * c.totals.at(-1); // { component: "total", a: "…", b: "…", difference: "…" }
 * c.losers;       // who earns less under the proposal
 * ```
 */
export function comparePlans(
  planA: Plan | CompiledPlan,
  planB: Plan | CompiledPlan,
  options: ComparePlansOptions,
): PlanComparison {
  checkArgument("comparePlans", "options", options, "object");
  checkPlanArgument("comparePlans", "planA", planA);
  checkPlanArgument("comparePlans", "planB", planB);
  const run = (plan: Plan | CompiledPlan) => {
    const id = "periods" in plan ? plan.plan.id : plan.id;
    return evaluate([plan], {
      participants: options.participants.map((p) => ({ ...p, plan: id })),
      transactions: options.transactions,
      period: options.period,
      deals: false,
      ...(options.operators ? { operators: options.operators } : {}),
    });
  };
  const ra = run(planA);
  const rb = run(planB);
  const pa = "periods" in planA ? planA.plan : planA;
  const pb = "periods" in planB ? planB.plan : planB;
  const rounding: Rounding = pa.rounding;
  const money = (d: Decimal) => formatMoney(d, rounding);
  const componentIds = [
    ...pa.components.map((c) => c.id),
    ...pb.components.map((c) => c.id).filter((id) => !pa.components.some((c) => c.id === id)),
  ];
  const byA = new Map(ra.statements.map((s) => [s.participantId, s]));
  const byB = new Map(rb.statements.map((s) => [s.participantId, s]));
  const ids = [...new Set([...byA.keys(), ...byB.keys()])].sort();
  const amount = (s: Statement | undefined, component: string) => {
    const line = s?.lines.find((l) => l.component === component);
    return line ? new Decimal(line.amount) : ZERO;
  };

  const rows: CompareRow[] = [];
  const participants: (CompareParticipant & { diff: Decimal })[] = [];
  const sums = new Map(componentIds.map((id) => [id, { a: ZERO, b: ZERO }]));
  let totalA = ZERO;
  let totalB = ZERO;
  for (const id of ids) {
    const sa = byA.get(id);
    const sb = byB.get(id);
    const name = sa?.name ?? sb?.name ?? "";
    for (const component of componentIds) {
      const a = amount(sa, component);
      const b = amount(sb, component);
      const sum = sums.get(component) as { a: Decimal; b: Decimal };
      sum.a = sum.a.plus(a);
      sum.b = sum.b.plus(b);
      rows.push({
        participantId: id,
        name,
        component,
        a: money(a),
        b: money(b),
        difference: money(b.minus(a)),
      });
    }
    const a = sa ? new Decimal(sa.total) : ZERO;
    const b = sb ? new Decimal(sb.total) : ZERO;
    totalA = totalA.plus(a);
    totalB = totalB.plus(b);
    const diff = b.minus(a);
    rows.push({
      participantId: id,
      name,
      component: "total",
      a: money(a),
      b: money(b),
      difference: money(diff),
    });
    participants.push({
      participantId: id,
      name,
      a: money(a),
      b: money(b),
      difference: money(diff),
      outcome: diff.gt(0) ? "wins" : diff.lt(0) ? "loses" : "same",
      diff,
    });
  }
  const ranked = [...participants].sort(
    (x, y) => y.diff.comparedTo(x.diff) || cmp(x.participantId, y.participantId),
  );
  return {
    period: options.period,
    planA: pa.id,
    planB: pb.id,
    rows,
    participants: participants.map(({ diff: _, ...p }) => p),
    totals: [
      ...componentIds.map((component) => {
        const s = sums.get(component) as { a: Decimal; b: Decimal };
        return { component, a: money(s.a), b: money(s.b), difference: money(s.b.minus(s.a)) };
      }),
      { component: "total", a: money(totalA), b: money(totalB), difference: money(totalB.minus(totalA)) },
    ],
    winners: ranked.filter((p) => p.diff.gt(0)).map((p) => p.participantId),
    losers: [...participants]
      .sort((x, y) => x.diff.comparedTo(y.diff) || cmp(x.participantId, y.participantId))
      .filter((p) => p.diff.lt(0))
      .map((p) => p.participantId),
    rejects: {
      a: [...ra.participants.rejects, ...ra.transactions.rejects],
      b: [...rb.participants.rejects, ...rb.transactions.rejects],
    },
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
