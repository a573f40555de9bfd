/**
 * The reference plan (bench/reference-plan.yaml) computed by hand with decimal.js: the practical limit for an
 * exact engine written on decimal.js, and the independent computation compplan's total is checked against.
 *
 * One pass over the transactions with a plain predicate sums each participant's eligible amounts per quarter
 * and counts SPIFF-qualifying deals; then, per participant, the plan's arithmetic: seasonal prorated quotas,
 * BCR, marginal tiers on the year's attainment with the cap, the quarterly bonus curve with its gate, the SPIFF
 * limit, and rounding once per output line (half-up to cents; the bonus per quarter, as compplan settles a
 * component measured per period). No validation, no traces, no attribution: only the numbers.
 *
 * Everything here mirrors the YAML by hand on purpose (that is what "hand-written" means); the cross-check in
 * bench/run.ts fails the run if the two ever disagree by a cent.
 */
import DecimalJs from "decimal.js";
import type { ParticipantRecord, TransactionRecord } from "./generate.js";

/** decimal.js with compplan's settings (60 significant digits, half-up), isolated from the global one. */
export const D = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type D = InstanceType<typeof D>;

const ZERO = new D(0);

/** The reference plan, written out by hand. */
export const REFERENCE = {
  yearStart: "2026-01-01",
  yearEnd: "2026-12-31",
  quarters: [
    { start: "2026-01-01", end: "2026-03-31" },
    { start: "2026-04-01", end: "2026-06-30" },
    { start: "2026-07-01", end: "2026-09-30" },
    { start: "2026-10-01", end: "2026-12-31" },
  ],
  seasonality: [new D("0.2"), new D("0.25"), new D("0.25"), new D("0.3")],
  defaultQuota: "1000000",
  defaultVariable: "100000",
  commission: {
    share: new D("0.8"),
    edges: [new D("0.5"), new D("1.0")],
    firstRate: new D("0.04"),
    multipliers: [new D("1.5"), new D("2")],
    capOfTarget: new D("3"),
  },
  bonus: {
    share: new D("0.2"),
    gate: new D("0.5"),
    curve: [
      [new D("0.5"), new D("0.25")],
      [new D("1.0"), new D("1.0")],
      [new D("1.5"), new D("2.0")],
    ] as [D, D][],
  },
  spiff: { from: "2026-07-01", to: "2026-09-30", minTermMonths: 24, perDeal: new D("250"), maxDeals: 20 },
} as const;

/** Running sums of the pass over the transactions. */
export interface Accumulator {
  index: Map<string, number>;
  /** Eligible credited amount per participant per quarter: `sums[4 * participant + quarter]`. */
  sums: D[];
  /** SPIFF-qualifying credits per participant. */
  spiffDeals: Int32Array;
  /** Transactions the condition accepted. */
  eligible: number;
  /** Each participant's hire and termination dates ("" and "9999-12-31" when not given): credits outside count for nothing. */
  hired: string[];
  terminated: string[];
}

export function accumulator(participants: readonly ParticipantRecord[]): Accumulator {
  return {
    index: new Map(participants.map((p, i) => [p.id, i])),
    sums: Array.from({ length: participants.length * 4 }, () => ZERO),
    spiffDeals: new Int32Array(participants.length),
    eligible: 0,
    hired: participants.map((p) => p.hireDate ?? ""),
    terminated: participants.map((p) => p.terminationDate ?? "9999-12-31"),
  };
}

/** The measure's condition as a plain predicate: stage won and type new or expansion. */
export function isEligible(t: TransactionRecord): boolean {
  return t.stage === "won" && (t.type === "new" || t.type === "expansion");
}

