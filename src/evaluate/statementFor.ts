import type { Period } from "../calendar/index.js";
import { type Proration, prorationFactor, quotaSchedule, targetSchedule } from "../goals/index.js";
import type { Participant } from "../input/index.js";
import { flatText } from "../money/flatText.js";
import { Decimal, formatMoney, type Rounding, ZERO } from "../money/index.js";
import { digitsOf, roundDigits, scaledDigits, scaledParts, zeroPlus } from "../money/roundMoney.js";
import { settle } from "../pay/index.js";
import type { Plan } from "../plan/index.js";
import { ownValue } from "../plan/ownValue.js";
import { componentKinds, type DealEarning, type RewardContext } from "../reward/index.js";
import type { AttainmentFigures, MeasureAttainment, Statement, StatementLine } from "../statement/index.js";
import { type CompiledPlan, SCHEDULE_MEMO_SIZE } from "./compilePlan.js";

// What the measure stage hands over, passed through to the components as it is; only `perPeriod` is read here.
type MeasureValues = NonNullable<RewardContext["measure"]>;
type Quota = NonNullable<RewardContext["quota"]>;

function variableOf(plan: Plan, p: Participant): Decimal | undefined {
  const v = p.targets.variable ?? plan.targets.variable;
  return v === undefined ? undefined : new Decimal(v);
}

/**
 * One participant's statement for the span of pay periods: reward, pay and the statement's lines.
 *
 * This runs once per participant, so it does only what depends on the participant: what depends on the plan
 * alone (what each component needs, its target or share, parsed) was done by compilePlan, employment is
 * prorated once and shared by every component, and each number printed twice is printed once.
 */
