import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument } from "../errors/checkArgument.js";
// A plan evaluated on attainment directly, for one participant: the model behind payout curves, design checks
// and Monte Carlo simulation.
//
// Why not `evaluate` with synthetic transactions? It would be simpler, but every point would pay for parsing
// records, crediting, measuring, traces and statements: a simulation of 100 participants × 10,000 runs is a
// million participant-years, and `evaluate` costs a few hundred microseconds for one (see bench/simulate.ts).
// This model computes the same numbers with the same reward functions (`resolveBands`, `tierEarnings`,
// `readCurve`, `limitAmount`, `bound`, `roundMoney`) on values placed exactly as the engine would place them,
// and a test holds it equal to `evaluate` on synthetic transactions, component by component, to the cent.
//
// What "attainment a" means: every pay period attains the same fraction a of its own quota (the participant's
// annual quota spread by the measure's seasonality, prorated and ramped exactly as `evaluate` does). So a
// component measured over the year sees a × its annual quota, and one measured per period sees a in each period.
// A measure without a quota has no attainment; give its volume at 100% as `planned` to put it on the curve.
import { InputError } from "../errors/index.js";
import { checkPlanArgument } from "../evaluate/checkPlans.js";
import { compileValidPlan } from "../evaluate/compilePlan.js";
import type { CompiledComponent, CompiledPlan } from "../evaluate/index.js";
import { prorationFactor, quotaSchedule, targetSchedule } from "../goals/index.js";
import { parseParticipants } from "../input/index.js";
import { Decimal, type DecimalInput, formatNumber, type Rounding, roundMoney, ZERO } from "../money/index.js";
import { checkRounding } from "../money/roundMoney.js";
import {
  type BonusComponent,
  type CommissionComponent,
  type Component,
  componentTarget,
  type Limit,
  type Plan,
} from "../plan/index.js";
import { ownValue } from "../plan/ownValue.js";
import { bound, limitAmount, readCurve, resolveBands, type TierBand, tierEarnings } from "../reward/index.js";
import type { CustomOperator } from "../rules/index.js";
import { simulateArg, simulateError } from "./simulateArgs.js";

/** Options shared by curves, checks and simulations: what the plan file alone does not say. */
export interface ModelOptions {
  /**
   * Volume at 100% for measures without a quota, per measure id (`{ expansion: 200000 }`, or a count such as
   * `{ meetings: 96 }`). Without it, components on such a measure are left off the curve (and say so).
   */
  planned?: Readonly<Record<string, DecimalInput>>;
  /**
   * How a rate table's rows are mixed, per component id: row label (or 1-based row number) → share of the
   * volume, the shares summing to 1. Default: all volume at the default row (the one without `when`), or the
   * last row.
   */
  mix?: Readonly<Record<string, Readonly<Record<string, DecimalInput>>>>;
  /** The measure that is revenue, for effective rates of the total and cost of sales. Default: the first measure with a quota that a component uses. */
  revenue?: string;
  /** Custom condition operators the plan uses (as given to `parsePlan`). */
  operators?: readonly CustomOperator[];
}

/** A participant as the model sees it: overrides of the plan's targets, and the dates that prorate them. */
export interface Profile {
  id: string;
  name?: string;
  hireDate?: string;
  terminationDate?: string;
  ramp?: readonly string[];
  /** Annual base salary override. */
  base?: string;
  /** Annual variable target override. */
  variable?: string;
  /** Annual quota overrides per measure id. */
  quota: Readonly<Record<string, string>>;
}

/** A volume per measure: for the year (prorated), per pay period, and the annual figure before proration. */
export interface Volume {
  annual: Decimal;
  year: Decimal;
  perPeriod: readonly Decimal[];
}

/** An attainment where a component's payout may bend or jump, and what sits there. */
export interface Breakpoint {
  attainment: Decimal;
  /** e.g. `the gate 0.5`, `the upper edge of band 2 (upTo 1)`, `curve point (1, 1)`. */
  label: string;
  kind: "gate" | "band" | "curve";
  /** For `band`: the 0-based index of the band whose upper edge this is. */
  band?: number;
}

