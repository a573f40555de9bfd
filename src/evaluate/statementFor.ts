import type { Period } from "../calendar/index.js";
import { prorationFactor, quotaSchedule, targetSchedule } from "../goals/index.js";
import type { Participant } from "../input/index.js";
import type { MeasureColumns } from "../measure/measureTable.js";
import { Decimal, formatMoney, type Rounding, ZERO } from "../money/index.js";
import { settle } from "../pay/index.js";
import { componentTarget, type Plan } from "../plan/index.js";
import { type ComponentNeeds, componentKinds, type RewardContext } from "../reward/index.js";
import type { MeasureAttainment, Statement, StatementLine } from "../statement/index.js";
import type { CompiledPlan } from "./compilePlan.js";

export function quotaOf(plan: Plan, p: Participant, measure: string): Decimal | undefined {
  const v = p.targets.quota[measure] ?? plan.targets.quota?.[measure];
  return v === undefined ? undefined : new Decimal(v);
}

export function variableOf(plan: Plan, p: Participant): Decimal | undefined {
  const v = p.targets.variable ?? plan.targets.variable;
  return v === undefined ? undefined : new Decimal(v);
}

/** One participant's statement for the span of pay periods: reward, pay and the statement's lines. */
export function statementFor(
  cp: CompiledPlan,
  p: Participant,
  span: { period: Period; from: number; through: number },
  measures: Map<string, MeasureColumns>,
  credits: MeasureColumns | undefined,
  withDeals: boolean,
): Statement {
  const plan = cp.plan;
  const _n = cp.periods.length;
  const rounding: Rounding = plan.rounding;
  const employment = { hireDate: p.hireDate ?? null, terminationDate: p.terminationDate ?? null };
  const prorations = cp.periods.map((period) => prorationFactor({ period, ...employment }));
  const factors = prorations.map((x) => x.factor);

  // Quotas per measure: each pay period's (seasonality, ramp, proration), and the year's as their sum.
  const quotas = new Map<string, { annual: Decimal; year: Decimal; perPeriod: Decimal[] }>();
  const quotaFor = (measure: string) => {
    const cached = quotas.get(measure);
    if (cached) return cached;
    const annual = quotaOf(plan, p, measure);
    if (annual === undefined) return undefined;
    const q = quotaSchedule({
      annual,
      periods: cp.periods,
      shares: cp.measures.get(measure)?.seasonality,
      ...employment,
      ramp: p.ramp,
    });
    quotas.set(measure, q);
    return q;
  };

  const lines: StatementLine[] = [];
  let total = ZERO;
  for (const compiled of cp.components) {
    const c = compiled.source;
    const kind = componentKinds[c.type];
    const needs: ComponentNeeds = kind.needs(c);
    const ctx: RewardContext = {
      periods: cp.periods,
      from: span.from,
      through: span.through,
      factors,
      prorations,
      attribute: withDeals,
    };
    if (needs.measure) {
      const m = measures.get(needs.measure);
      if (m) ctx.measure = m;
    }
    if (needs.quota && needs.measure) {
      const q = quotaFor(needs.measure);
      if (q) ctx.quota = q;
    }
    if (needs.measure && !ctx.quota) {
      // Components that do not need a quota still get one when there is one, for attainment-based traces.
      const q = quotaFor(needs.measure);
      if (q) ctx.quota = q;
    }
    const declared = componentTarget(c);
    if (needs.target && declared) {
      const annual =
        declared.target !== undefined
          ? new Decimal(declared.target)
          : (variableOf(plan, p) ?? ZERO).times(declared.share ?? 0);
      ctx.target = targetSchedule({ annual, periods: cp.periods, ...employment });
    }
    if (needs.base && c.type === "base") {
      const v = p.targets.base ?? c.amount ?? plan.targets.base;
      ctx.base = new Decimal(v ?? 0);
    }
    if (needs.credits && credits) ctx.credits = credits;

    const earnings = kind.earnings(compiled, ctx);
    const settled = settle(earnings, { rounding, from: span.from, through: span.through });
    const multi = span.through > span.from;
    const trace: string[] = [];
    for (let i = span.from; i <= span.through; i++) {
      const lines = earnings.traces.get(i) ?? [];
      if (multi) trace.push(`${cp.periods[i]?.name}:`, ...lines.map((l) => `  ${l}`));
      else trace.push(...lines);
    }
    trace.push(
      earnings.mode === "cumulative"
        ? `payable = earned to date ${formatMoney(settled.earnedToDate, rounding)} − paid before ${formatMoney(settled.paidBefore, rounding)} = ${formatMoney(settled.amount, rounding)} (rounded ${rounding.mode} to ${rounding.scale} decimals)`
        : `payable = ${formatMoney(settled.amount, rounding)} (rounded ${rounding.mode} to ${rounding.scale} decimals${multi ? ", per period" : ""})`,
    );
    const deals = withDeals
      ? Array.from(
          { length: span.through - span.from + 1 },
          (_, k) => earnings.deals.get(span.from + k) ?? [],
        )
          .flat()
          .map((d) => ({ id: d.id, date: d.date, earned: d.earned.toString() }))
      : [];
    total = total.plus(settled.amount);
    lines.push({
      component: c.id,
      name: c.name ?? c.id,
      type: c.type,
      amount: formatMoney(settled.amount, rounding),
      earnedToDate: formatMoney(settled.earnedToDate, rounding),
      paidBefore: formatMoney(settled.paidBefore, rounding),
      periods: settled.perPeriod.map((x) => ({
        period: cp.periods[x.index]?.name ?? "",
        amount: formatMoney(x.amount, rounding),
      })),
      trace,
      deals,
    });
  }

  const attainment: MeasureAttainment[] = [];
  for (const [id, m] of measures) {
    const q = quotaFor(id);
    const sum = (xs: readonly Decimal[], a: number, b: number) =>
      xs.slice(a, b + 1).reduce((s, x) => s.plus(x), ZERO);
    const figures = (value: Decimal, quota: Decimal | undefined) => ({
      value: formatMoney(value, rounding),
      quota: quota === undefined ? null : formatMoney(quota, rounding),
      attainment: quota === undefined || quota.isZero() ? null : ratio(value.div(quota)),
    });
    const ytd = sum(m.perPeriod, 0, span.through);
    attainment.push({
      measure: id,
      period: figures(
        sum(m.perPeriod, span.from, span.through),
        q && sum(q.perPeriod, span.from, span.through),
      ),
      yearToDate: figures(ytd, q && sum(q.perPeriod, 0, span.through)),
      annual: figures(ytd, q?.year),
      periods: cp.periods.slice(0, span.through + 1).map((period, i) => ({
        period: period.name,
        start: period.start,
        end: period.end,
        value: formatMoney(m.perPeriod[i] as Decimal, rounding),
        quota: q ? formatMoney(q.perPeriod[i] as Decimal, rounding) : null,
      })),
    });
  }

  return {
    participantId: p.id,
    name: p.name ?? null,
    plan: plan.id,
    currency: p.currency ?? plan.currency,
    period: { name: span.period.name, start: span.period.start, end: span.period.end },
    lines,
    attainment,
    total: formatMoney(total, rounding),
  };
}

// Attainment as a fraction with six decimals, trailing zeros dropped ("0.975", "1").
function ratio(value: Decimal): string {
  return value.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toString();
}
