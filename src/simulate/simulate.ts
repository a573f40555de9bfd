import { checkArgument } from "../errors/checkArgument.js";
import { CompplanError } from "../errors/index.js";
import { checkPlanArgument } from "../evaluate/checkPlans.js";
import { type CompiledPlan, compilePlan } from "../evaluate/index.js";
import { Decimal, formatMoney, type Rounding, ZERO } from "../money/index.js";
import type { Plan } from "../plan/index.js";
import { type FastEvaluator, fastEvaluator } from "./fast.js";
import {
  buildModel,
  type ModelOptions,
  type PlanModel,
  type Profile,
  profileKey,
  profilesFromRecords,
  representative,
} from "./model.js";
import { type AttainmentDistribution, sampler, seededRandom } from "./random.js";
import { simulateError } from "./simulateArgs.js";
import { decimalSpread, exactSum, type Spread, spread } from "./stats.js";

/** Options of {@link simulate}. */
export interface SimulateOptions extends ModelOptions {
  /** How many participants on the plan's default targets, or participant records (as in a participants file). */
  participants: number | readonly Record<string, unknown>[];
  /** How each participant-year's attainment is drawn. */
  distribution: AttainmentDistribution;
  /** Number of simulated years of the whole team. */
  runs: number;
  /** Seed of the random numbers: the same seed gives the same result. */
  seed: number;
  /**
   * Decimals of the attainment grid (default 6: steps of 0.0001%). Each float draw is rounded to this grid
   * and becomes an exact Decimal before any money is computed.
   */
  attainmentScale?: number;
  /** Include one row per run (`runRows`), e.g. for a histogram. Default false. */
  keepRuns?: boolean;
}

/** One statistic across runs or participant-years. Amounts at the plan's scale; ratios with 6 decimals. */
export interface SummaryRow {
  metric: string;
  mean: string;
  p10: string;
  p50: string;
  p90: string;
  min: string;
  max: string;
}

/** One participant's payout for the year across runs. */
export interface ParticipantRow {
  participantId: string;
  name: string;
  /** Mean attainment drawn. */
  attainment: string;
  mean: string;
  p10: string;
  p50: string;
  p90: string;
}

/** One simulated year of the team. */
export interface RunRow {
  run: number;
  totalCost: string;
  revenue: string;
  costOfSales: string;
}

/** The result of {@link simulate}: plain rows of decimal strings. */
export interface SimulationResult {
  plan: string;
  currency: string;
  runs: number;
  participants: number;
  seed: number;
  distribution: string;
  attainmentScale: number;
  /** The revenue measure (for cost of sales), or null. */
  revenue: string | null;
  /**
   * Across runs: `total cost` (the team's pay for the year), one row per component (`component <id>`),
   * `revenue`, `cost of sales` (total cost ÷ revenue); across all participant-years: `participant payout`
   * and `attainment`.
   */
  summary: SummaryRow[];
  /** Per participant: attainment drawn and payout for the year across runs. */
  perParticipant: ParticipantRow[];
  /** Per run, with `keepRuns`. */
  runRows?: RunRow[];
  /** What the model left out or assumed (SPIFFs, rate tables, draws below zero). */
  notes: string[];
}

/**
 * Monte Carlo cost of a plan: for each run, every participant's attainment for the year is drawn from the
 * distribution, and the plan's payout computed exactly, on the compiled plan, through the same reward functions
 * as `evaluate` (see `model.ts`). Reproducible: the same seed gives byte-identical output.
 *
 * @example
 * ```ts
 * const result = simulate(loadPlan("examples/quickstart/plan.yaml"), {
 *   participants: 100, distribution: { kind: "normal", mean: 1, sd: 0.3 }, runs: 10000, seed: 42,
 * });
 * result.summary.find((r) => r.metric === "total cost")?.p90;
 * ```
 */