/** What one component pays at an attainment, for the whole plan year. */
export interface ComponentOutcome {
  /** Exact earnings, after caps and floors, before rounding (summed over periods for per-period components). */
  exact: Decimal;
  /** What is paid: each period's payable rounded as the plan rounds, summed over the year. */
  paid: Decimal;
  /** Earnings before caps and floors. */
  uncapped: Decimal;
  /** Whether a cap bounded the earnings (in any period): earnings above the cap. */
  capped: boolean;
  /** Whether earnings reached a cap (in any period): at or above it. */
  atCap: boolean;
  /** The component's measure value for the year (zero without a measure). */
  value: Decimal;
}

/** A component as the model evaluates it. */
export interface ComponentModel {
  id: string;
  name: string;
  type: Component["type"];
  measure: string | undefined;
  /** Annual target incentive as set (before proration); undefined when the component has none. */
  target: Decimal | undefined;
  /** The target for the participant's year (prorated for days employed). */
  targetYear: Decimal | undefined;
  /** Whether the payout depends on attainment in the model. SPIFFs and unplaced measures do not. */
  modeled: boolean;
  /** Why the component is left off the curve, or what was assumed to put it on. */
  note: string | undefined;
  breakpoints: readonly Breakpoint[];
  /** Whether it has a cap. */
  hasCap: boolean;
  /**
   * How the payout is made: parts (a year, or pay periods that compute alike), each earning a function of the
   * attainment that is linear between breakpoints, bounded by its cap and floor, rounded, times its count.
   */
  parts: readonly Part[];
  at(a: Decimal): ComponentOutcome;
}

/** A part of a component's payout: one or more pay periods (or the year) that earn alike. */
export interface Part {
  count: number;
  /** Earnings before cap and floor, at attainment a. */
  earned(a: Decimal): Decimal;
  cap: { amount: Decimal; label: string } | undefined;
  floor: { amount: Decimal; label: string } | undefined;
  /**
   * Whether `earned` is computed exactly for any attainment with a few decimals: its constants (volumes, band
   * edges and rates, targets) are short decimals, not quotients rounded to 60 digits (a base commission rate of
   * 52,650 ÷ 805,000, a monthly target of 20,000 ÷ 12), and it divides by nothing but products of 2s and 5s
   * (a curve whose points are 0.3 apart is not: (a − x) ÷ 0.3 is rounded). The fast path relies on this to
   * settle half-cent ties itself.
   */
  exact: boolean;
}

/** What the whole plan pays at an attainment. */
export interface ModelOutcome {
  attainment: Decimal;
  components: ComponentOutcome[];
  /** Σ exact. */
  exact: Decimal;
  /** Σ paid: the participant's pay for the year. */
  paid: Decimal;
  /** The revenue measure's value (undefined when the plan has none the model can place). */
  revenue: Decimal | undefined;
}

/** A plan ready to evaluate on attainment for one participant. Build once, evaluate many times. */
export interface PlanModel {
  plan: Plan;
  compiled: CompiledPlan;
  profile: Profile;
  rounding: Rounding;
  /** Volume at 100% per measure (the quota, or the planned volume). */
  volumes: ReadonlyMap<string, Volume>;
  /** The revenue measure id. */
  revenue: string | undefined;
  components: readonly ComponentModel[];
  at(a: Decimal): ModelOutcome;
}

/**
 * The representative participant of a plan: the plan's default targets, employed the whole year.
 *
 * @example
 * ```ts
 * buildModel(plan, representative()).at(new Decimal(1)).paid; // what the plan pays at 100%
 * ```
 */
export function representative(): Profile {
  return { id: "representative", quota: {} };
}

/**
 * Participants for a simulation from records as in a participants file (`id`, `name`, `hireDate`,
 * `terminationDate`, `ramp`, `base`, `variable`, `quota.<measure>`…). The record's `plan` is ignored: every
 * record is put on the plan being simulated. Bad records throw an {@link InputError} naming row and field.
 *
 * @example
 * ```ts
 * profilesFromRecords(plan, [{ id: "ana", "quota.bookings": 800000 }]);
 * ```
 */