/** Adds an eligible transaction: its credited amount (split by share) to each credited participant's quarter. */
export function addEligible(acc: Accumulator, t: TransactionRecord): void {
  acc.eligible++;
  const date = t.closeDate;
  if (date < REFERENCE.yearStart || date > REFERENCE.yearEnd) return;
  const month = (date.charCodeAt(5) - 48) * 10 + date.charCodeAt(6) - 48;
  const quarter = ((month - 1) / 3) | 0;
  const spiff =
    date >= REFERENCE.spiff.from &&
    date <= REFERENCE.spiff.to &&
    t.termMonths >= REFERENCE.spiff.minTermMonths;
  const amount = new D(t.amount);
  if (t.splits) {
    for (const s of t.splits) {
      const p = acc.index.get(s.participantId) as number;
      // A split partner credited on a day they were not employed (hired later, already gone) gets nothing.
      if (date < (acc.hired[p] as string) || date > (acc.terminated[p] as string)) continue;
      const k = 4 * p + quarter;
      acc.sums[k] = (acc.sums[k] as D).plus(amount.times(s.share));
      if (spiff) acc.spiffDeals[p] = (acc.spiffDeals[p] as number) + 1;
    }
  } else {
    const p = acc.index.get(t.ownerId) as number;
    if (date < (acc.hired[p] as string) || date > (acc.terminated[p] as string)) return;
    const k = 4 * p + quarter;
    acc.sums[k] = (acc.sums[k] as D).plus(amount);
    if (spiff) acc.spiffDeals[p] = (acc.spiffDeals[p] as number) + 1;
  }
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const QUARTER_DAYS = REFERENCE.quarters.map((q) => ({ start: dayNumber(q.start), end: dayNumber(q.end) }));
const round = (x: D) => x.toDecimalPlaces(2, D.ROUND_HALF_UP);

/** What one participant is paid for the year: commission + four quarterly bonuses + SPIFF, each line rounded. */
export function participantPayout(p: ParticipantRecord, sums: readonly D[], spiffDeals: number): D {
  const { commission, bonus, spiff } = REFERENCE;
  const annualQuota = new D(p["quota.bookings"] ?? REFERENCE.defaultQuota);
  const variable = new D(p.variable ?? REFERENCE.defaultVariable);
  const hire = p.hireDate ? dayNumber(p.hireDate) : -Infinity;
  const termination = p.terminationDate ? dayNumber(p.terminationDate) : Infinity;

  // Per quarter: days employed (hire and termination days included), quota (seasonal × days ÷ days in quarter).
  const quotas: D[] = [];
  const factors: D[] = [];
  let quotaYear = ZERO;
  for (let q = 0; q < 4; q++) {
    const { start, end } = QUARTER_DAYS[q] as { start: number; end: number };
    const days = end - start + 1;
    const employed = Math.max(0, Math.min(end, termination) - Math.max(start, hire) + 1);
    const seasonal = annualQuota.times(REFERENCE.seasonality[q] as D);
    const quota = employed === days ? seasonal : seasonal.times(employed).div(days);
    quotas.push(quota);
    factors.push(new D(employed).div(days));
    quotaYear = quotaYear.plus(quota);
  }

  // Commission over the year: marginal tiers on the year's bookings, edges on the (prorated) annual quota,
  // rates absolute or multiples of BCR = target ÷ annual quota; capped at 3 × the (prorated) target.
  const target = variable.times(commission.share);
  let targetYear = ZERO;
  for (const f of factors) targetYear = targetYear.plus(target.div(4).times(f));
  const bcr = annualQuota.isZero() ? ZERO : target.div(annualQuota);
  const edge1 = (commission.edges[0] as D).times(quotaYear);
  const edge2 = (commission.edges[1] as D).times(quotaYear);
  const rates = [
    commission.firstRate,
    (commission.multipliers[0] as D).times(bcr),
    (commission.multipliers[1] as D).times(bcr),
  ];
  const value = (sums[0] as D)
    .plus(sums[1] as D)
    .plus(sums[2] as D)
    .plus(sums[3] as D);
  let earned: D;
  if (value.lte(0)) earned = value.times(rates[0] as D);
  else {
    earned = ZERO;
    const bands: [D, D | null, D][] = [
      [ZERO, edge1, rates[0] as D],
      [edge1, edge2, rates[1] as D],
      [edge2, null, rates[2] as D],
    ];
    for (const [from, to, rate] of bands) {
      if (value.lte(from)) break;
      const top = to === null || value.lt(to) ? value : to;
      const portion = top.minus(from);
      if (portion.gt(0)) earned = earned.plus(portion.times(rate));
    }
  }
  const cap = targetYear.times(commission.capOfTarget);
  if (earned.gt(cap)) earned = cap;
  let total = round(earned);

  // Quarterly bonus: the quarter's bookings ÷ its quota, read off the curve (nothing below the gate), times the
  // quarter's target (a quarter of the annual, prorated); each quarter rounded on its own.
  const bonusTarget = variable.times(bonus.share);
  for (let q = 0; q < 4; q++) {
    const quota = quotas[q] as D;
    if (quota.isZero()) continue;
    const attainment = (sums[q] as D).div(quota);
    const fraction = readCurve(bonus.curve, attainment, bonus.gate);
    total = total.plus(
      round(
        bonusTarget
          .div(4)
          .times(factors[q] as D)
          .times(fraction),
      ),
    );
  }

  // SPIFF: 250 per qualifying deal, the first 20 deals.
  total = total.plus(round(spiff.perDeal.times(Math.min(spiffDeals, spiff.maxDeals))));
  return total;
}

function readCurve(points: readonly [D, D][], attainment: D, gate: D): D {
  if (attainment.lt(gate)) return ZERO;
  const first = points[0] as [D, D];
  if (attainment.lt(first[0])) return ZERO;
  for (let i = 0; i < points.length; i++) {
    const [x, y] = points[i] as [D, D];
    if (attainment.eq(x)) return y;
    const next = points[i + 1];
    if (next && attainment.lt(next[0])) {
      const [x2, y2] = next;
      return y.plus(attainment.minus(x).div(x2.minus(x)).times(y2.minus(y)));
    }
  }
  return (points[points.length - 1] as [D, D])[1];
}

/** Payouts per participant and in total, from the accumulated sums. */
export function payouts(
  participants: readonly ParticipantRecord[],
  acc: Accumulator,
): { total: D; byParticipant: Map<string, D> } {
  let total = ZERO;
  const byParticipant = new Map<string, D>();
  participants.forEach((p, i) => {
    const pay = participantPayout(p, acc.sums.slice(4 * i, 4 * i + 4), acc.spiffDeals[i] as number);
    byParticipant.set(p.id, pay);
    total = total.plus(pay);
  });
  return { total, byParticipant };
}

/** The hand-written loop: one pass with a plain predicate, then the per-participant arithmetic. */
export function handWritten(
  participants: readonly ParticipantRecord[],
  transactions: readonly TransactionRecord[],
): { total: D; byParticipant: Map<string, D>; eligible: number } {
  const acc = accumulator(participants);
  for (const t of transactions) if (isEligible(t)) addEligible(acc, t);
  return { ...payouts(participants, acc), eligible: acc.eligible };
}