export function simulate(plan: Plan | CompiledPlan, options: SimulateOptions): SimulationResult {
  checkArgument("simulate", "options", options, "object");
  checkPlanArgument("simulate", "plan", plan);
  const core = runCore([plan], options);
  const [m] = core.models;
  const model = m as CoreModel;
  const rounding = model.rounding;
  const money = (d: Decimal) => formatMoney(d.div(core.unit[0] as number), rounding);
  const summary: SummaryRow[] = [
    row("total cost", spread(model.runTotals), money),
    ...model.components.map((c, i) =>
      row(`component ${c}`, spread(model.componentTotals[i] as Float64Array), money),
    ),
  ];
  if (core.revenue) {
    summary.push(row("revenue", decimalSpread(core.revenue), (d) => formatMoney(d, rounding)));
    summary.push(row("cost of sales", decimalSpread(costOfSales(model, core)), ratio));
  }
  summary.push(row("participant payout", spread(model.pooled), money));
  summary.push(row("attainment", spread(core.pooledK), (d) => attainment(d, core.scale)));

  const perParticipant = core.profiles.map((p, i) => {
    const s = spread(model.payouts[i] as Float64Array);
    return {
      participantId: p.id,
      name: p.name ?? "",
      attainment: attainment(exactSum(core.sumK[i] as Float64Array).div(options.runs), core.scale),
      mean: money(s.mean),
      p10: money(s.p10),
      p50: money(s.p50),
      p90: money(s.p90),
    };
  });
  const result: SimulationResult = {
    plan: model.plan.id,
    currency: model.plan.currency,
    runs: options.runs,
    participants: core.profiles.length,
    seed: options.seed,
    distribution: core.describe,
    attainmentScale: core.scale,
    revenue: core.revenueMeasure ?? null,
    summary,
    perParticipant,
    notes: core.notes,
  };
  if (options.keepRuns) {
    const cos = core.revenue ? costOfSales(model, core) : undefined;
    result.runRows = Array.from(model.runTotals, (t, r) => ({
      run: r + 1,
      totalCost: money(new Decimal(t)),
      revenue: core.revenue ? formatMoney(core.revenue[r] as Decimal, rounding) : "",
      costOfSales: cos ? ratio(cos[r] as Decimal) : "",
    }));
  }
  return result;
}

/** Options of {@link compareSimulated}: those of {@link simulate}, plan A's participants and draws for both. */
export type CompareSimulatedOptions = SimulateOptions;

/** A metric under plan A and plan B over the simulated runs: means, and the spread of the difference B − A. */
export interface CompareSummaryRow {
  metric: string;
  meanA: string;
  meanB: string;
  meanDifference: string;
  p10Difference: string;
  p50Difference: string;
  p90Difference: string;
}

/** A participant under both plans over the simulated runs. */
export interface CompareParticipantRow {
  participantId: string;
  name: string;
  meanA: string;
  meanB: string;
  meanDifference: string;
  /** Share of runs in which plan B pays more / less than plan A. */
  winShare: string;
  loseShare: string;
}

/** The result of {@link compareSimulated}. */
export interface CompareSimulatedResult {
  planA: string;
  planB: string;
  runs: number;
  participants: number;
  seed: number;
  distribution: string;
  /** `total cost`, then `component <id>` for every component of either plan, then `cost of sales`. */
  summary: CompareSummaryRow[];
  perParticipant: CompareParticipantRow[];
  /** Participants whose mean pay rises under plan B, most first; and whose falls, most first. */
  winners: string[];
  losers: string[];
  /** Over all participant-years: share paid more, less, the same under B. */
  participantYears: { wins: string; loses: string; same: string };
  notes: string[];
}

/**
 * Plan A against plan B over a simulated population: the same participants and the same draws (common random
 * numbers) under both, so the difference is the plans' and not the dice's. Plan B is evaluated on plan A's
 * volumes: a participant drawn at 110% of A's quota sells the same under B, and B's own quotas, rates and
 * curves decide what that pays.
 *
 * @example
 * ```ts
 * compareSimulated(current, proposed, { participants: 50, distribution: { kind: "normal", mean: 1, sd: 0.25 }, runs: 2000, seed: 7 });
 * ```
 */