export function profilesFromRecords(plan: Plan, records: readonly Record<string, unknown>[]): Profile[] {
  checkPlanArgument("profilesFromRecords", "plan", plan);
  checkArgument("profilesFromRecords", "records", records, "list");
  const parsed = parseParticipants(
    records.map((r) => ({ ...r, plan: plan.id })),
    { source: "participants" },
  );
  if (parsed.rejects.length) throw new InputError(parsed.rejects);
  return parsed.participants.map((p) => ({
    id: p.id,
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.hireDate !== undefined ? { hireDate: p.hireDate } : {}),
    ...(p.terminationDate !== undefined ? { terminationDate: p.terminationDate } : {}),
    ...(p.ramp !== undefined ? { ramp: p.ramp } : {}),
    ...(p.targets.base !== undefined ? { base: p.targets.base } : {}),
    ...(p.targets.variable !== undefined ? { variable: p.targets.variable } : {}),
    quota: p.targets.quota,
  }));
}

/** A key that is equal for profiles the model cannot tell apart, so simulations share one model between them. */
export function profileKey(p: Profile): string {
  const quota = Object.entries(p.quota).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([p.hireDate, p.terminationDate, p.ramp, p.base, p.variable, quota]);
}

/**
 * Builds the model of a plan for one participant. `reference` replaces the volume at 100% of some measures (a
 * comparison evaluates plan B on plan A's volumes: the same sales, B's own quotas and rates).
 *
 * @example
 * ```ts
 * const model = buildModel(loadPlan("examples/quickstart/plan.yaml"), representative());
 * model.at(new Decimal("1.5")).paid.toString();
 * ```
 */
export function buildModel(
  plan: Plan | CompiledPlan,
  profile: Profile,
  options: ModelOptions = {},
  reference?: ReadonlyMap<string, Volume>,
): PlanModel {
  // The shape only: checkPlan models plans whose other problems it reports as findings.
  const checked = checkPlanArgument("buildModel", "plan", plan, options?.operators ?? [], true);
  checkArgument("buildModel", "profile", profile, "object");
  checkArgument("buildModel", "options", options, "object?");
  checkArgument("buildModel", "reference", reference, "object?");
  const cp = "periods" in checked ? checked : compileValidPlan(checked, options.operators ?? []);
  const p = cp.plan;
  const n = cp.periods.length;
  const rounding: Rounding = p.rounding;
  const employment = { hireDate: profile.hireDate ?? null, terminationDate: profile.terminationDate ?? null };
  const factors = cp.periods.map((period) => prorationFactor({ period, ...employment }).factor);
  const variable = profile.variable ?? p.targets.variable;

  // Quotas exactly as evaluate computes them; planned volumes are spread the same way.
  const spread = (measure: string, annual: Decimal): Volume =>
    quotaSchedule({
      annual,
      periods: cp.periods,
      shares: cp.measures.get(measure)?.seasonality,
      ...employment,
      ramp: profile.ramp,
    });
  const quotas = new Map<string, Volume>();
  const volumes = new Map<string, Volume>();
  for (const measure of cp.measures.keys()) {
    const q = ownValue(profile.quota, measure) ?? ownValue(p.targets.quota, measure);
    if (q !== undefined) quotas.set(measure, spread(measure, new Decimal(q)));
    const planned = ownValue(options.planned, measure);
    const own =
      quotas.get(measure) ??
      (planned !== undefined
        ? spread(measure, simulateArg(planned, `planned.${measure}`, { nonNegative: true }))
        : undefined);
    const v = reference?.get(measure) ?? own;
    if (v) volumes.set(measure, v);
  }
  for (const measure of Object.keys(options.planned ?? {})) {
    if (!cp.measures.has(measure)) throw simulateError(`planned: the plan has no measure ${measure}`);
  }

  const used = new Set(cp.components.map((c) => ("measure" in c.source ? c.source.measure : undefined)));
  const revenue =
    options.revenue ??
    [...cp.measures.keys()].find((m) => quotas.has(m) && used.has(m)) ??
    [...cp.measures.keys()].find((m) => volumes.has(m) && used.has(m));
  if (options.revenue !== undefined && !cp.measures.has(options.revenue))
    throw simulateError(`revenue: the plan has no measure ${options.revenue}`);
  for (const id of Object.keys(options.mix ?? {})) {
    if (!cp.components.some((c) => c.source.id === id && c.rates))
      throw simulateError(`mix: the plan has no rate table component ${id}`);
  }

  const env: Env = { cp, n, rounding, factors, employment, variable, quotas, volumes, profile, options };
  const components = cp.components.map((cc) => componentModel(cc, env));
  const revenueVolume = revenue ? volumes.get(revenue) : undefined;

  return {
    plan: p,
    compiled: cp,
    profile,
    rounding,
    volumes,
    revenue,
    components,
    at(a: Decimal): ModelOutcome {
      const outcomes = components.map((c) => c.at(a));
      let exact = ZERO;
      let paid = ZERO;
      for (const o of outcomes) {
        exact = exact.plus(o.exact);
        paid = paid.plus(o.paid);
      }
      return {
        attainment: a,
        components: outcomes,
        exact,
        paid,
        revenue: revenueVolume ? a.times(revenueVolume.year) : undefined,
      };
    },
  };
}