export function statementFor(
  cp: CompiledPlan,
  p: Participant,
  span: { period: Period; from: number; through: number },
  measures: Map<string, MeasureValues>,
  credits: RewardContext["credits"],
  withDeals: boolean,
): Statement {
  const plan = cp.plan;
  const periods = cp.periods;
  const { from, through } = span;
  const rounding: Rounding = plan.rounding;
  const employment = { hireDate: p.hireDate ?? null, terminationDate: p.terminationDate ?? null };
  const prorations = prorationsOf(cp, employment);
  const factors = prorations.map((x) => x.factor);
  // Employed every day of the year: quotas and targets then depend on the annual amounts alone (see the memos).
  const wholeYear = prorations.every((x) => x.daysEmployed === x.daysInPeriod);

  // Quotas per measure: each pay period's (seasonality, ramp, proration), and the year's as their sum.
  const quotas: Quotas = { cp, p, employment, wholeYear, byMeasure: new Map() };
  let variable: Decimal | undefined | null = null; // null: not read yet

  const multi = through > from;
  const roundingNote = `rounded ${rounding.mode} to ${rounding.scale} decimals`;
  const lines: StatementLine[] = [];
  let total = ZERO;
  for (const compiled of cp.components) {
    const c = compiled.source;
    const needs = compiled.needs ?? componentKinds[c.type].needs(c);
    const ctx: RewardContext = { periods, from, through, factors, prorations, attribute: withDeals };
    if (needs.measure) {
      const m = measures.get(needs.measure);
      if (m) ctx.measure = m;
      // Components that do not need a quota still get one when there is one, for attainment-based traces.
      const q = quotaFor(quotas, needs.measure);
      if (q) ctx.quota = q;
    }
    if (needs.target && (compiled.target || compiled.targetShare)) {
      const key = compiled.target ? "" : (p.targets.variable ?? plan.targets.variable ?? "-");
      const memo = wholeYear ? compiled.targetSchedules : undefined;
      let target = memo?.get(key);
      if (!target) {
        if (!compiled.target && variable === null) variable = variableOf(plan, p);
        const annual = compiled.target ?? (variable ?? ZERO).times(compiled.targetShare ?? ZERO);
        target = targetSchedule({ annual, periods, ...employment });
        if (memo && memo.size < SCHEDULE_MEMO_SIZE) memo.set(key, target);
      }
      ctx.target = target;
    }
    if (needs.base && c.type === "base") {
      const v = p.targets.base ?? c.amount ?? plan.targets.base;
      ctx.base = new Decimal(v ?? 0);
    }
    if (needs.credits && credits) ctx.credits = credits;

    const earnings = componentKinds[c.type].earnings(compiled, ctx);
    const settled = settle(earnings, { rounding, from, through });
    const amount = formatMoney(settled.amount, rounding);
    const earnedToDate = formatMoney(settled.earnedToDate, rounding);
    const paidBefore = formatMoney(settled.paidBefore, rounding);
    const trace: string[] = [];
    for (let i = from; i <= through; i++) {
      const said = earnings.traces.get(i);
      if (multi) trace.push(`${periods[i]?.name}:`);
      if (said) for (const l of said) trace.push(flatText(multi ? `  ${l}` : l));
    }
    trace.push(
      flatText(
        earnings.mode === "cumulative"
          ? `payable = earned to date ${earnedToDate} − paid before ${paidBefore} = ${amount} (${roundingNote})`
          : `payable = ${amount} (${roundingNote}${multi ? ", per period" : ""})`,
      ),
    );
    const deals: StatementLine["deals"] = [];
    if (withDeals) {
      // The components wrote each deal's line (see DealEarning): gathered as they are, not copied.
      for (let i = from; i <= through; i++) {
        const list = earnings.deals.get(i);
        if (list) for (let k = 0; k < list.length; k++) deals.push(list[k] as DealEarning);
      }
    }
    total = lines.length === 0 ? zeroPlus(settled.amount) : total.plus(settled.amount);
    lines.push({
      component: c.id,
      name: c.name ?? c.id,
      type: c.type,
      amount,
      earnedToDate,
      paidBefore,
      periods: settled.perPeriod.map((x) => ({
        period: periods[x.index]?.name ?? "",
        amount: formatMoney(x.amount, rounding),
      })),
      trace,
      deals,
    });
  }

  const attainment: MeasureAttainment[] = [];
  for (const [id, m] of measures) {
    const q = quotaFor(quotas, id);
    // The period, the year to date and the year often hold the same figures (a statement for the whole year, or
    // for its first period): each distinct pair of value and quota is divided and printed once.
    const inSpan = figures(sum(m.perPeriod, from, through), q && sum(q.perPeriod, from, through), rounding);
    const toDate = figures(
      from === 0 ? inSpan.value : sum(m.perPeriod, 0, through),
      q && (from === 0 ? inSpan.quota : sum(q.perPeriod, 0, through)),
      rounding,
      inSpan,
    );
    const annual = figures(toDate.value, q?.year, rounding, toDate);
    const rows: MeasureAttainment["periods"] = [];
    for (let i = 0; i <= through && i < periods.length; i++) {
      const period = periods[i] as Period;
      rows.push({
        period: period.name,
        start: period.start,
        end: period.end,
        value: formatMoney(m.perPeriod[i] as Decimal, rounding),
        quota: q ? formatMoney(q.perPeriod[i] as Decimal, rounding) : null,
      });
    }
    attainment.push({
      measure: id,
      period: inSpan.text,
      yearToDate: toDate.text,
      annual: annual.text,
      periods: rows,
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

// Helpers below are plain functions rather than closures inside statementFor: it runs once per participant, and
// a closure is a new function object (and, under tsx, a naming call) each time.

// Each pay period's proration for these employment dates, remembered on the compiled plan (see
// CompiledPlan.prorations): the same few pairs of dates come back participant after participant.
function prorationsOf(
  cp: CompiledPlan,
  employment: { hireDate: string | null; terminationDate: string | null },
): readonly Proration[] {
  const key = `${employment.hireDate ?? ""}|${employment.terminationDate ?? ""}`;
  const memo = cp.prorations;
  let prorations = memo?.get(key);
  if (!prorations) {
    prorations = cp.periods.map((period) => prorationFactor({ period, ...employment }));
    if (memo && memo.size < SCHEDULE_MEMO_SIZE) memo.set(key, prorations);
  }
  return prorations;
}

interface Quotas {
  cp: CompiledPlan;
  p: Participant;
  employment: { hireDate: string | null; terminationDate: string | null };
  wholeYear: boolean;
  byMeasure: Map<string, Quota | undefined>;
}

// The participant's quota schedule for a measure, computed on first use; undefined without an annual quota.
function quotaFor(quotas: Quotas, measure: string): Quota | undefined {
  if (quotas.byMeasure.has(measure)) return quotas.byMeasure.get(measure);
  const { cp, p, employment } = quotas;
  const written = ownValue(p.targets.quota, measure) ?? ownValue(cp.plan.targets.quota, measure);
  const compiled = cp.measures.get(measure);
  const memo = quotas.wholeYear && !p.ramp?.length ? compiled?.quotaSchedules : undefined;
  let q = written === undefined ? undefined : memo?.get(written);
  if (written !== undefined && !q) {
    q = quotaSchedule({
      annual: new Decimal(written),
      periods: cp.periods,
      shares: compiled?.seasonality,
      ...employment,
      ramp: p.ramp,
    });
    if (memo && memo.size < SCHEDULE_MEMO_SIZE) memo.set(written, q);
  }
  quotas.byMeasure.set(measure, q);
  return q;
}

interface Figured {
  value: Decimal;
  quota: Decimal | undefined;
  text: AttainmentFigures;
}

// Value, quota and attainment as printed; the same as `like`'s when value and quota are.
function figures(value: Decimal, quota: Decimal | undefined, rounding: Rounding, like?: Figured): Figured {
  if (
    like &&
    same(like.value, value) &&
    (quota === undefined ? like.quota === undefined : like.quota !== undefined && same(like.quota, quota))
  ) {
    return { value, quota, text: { ...like.text } };
  }
  return {
    value,
    quota,
    text: {
      value: formatMoney(value, rounding),
      quota: quota === undefined ? null : formatMoney(quota, rounding),
      attainment: quota === undefined || quota.isZero() ? null : ratio(value.div(quota)),
    },
  };
}

// Σ xs[a..b], added in order from zero.
function sum(xs: readonly Decimal[], a: number, b: number): Decimal {
  if (a > b || a >= xs.length) return ZERO;
  let s = zeroPlus(xs[a] as Decimal);
  for (let i = a + 1; i <= b && i < xs.length; i++) s = s.plus(xs[i] as Decimal);
  return s;
}

// The same value, sign of zero included (so the same printed figures).
function same(a: Decimal, b: Decimal): boolean {
  return a === b || (a.eq(b) && a.isNeg() === b.isNeg());
}

// Attainment as a fraction with six decimals, trailing zeros dropped ("0.975", "1"): the text of
// value.toDecimalPlaces(6, ROUND_HALF_UP).toString(), rounded digit by digit (see money/roundMoney.ts).
function ratio(value: Decimal): string {
  const x = scaledDigits(value, 6);
  const r = x && !x.negative ? scaledParts(x.next >= 5 ? x.n + 1 : x.n, 6) : undefined;
  if (r) return trimmedRatio(r);
  const d = digitsOf(value, 6);
  if (!d || d.negative) return value.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toString();
  return trimmedRatio(roundDigits(d, 6, "half-up"));
}

function trimmedRatio(r: { int: string; frac: string }): string {
  let end = r.frac.length;
  while (end > 0 && r.frac.charCodeAt(end - 1) === 48) end--;
  return end ? `${r.int}.${r.frac.slice(0, end)}` : r.int;
}