export function compareSimulated(
  planA: Plan | CompiledPlan,
  planB: Plan | CompiledPlan,
  options: CompareSimulatedOptions,
): CompareSimulatedResult {
  checkArgument("compareSimulated", "options", options, "object");
  checkPlanArgument("compareSimulated", "planA", planA);
  checkPlanArgument("compareSimulated", "planB", planB);
  const core = runCore([planA, planB], options);
  const [a, b] = core.models as [CoreModel, CoreModel];
  const rounding = a.rounding;
  // Both plans' amounts in the finer of their minor units (cents and mills compare in mills), as integers.
  const [unitA, unitB] = core.unit as [number, number];
  const common = Math.max(unitA, unitB);
  const money = (d: Decimal) => formatMoney(d.div(common), common === unitA ? rounding : b.rounding);
  const asA = (x: number) => (common === unitA ? x : x * (common / unitA));
  const asB = (x: number) => (common === unitB ? x : x * (common / unitB));
  const diffRow = (metric: string, xs: ArrayLike<number> | undefined, ys: ArrayLike<number> | undefined) => {
    const n = options.runs;
    const d = new Float64Array(n);
    for (let r = 0; r < n; r++) d[r] = asB(ys ? (ys[r] as number) : 0) - asA(xs ? (xs[r] as number) : 0);
    const sd = spread(d);
    return {
      metric,
      meanA: xs ? money(exactSum(Float64Array.from(xs as ArrayLike<number>, asA)).div(n)) : "",
      meanB: ys ? money(exactSum(Float64Array.from(ys as ArrayLike<number>, asB)).div(n)) : "",
      meanDifference: money(sd.mean),
      p10Difference: money(sd.p10),
      p50Difference: money(sd.p50),
      p90Difference: money(sd.p90),
    };
  };
  const summary: CompareSummaryRow[] = [diffRow("total cost", a.runTotals, b.runTotals)];
  const ids = [...a.components, ...b.components.filter((c) => !a.components.includes(c))];
  for (const id of ids) {
    const i = a.components.indexOf(id);
    const j = b.components.indexOf(id);
    summary.push(
      diffRow(
        `component ${id}`,
        i >= 0 ? a.componentTotals[i] : undefined,
        j >= 0 ? b.componentTotals[j] : undefined,
      ),
    );
  }
  if (core.revenue) {
    const ca = decimalSpread(costOfSales(a, core));
    const cb = decimalSpread(costOfSales(b, core));
    const costA = costOfSales(a, core);
    const diffs = costOfSales(b, core).map((x, r) => x.minus(costA[r] as Decimal));
    const sd = decimalSpread(diffs);
    summary.push({
      metric: "cost of sales",
      meanA: ratio(ca.mean),
      meanB: ratio(cb.mean),
      meanDifference: ratio(sd.mean),
      p10Difference: ratio(sd.p10),
      p50Difference: ratio(sd.p50),
      p90Difference: ratio(sd.p90),
    });
  }

  let wins = 0;
  let loses = 0;
  const perParticipant = core.profiles.map((p, i) => {
    const pa = a.payouts[i] as Float64Array;
    const pb = b.payouts[i] as Float64Array;
    let w = 0;
    let l = 0;
    for (let r = 0; r < pa.length; r++) {
      const x = asA(pa[r] as number);
      const y = asB(pb[r] as number);
      if (y > x) w++;
      else if (y < x) l++;
    }
    wins += w;
    loses += l;
    const meanA = exactSum(Float64Array.from(pa, asA)).div(options.runs);
    const meanB = exactSum(Float64Array.from(pb, asB)).div(options.runs);
    return {
      row: {
        participantId: p.id,
        name: p.name ?? "",
        meanA: money(meanA),
        meanB: money(meanB),
        meanDifference: money(meanB.minus(meanA)),
        winShare: ratio(new Decimal(w).div(options.runs)),
        loseShare: ratio(new Decimal(l).div(options.runs)),
      },
      diff: meanB.minus(meanA),
    };
  });
  const byDiff = [...perParticipant].sort(
    (x, y) => y.diff.comparedTo(x.diff) || cmp(x.row.participantId, y.row.participantId),
  );
  const total = options.runs * core.profiles.length;
  return {
    planA: a.plan.id,
    planB: b.plan.id,
    runs: options.runs,
    participants: core.profiles.length,
    seed: options.seed,
    distribution: core.describe,
    summary,
    perParticipant: perParticipant.map((x) => x.row),
    winners: byDiff.filter((x) => x.diff.gt(0)).map((x) => x.row.participantId),
    losers: [...perParticipant]
      .sort((x, y) => x.diff.comparedTo(y.diff) || cmp(x.row.participantId, y.row.participantId))
      .filter((x) => x.diff.lt(0))
      .map((x) => x.row.participantId),
    participantYears: {
      wins: ratio(new Decimal(wins).div(total)),
      loses: ratio(new Decimal(loses).div(total)),
      same: ratio(new Decimal(total - wins - loses).div(total)),
    },
    notes: core.notes,
  };
}