interface Env {
  cp: CompiledPlan;
  n: number;
  rounding: Rounding;
  factors: readonly Decimal[];
  employment: { hireDate: string | null; terminationDate: string | null };
  variable: string | undefined;
  quotas: ReadonlyMap<string, Volume>;
  volumes: ReadonlyMap<string, Volume>;
  profile: Profile;
  options: ModelOptions;
}

function componentModel(cc: CompiledComponent, env: Env): ComponentModel {
  const c = cc.source;
  const measure = "measure" in c ? c.measure : undefined;
  // The component's target incentive, as evaluate's statementFor computes it.
  let target: Target | undefined;
  let missing: string | undefined;
  const declared = componentTarget(c);
  if (declared) {
    if (declared.target === undefined && env.variable === undefined)
      missing = "it needs the participant's variable target (targets.variable)";
    const annual =
      declared.target !== undefined
        ? new Decimal(declared.target)
        : new Decimal(env.variable ?? 0).times(declared.share ?? 0);
    target = targetSchedule({ annual, periods: env.cp.periods, ...env.employment });
  }
  const common: Common = {
    id: c.id,
    name: c.name ?? c.id,
    type: c.type,
    measure,
    target: target?.annual,
    targetYear: target?.year,
    hasCap: "cap" in c && c.cap !== undefined,
  };
  const off = (note: string) => assemble(common, { modeled: false, note, breakpoints: [], parts: [] }, env);

  if (c.type === "base") {
    // Each pay period stands alone: annual ÷ periods × the period's proration factor, rounded per period.
    const annual = new Decimal(env.profile.base ?? c.amount ?? env.cp.plan.targets.base ?? 0);
    const perPeriod = annual.div(env.n);
    const parts = groupBy(
      env.factors.map((f) => perPeriod.times(f)),
      (v) => v.toString(),
    ).map(({ item: value, count }) => ({
      count,
      earned: () => value,
      cap: undefined,
      floor: undefined,
      exact: true,
    }));
    return assemble(common, { modeled: true, note: undefined, breakpoints: [], parts }, env);
  }
  if (c.type === "spiff") {
    return off("a SPIFF pays per qualifying deal in its window, not on attainment: it is left off the curve");
  }
  if (missing) return off(missing);
  const m = measure as string;
  const volume = env.volumes.get(m);
  const quota = env.quotas.get(m);
  if (!volume) {
    return off(
      `measure ${m} has no quota, so it has no attainment: give its volume at 100% (planned.${m}) to put ${c.id} on the curve`,
    );
  }
  if (c.type === "bonus" && !quota) return off(`a bonus reads attainment of a quota: ${m} has none`);
  if (
    c.type === "commission" &&
    !quota &&
    c.tiers &&
    (c.tiers.basis === "attainment" || c.tiers.bands.some((b) => b.multiplier !== undefined))
  ) {
    return off(`its tiers are placed on the quota of ${m}, which has none`);
  }
  const ctx: ComponentEnv = { env, volume, quota, target, own: volume === quota };
  const shape = c.type === "commission" ? commissionShape(cc, ctx) : bonusShape(cc, ctx);
  return assemble(common, shape, env);
}

interface Target {
  annual: Decimal;
  year: Decimal;
  perPeriod: Decimal[];
}

interface ComponentEnv {
  env: Env;
  volume: Volume;
  quota: Volume | undefined;
  target: Target | undefined;
  /** Whether the volume is the component's own quota, so that attainment of the quota is a itself. */
  own: boolean;
}

type Common = Pick<ComponentModel, "id" | "name" | "type" | "measure" | "target" | "targetYear" | "hasCap">;
type Shape = Pick<ComponentModel, "modeled" | "note" | "breakpoints" | "parts"> & { volumeYear?: Decimal };

// Every component computes the same way from its parts: earned, bounded (the engine's `bound`), rounded per
// part (the engine's `roundMoney`: per period for a component measured per period, once for the year), counted.
function assemble(common: Common, shape: Shape, env: Env): ComponentModel {
  const { parts } = shape;
  const volumeYear = shape.volumeYear;
  return {
    ...common,
    modeled: shape.modeled,
    note: shape.note,
    breakpoints: shape.breakpoints,
    parts,
    at(a: Decimal): ComponentOutcome {
      let exact = ZERO;
      let paid = ZERO;
      let uncapped = ZERO;
      let capped = false;
      let atCap = false;
      for (const part of parts) {
        const earned = part.earned(a);
        const b = bound(earned, limits(part));
        exact = exact.plus(times(b.value, part.count));
        paid = paid.plus(times(roundMoney(b.value, env.rounding), part.count));
        uncapped = uncapped.plus(times(earned, part.count));
        if (part.cap && earned.gte(part.cap.amount)) {
          atCap = true;
          if (earned.gt(part.cap.amount)) capped = true;
        }
      }
      return { exact, paid, uncapped, capped, atCap, value: volumeYear ? a.times(volumeYear) : ZERO };
    },
  };
}

const limits = (part: Part) => ({
  ...(part.cap ? { cap: part.cap } : {}),
  ...(part.floor ? { floor: part.floor } : {}),
});

// Periods that would compute identically (same volume, quota and target) are computed once and counted.
interface PeriodGroup {
  count: number;
  volume: Decimal;
  quota: Decimal | undefined;
  target: Decimal | undefined;
}