// ——— the shared engine ———

interface CoreModel {
  plan: Plan;
  rounding: Rounding;
  components: string[];
  /** Per run: the team's pay, in minor units. */
  runTotals: Float64Array;
  /** Per component, per run. */
  componentTotals: Float64Array[];
  /** Per participant, per run. */
  payouts: Float64Array[];
  /** Every participant-year's pay. */
  pooled: Float64Array;
}

interface Core {
  models: CoreModel[];
  profiles: Profile[];
  /** Minor units per currency unit, per plan (100 at scale 2). */
  unit: number[];
  scale: number;
  describe: string;
  revenueMeasure: string | undefined;
  /** Per run: revenue of the team (plan A's revenue measure), or undefined without one. */
  revenue: Decimal[] | undefined;
  /** Per participant, per run: the attainment grid point drawn. */
  sumK: Float64Array[];
  pooledK: Float64Array;
  notes: string[];
}

// What one participant profile pays at one grid point, per plan: total and per component, in minor units.
interface Entry {
  totals: number[];
  components: number[][];
}

function runCore(plans: (Plan | CompiledPlan)[], options: SimulateOptions): Core {
  const runs = options.runs;
  if (!Number.isInteger(runs) || runs < 1)
    throw simulateError(`runs: expected a whole number of 1 or more, got ${runs}`);
  const scale = options.attainmentScale ?? 6;
  if (!Number.isInteger(scale) || scale < 0 || scale > 8)
    throw simulateError(`attainmentScale: expected 0 to 8 decimals, got ${scale}`);
  const compiled = plans.map((p) =>
    "periods" in p ? p : compilePlan(p, { operators: options.operators ?? [] }),
  );
  const first = compiled[0] as CompiledPlan;
  let profiles: Profile[];
  if (typeof options.participants === "number") {
    const n = options.participants;
    if (!Number.isInteger(n) || n < 1)
      throw simulateError(`participants: expected a whole number of 1 or more, got ${n}`);
    const width = String(n).length;
    profiles = Array.from({ length: n }, (_, i) => ({
      ...representative(),
      id: `p${String(i + 1).padStart(width, "0")}`,
    }));
  } else {
    profiles = profilesFromRecords(first.plan, options.participants);
    if (profiles.length === 0) throw simulateError("participants: no participant records given");
  }
  const { draw, describe } = sampler(options.distribution);

  // One set of models per distinct profile: a team on default targets shares one.
  const slots: {
    models: PlanModel[];
    fast: FastEvaluator[];
    revenueYear: Decimal | undefined;
  }[] = [];
  const slotOf = new Map<string, number>();
  const slotIndex = profiles.map((p) => {
    const key = profileKey(p);
    let s = slotOf.get(key);
    if (s === undefined) {
      const a = buildModel(first, p, options);
      const models = [a, ...compiled.slice(1).map((cp) => buildModel(cp, p, options, a.volumes))];
      const revenueYear = a.revenue ? a.volumes.get(a.revenue)?.year : undefined;
      const fast = models.map((m) => fastEvaluator(m, scale));
      s = slots.push({ models, fast, revenueYear }) - 1;
      slotOf.set(key, s);
    }
    return s;
  });
  const proto = (slots[0] as (typeof slots)[number]).models;
  const unit = proto.map((m) => 10 ** m.rounding.scale);
  const gridUnit = new Decimal(10).pow(scale);

  // A participant-year, per plan: per component and total, in minor units (see fast.ts: the same cents as the
  // Decimal model, which decides near boundaries).
  const compute = (slot: (typeof slots)[number], k: number): Entry => {
    const entry: Entry = { totals: [], components: [] };
    for (let j = 0; j < slot.models.length; j++) {
      const comps = (slot.fast[j] as FastEvaluator)(k);
      let total = 0;
      for (const c of comps) total += c;
      entry.totals.push(total);
      entry.components.push(comps);
    }
    return entry;
  };

  const n = profiles.length;
  const models: CoreModel[] = proto.map((m) => ({
    plan: m.plan,
    rounding: m.rounding,
    components: m.components.map((c) => c.id),
    runTotals: new Float64Array(runs),
    componentTotals: m.components.map(() => new Float64Array(runs)),
    payouts: profiles.map(() => new Float64Array(runs)),
    pooled: new Float64Array(runs * n),
  }));
  const sumK = profiles.map(() => new Float64Array(runs));
  const pooledK = new Float64Array(runs * n);
  const slotK = new Float64Array(slots.length);
  const revenue: Decimal[] | undefined = slots.every((s) => s.revenueYear) ? [] : undefined;
  const wholeVolumes = slots.every((s) => s.revenueYear?.isInteger() && s.revenueYear.lt(2 ** 40))
    ? slots.map((s) => (s.revenueYear as Decimal).toNumber())
    : undefined;
  const random = seededRandom(options.seed);
  const gridFactor = 10 ** scale;
  let clamped = 0;

  for (let r = 0; r < runs; r++) {
    slotK.fill(0);
    for (let i = 0; i < n; i++) {
      let x = draw(random);
      if (x < 0) {
        clamped++;
        x = 0;
      }
      const k = Math.round(x * gridFactor); // gridPoint(x, scale)
      const s = slotIndex[i] as number;
      const slot = slots[s] as (typeof slots)[number];
      const entry = compute(slot, k);
      sumK[i]![r] = k;
      pooledK[r * n + i] = k;
      slotK[s]! += k;
      for (let j = 0; j < models.length; j++) {
        const cm = models[j] as CoreModel;
        const total = entry.totals[j] as number;
        cm.runTotals[r]! += total;
        cm.payouts[i]![r] = total;
        cm.pooled[r * n + i] = total;
        const comps = entry.components[j] as number[];
        for (let c = 0; c < comps.length; c++) cm.componentTotals[c]![r]! += comps[c] as number;
      }
    }
    if (revenue) {
      // Σ grid points × volume ÷ 10^scale: in integers when every volume is whole (exact below 2^53).
      let whole = wholeVolumes ? 0 : Number.NaN;
      if (wholeVolumes)
        for (let s = 0; s < slots.length; s++) whole += (slotK[s] as number) * (wholeVolumes[s] as number);
      if (Number.isSafeInteger(whole)) revenue.push(new Decimal(whole).div(gridUnit));
      else {
        let rev = ZERO;
        for (let s = 0; s < slots.length; s++) {
          const slot = slots[s] as (typeof slots)[number];
          if (slotK[s] !== 0)
            rev = rev.plus(new Decimal(slotK[s] as number).times(slot.revenueYear as Decimal));
        }
        revenue.push(rev.div(gridUnit));
      }
    }
  }
  for (const cm of models) {
    if (
      !cm.runTotals.every(Number.isSafeInteger) ||
      !cm.componentTotals.every((t) => t.every(Number.isSafeInteger))
    )
      throw new CompplanError(
        "SIMULATE_RANGE",
        "a team total is too large to add up exactly; simulate fewer participants",
      );
  }

  const notes: string[] = [];
  proto.forEach((m, j) => {
    for (const c of m.components)
      if (c.note) notes.push(`${plans.length > 1 ? `plan ${m.plan.id}: ` : ""}${c.id}: ${c.note}`);
    if (j === 0 && !m.revenue)
      notes.push("no measure with a quota or planned volume: cost of sales is not computed");
  });
  if (clamped) notes.push(`${clamped} of ${runs * n} draws fell below zero attainment and count as zero`);
  return {
    models,
    profiles,
    unit,
    scale,
    describe,
    revenueMeasure: proto[0]?.revenue,
    revenue,
    sumK,
    pooledK,
    notes,
  };
}

function costOfSales(model: CoreModel, core: Core): Decimal[] {
  const u = core.unit[core.models.indexOf(model)] as number;
  return (core.revenue ?? []).map((rev, r) =>
    rev.isZero() ? ZERO : new Decimal(model.runTotals[r] as number).div(u).div(rev),
  );
}

function row(metric: string, s: Spread, format: (d: Decimal) => string): SummaryRow {
  return {
    metric,
    mean: format(s.mean),
    p10: format(s.p10),
    p50: format(s.p50),
    p90: format(s.p90),
    min: format(s.min),
    max: format(s.max),
  };
}

/** A ratio with 6 decimals, half-up. */
const ratio = (d: Decimal) => d.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6);
const attainment = (k: Decimal, scale: number) =>
  k.div(new Decimal(10).pow(scale)).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP).toFixed(scale);

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