function periodGroups(ctx: ComponentEnv): PeriodGroup[] {
  return groupBy(
    Array.from({ length: ctx.env.n }, (_, p) => ({
      volume: ctx.volume.perPeriod[p] as Decimal,
      quota: ctx.quota?.perPeriod[p],
      target: ctx.target?.perPeriod[p],
    })),
    (g) => `${g.volume}|${g.quota}|${g.target}`,
  ).map(({ item, count }) => ({ ...item, count }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): { item: T; count: number }[] {
  const groups = new Map<string, { item: T; count: number }>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.count++;
    else groups.set(k, { item, count: 1 });
  }
  return [...groups.values()];
}

type Bound = { amount: Decimal; label: string } | undefined;
const limit = (l: Limit | undefined, target: Decimal | undefined): Bound =>
  l ? limitAmount(l, target) : undefined;

function commissionShape(cc: CompiledComponent, ctx: ComponentEnv): Shape {
  const c = cc.source as CommissionComponent;
  const { env, volume, quota, target } = ctx;
  const yearly = c.over === "year";
  const bcr = target && quota && !quota.annual.isZero() ? target.annual.div(quota.annual) : undefined;

  // The rate of a flat or table commission. A table is priced at its mix (default: its default row).
  let rate = ZERO;
  let note: string | undefined;
  if (!c.tiers) {
    if (cc.rates) {
      const mix = ownValue(env.options.mix, c.id);
      if (mix) {
        let sum = ZERO;
        for (const [key, share] of Object.entries(mix)) {
          const row = cc.rates.find((r, i) => r.label === key || String(i + 1) === key);
          if (!row) throw simulateError(`mix.${c.id}: no row is labelled or numbered ${key}`);
          const s = simulateArg(share, `mix.${c.id}.${key}`, { nonNegative: true });
          sum = sum.plus(s);
          rate = rate.plus(s.times(row.rate));
        }
        if (!sum.eq(1)) throw simulateError(`mix.${c.id}: the shares must sum to 1, got ${sum}`);
        note = `rate table priced at the mix given: blended rate ${formatNumber(rate, 6)}`;
      } else {
        const row =
          cc.rates.find((r) => !r.when) ??
          (cc.rates[cc.rates.length - 1] as { rate: Decimal; label: string });
        rate = row.rate;
        note = `rate table priced at its default row "${row.label}" (rate ${formatNumber(rate, 6)}); give a mix to weigh the rows`;
      }
    } else rate = new Decimal(c.rate ?? 0);
  }

  const breakpoints: Breakpoint[] = [];
  const addBandEdges = (bands: readonly TierBand[], basisVolume: Decimal) => {
    bands.forEach((band, i) => {
      if (band.to === null || !c.tiers) return;
      const upTo = c.tiers.bands[i]?.upTo as string;
      const at =
        c.tiers.basis === "attainment" && ctx.own
          ? new Decimal(upTo)
          : basisVolume.isZero()
            ? undefined
            : band.to.div(basisVolume);
      if (at && !breakpoints.some((b) => b.attainment.eq(at)))
        breakpoints.push({
          attainment: at,
          label: `the upper edge of band ${i + 1} (upTo ${upTo})`,
          kind: "band",
          band: i,
        });
    });
  };
  const earnedOn = (bands: readonly TierBand[] | undefined, v: Decimal) =>
    bands && c.tiers ? tierEarnings(bands, v, c.tiers.method).amount : v.times(rate);

  let parts: Part[];
  if (yearly) {
    // Over the year: tier edges on the annual quota; the cap bounds the year's earnings, the floor accrues pro
    // rata (all of it for a full year), as commissionEarnings settles the last period of the year.
    const bands = c.tiers
      ? resolveBands(c.tiers, { quota: quota?.year, bcr, quotaLabel: "annual quota" })
      : undefined;
    if (bands) addBandEdges(bands, volume.year);
    let floor: Bound;
    if (c.floor) {
      const full = limitAmount(c.floor, target?.annual);
      const share = env.factors.reduce((s, f) => s.plus(f), ZERO).div(env.n);
      floor = { amount: full.amount.times(share), label: full.label };
    }
    parts = [
      {
        count: 1,
        earned: (a) => earnedOn(bands, a.times(volume.year)),
        cap: limit(c.cap, target?.year),
        floor,
        exact: short(volume.year, rate, ...bandConstants(bands)),
      },
    ];
  } else {
    parts = periodGroups(ctx).map((g) => {
      const bands = c.tiers
        ? resolveBands(c.tiers, { quota: g.quota, bcr, quotaLabel: "period quota" })
        : undefined;
      if (bands) addBandEdges(bands, g.volume);
      return {
        count: g.count,
        earned: (a: Decimal) => earnedOn(bands, a.times(g.volume)),
        cap: limit(c.cap, g.target),
        floor: limit(c.floor, g.target),
        exact: short(g.volume, rate, ...bandConstants(bands)),
      };
    });
  }
  return { modeled: true, note, breakpoints: sorted(breakpoints), parts, volumeYear: volume.year };
}

function bonusShape(cc: CompiledComponent, ctx: ComponentEnv): Shape {
  const c = cc.source as BonusComponent;
  const { volume, target } = ctx;
  const quota = ctx.quota as Volume;
  const points = cc.curve ?? [];
  const gate = c.gate !== undefined ? new Decimal(c.gate) : undefined;

  // Breakpoints on a's axis: the curve's own attainment when the volume is the quota, scaled otherwise.
  const breakpoints: Breakpoint[] = [];
  const addCurve = (q: Decimal, v: Decimal) => {
    const toA = (x: Decimal) => (ctx.own ? x : v.isZero() ? undefined : x.times(q).div(v));
    const add = (x: Decimal | undefined, label: string, kind: Breakpoint["kind"]) => {
      if (x && !breakpoints.some((b) => b.attainment.eq(x) && b.kind === kind))
        breakpoints.push({ attainment: x, label, kind });
    };
    if (gate) add(toA(gate), `the gate ${gate}`, "gate");
    for (const [x, y] of points) add(toA(x), `curve point (${x}, ${y})`, "curve");
  };
  // With the volume on the quota, every period attains a: one curve lookup serves every part.
  let lastA: Decimal | undefined;
  let lastFraction = ZERO;
  const fractionAt = (a: Decimal) => {
    if (a !== lastA) {
      lastFraction = readCurve(points, a, gate).fraction;
      lastA = a;
    }
    return lastFraction;
  };
  // The payout fraction for a period whose value is a × v against quota q (bonusEarnings: nothing without quota).
  const earnedAt = (a: Decimal, v: Decimal, q: Decimal, t: Decimal) => {
    if (q.isZero()) return ZERO;
    const fraction = ctx.own ? fractionAt(a) : readCurve(points, a.times(v).div(q), gate).fraction;
    return t.times(fraction);
  };

  // readCurve divides by the width of the segment it is on; the model divides by the quota when the volume is
  // not the quota.
  const divides =
    ctx.own &&
    points.every(
      ([x], i) => i === 0 || terminatingDivisor(x.minus((points[i - 1] as [Decimal, Decimal])[0])),
    );
  let parts: Part[];
  if (c.over === "year") {
    const t = target?.year ?? ZERO;
    addCurve(quota.year, volume.year);
    parts = [
      {
        count: 1,
        earned: (a) => earnedAt(a, volume.year, quota.year, t),
        cap: limit(c.cap, t),
        floor: limit(c.floor, t),
        exact: divides && short(t),
      },
    ];
  } else {
    parts = periodGroups(ctx).map((g) => {
      const q = g.quota ?? ZERO;
      const t = g.target ?? ZERO;
      addCurve(q, g.volume);
      return {
        count: g.count,
        earned: (a: Decimal) => earnedAt(a, g.volume, q, t),
        cap: limit(c.cap, t),
        floor: limit(c.floor, t),
        exact: divides && short(t),
      };
    });
  }
  return { modeled: true, note: undefined, breakpoints: sorted(breakpoints), parts, volumeYear: volume.year };
}

// A short decimal: not a quotient rounded to the 60 significant digits of compplan's Decimal.
const short = (...values: Decimal[]) => values.every((v) => v.sd() < 40);
const bandConstants = (bands: readonly TierBand[] | undefined) =>
  (bands ?? []).flatMap((b) => [b.from, b.rate, ...(b.to ? [b.to] : [])]);

/** Whether any decimal divided by `d` terminates: d's significant digits are a product of 2s and 5s. */
export function terminatingDivisor(d: Decimal): boolean {
  if (d.isZero()) return false;
  let m = BigInt(d.abs().toFixed().replace(".", "").replace(/^0+/, "").replace(/0+$/, "") || "0");
  if (m === 0n) return false;
  while (m % 2n === 0n) m /= 2n;
  while (m % 5n === 0n) m /= 5n;
  return m === 1n;
}

const times = (d: Decimal, count: number) => (count === 1 ? d : d.times(count));

function sorted(points: Breakpoint[]): Breakpoint[] {
  return [...points].sort((x, y) => x.attainment.comparedTo(y.attainment));
}

/**
 * Checks that an argument is a {@link PlanModel} as `buildModel` returns it, naming it in an `ArgumentError`
 * otherwise. Internal.
 *
 * @example
 * ```ts
 * checkModel("fastEvaluator", "model", {}); // throws "fastEvaluator: model: expected a plan model from buildModel, got an object"
 * ```
 */
export function checkModel(fn: string, argument: string, model: unknown): void {
  const m = model as PlanModel | null;
  const ok =
    typeof m === "object" &&
    m !== null &&
    typeof m.at === "function" &&
    Array.isArray(m.components) &&
    m.volumes instanceof Map &&
    typeof m.plan === "object" &&
    typeof m.compiled === "object";
  if (!ok) throw new ArgumentError(fn, argument, "a plan model from buildModel", model);
  checkRounding(fn, `${argument}.rounding`, m.rounding);
}
