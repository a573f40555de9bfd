/**
 * A realistic, reproducible data set for the benchmark: participants on the reference plan
 * (bench/reference-plan.yaml) and a year of their deals, drawn from a fixed-seed PRNG (mulberry32), so the same
 * options always give the same records, byte for byte, on any machine.
 *
 * What it looks like (the shares are the generator's parameters, so the plan's condition, tiers, SPIFF and bonus
 * all have work to do):
 * - participants: ids `P00001`…, one manager per ten reps; per-rep annual quota 600,000–2,000,000 and variable
 *   60,000–150,000; ~7% hired during 2026 and ~3% leaving during it (so quotas and targets are prorated);
 *   a performance factor per rep puts year-end attainment anywhere from ~30% to ~250% (all three tier bands, the
 *   bonus gate and the commission cap are reached by someone).
 * - transactions: ids `T0000001`…, owners drawn with uneven activity; amounts with cents as strings
 *   (`"1843.27"`), log-normal around the owner's typical deal; close dates through 2026 with quarter-end peaks,
 *   ~2% in late 2025 (outside the plan year, so excluded), always inside the owner's employment; stage won 65% /
 *   lost 25% / open 10%, type new 45% / expansion 25% / renewal 30% (so ~55% of deals are excluded by the
 *   measure's condition); termMonths 12 / 24 / 36; ~6% split two ways and ~1% three ways.
 *
 * Use it as a module (`generate({ participants, transactions, seed })`) or write CSV files for the CLI:
 * `npx tsx bench/generate.ts --transactions 1000000` (writes .bench-data/, which git ignores).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readOptions } from "./args.js";

export const PLAN_ID = "bench-ae";

export interface ParticipantRecord {
  id: string;
  name: string;
  plan: string;
  hireDate: string;
  terminationDate?: string;
  managerId?: string;
  variable: string;
  "quota.bookings": string;
}

export interface SplitRecord {
  participantId: string;
  share: string;
}

export interface TransactionRecord {
  id: string;
  ownerId: string;
  amount: string;
  closeDate: string;
  stage: "won" | "lost" | "open";
  type: "new" | "expansion" | "renewal";
  termMonths: number;
  product: string;
  splits?: SplitRecord[];
}

export interface DataSet {
  participants: ParticipantRecord[];
  transactions: TransactionRecord[];
}

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

const YEAR_START = dayNumber("2026-01-01");
const YEAR_END = dayNumber("2026-12-31");
const PRIOR_START = dayNumber("2025-10-01");
// Close dates cluster at the end of each quarter (the third month of a quarter carries ~40% of it).
const MONTH_WEIGHTS = [0.065, 0.075, 0.11, 0.07, 0.08, 0.11, 0.065, 0.075, 0.11, 0.07, 0.08, 0.09];
const SPLITS_2 = [
  ["0.5", "0.5"],
  ["0.6", "0.4"],
  ["0.7", "0.3"],
  ["0.75", "0.25"],
] as const;
const SPLITS_3 = [
  ["0.4", "0.3", "0.3"],
  ["0.5", "0.25", "0.25"],
] as const;
const PRODUCTS = ["platform", "analytics", "support", "services"] as const;
// P(the measure's condition holds) = P(won) × P(new or expansion); used to size typical deals.
const ELIGIBLE = 0.65 * 0.7;

export function generate(options: { participants: number; transactions: number; seed: number }): DataSet {
  const random = mulberry32(options.seed);
  const gaussian = () => {
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

  // Day tables: ISO strings for every day we may draw, and a cumulative month distribution for 2026.
  const iso = new Map<number, string>();
  const isoDay = (d: number) => {
    let s = iso.get(d);
    if (s === undefined) {
      s = isoOf(d);
      iso.set(d, s);
    }
    return s;
  };
  const monthStarts = Array.from({ length: 13 }, (_, m) =>
    m === 12 ? YEAR_END + 1 : Date.UTC(2026, m, 1) / DAY,
  );
  const monthCumulative: number[] = [];
  MONTH_WEIGHTS.reduce((s, w) => {
    monthCumulative.push(s + w);
    return s + w;
  }, 0);
  const monthTotal = monthCumulative[11] as number;
  const drawDay2026 = () => {
    const r = random() * monthTotal;
    let m = 0;
    while (m < 11 && r >= (monthCumulative[m] as number)) m++;
    const from = monthStarts[m] as number;
    return from + Math.floor(random() * ((monthStarts[m + 1] as number) - from));
  };

  // Participants.
  const n = options.participants;
  const participants: ParticipantRecord[] = [];
  const first = new Int32Array(n); // first and last day a participant can close a deal
  const last = new Int32Array(n);
  const activity = new Float64Array(n);
  const typicalDeal = new Float64Array(n);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `P${String(i + 1).padStart(5, "0")}`;
    ids.push(id);
    const r = random();
    let hire: number;
    if (r < 0.07)
      hire =
        dayNumber("2026-01-15") + Math.floor(random() * (dayNumber("2026-10-31") - dayNumber("2026-01-15")));
    else
      hire =
        dayNumber("2015-01-01") + Math.floor(random() * (dayNumber("2025-12-31") - dayNumber("2015-01-01")));
    let termination: number | undefined;
    if (random() < 0.03) {
      const from = Math.max(hire + 30, dayNumber("2026-03-01"));
      termination = from + Math.floor(random() * Math.max(1, dayNumber("2026-12-15") - from));
    }
    const quota = 600_000 + 50_000 * Math.floor(random() * 29); // 600,000 … 2,000,000
    const variable = 60_000 + 5_000 * Math.floor(random() * 19); // 60,000 … 150,000
    const record: ParticipantRecord = {
      id,
      name: `Rep ${i + 1}`,
      plan: PLAN_ID,
      hireDate: isoOf(hire),
      variable: String(variable),
      "quota.bookings": String(quota),
    };
    if (termination !== undefined) record.terminationDate = isoOf(termination);
    if (i % 10 !== 0) record.managerId = ids[i - (i % 10)] as string;
    participants.push(record);
    first[i] = Math.max(hire, PRIOR_START);
    last[i] = termination ?? YEAR_END;
    activity[i] = 0.4 + 1.2 * random();
    // Performance: median ~0.95 of quota, a long tail above.
    const performance = Math.exp(-0.05 + 0.4 * gaussian());
    const employedShare =
      Math.max(1, Math.min(last[i] as number, YEAR_END) - Math.max(hire, YEAR_START) + 1) / 365;
    typicalDeal[i] = (quota * performance * employedShare) / ELIGIBLE; // divided by the deal count below
  }
  const activityTotal = activity.reduce((s, a) => s + a, 0);
  const cumulative = new Float64Array(n);
  let running = 0;
  for (let i = 0; i < n; i++) {
    running += (activity[i] as number) / activityTotal;
    cumulative[i] = running;
    // Expected deals of i, so that the sum of its eligible deals lands near quota × performance.
    typicalDeal[i] =
      (typicalDeal[i] as number) /
      Math.max(1, options.transactions * ((activity[i] as number) / activityTotal));
  }
  const drawOwner = () => {
    const r = random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) <= r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // Transactions.
  const sigma = 0.9;
  const logNormalMean = Math.exp((sigma * sigma) / 2);
  const transactions: TransactionRecord[] = [];
  for (let k = 0; k < options.transactions; k++) {
    const owner = drawOwner();
    let day =
      random() < 0.015 ? PRIOR_START + Math.floor(random() * (YEAR_START - PRIOR_START)) : drawDay2026();
    const from = first[owner] as number;
    const to = last[owner] as number;
    if (day < from || day > to) day = from + Math.floor(random() * (to - from + 1));
    const size = ((typicalDeal[owner] as number) * Math.exp(sigma * gaussian())) / logNormalMean;
    const cents = Math.max(100, Math.round(size * 100));
    const r = random();
    const stage = r < 0.65 ? "won" : r < 0.9 ? "lost" : "open";
    const s = random();
    const type = s < 0.45 ? "new" : s < 0.7 ? "expansion" : "renewal";
    const t = random();
    const termMonths = t < 0.55 ? 12 : t < 0.8 ? 24 : 36;
    const transaction: TransactionRecord = {
      id: `T${String(k + 1).padStart(7, "0")}`,
      ownerId: ids[owner] as string,
      amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`,
      closeDate: isoDay(day),
      stage,
      type,
      termMonths,
      product: pick(PRODUCTS),
    };
    const split = random();
    if (split < 0.07) {
      const shares = split < 0.01 ? pick(SPLITS_3) : pick(SPLITS_2);
      const members = [owner];
      while (members.length < shares.length) {
        const other = Math.floor(random() * n);
        if (!members.includes(other)) members.push(other);
      }
      transaction.splits = members.map((m, j) => ({
        participantId: ids[m] as string,
        share: shares[j] as string,
      }));
    }
    transactions.push(transaction);
  }
  return { participants, transactions };
}

/** Writes the data set as CSV files (`participants.csv`, `transactions.csv`) that `compplan run` reads. */
export function writeCsv(data: DataSet, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const people = ["id,name,plan,hireDate,terminationDate,managerId,variable,quota.bookings"];
  for (const p of data.participants) {
    people.push(
      [
        p.id,
        p.name,
        p.plan,
        p.hireDate,
        p.terminationDate ?? "",
        p.managerId ?? "",
        p.variable,
        p["quota.bookings"],
      ].join(","),
    );
  }
  writeFileSync(join(dir, "participants.csv"), `${people.join("\n")}\n`);
  const lines = ["id,ownerId,amount,closeDate,stage,type,termMonths,product,splits"];
  for (const t of data.transactions) {
    const splits = t.splits ? t.splits.map((s) => `${s.participantId}:${s.share}`).join(";") : "";
    lines.push(
      `${t.id},${t.ownerId},${t.amount},${t.closeDate},${t.stage},${t.type},${t.termMonths},${t.product},${splits}`,
    );
  }
  writeFileSync(join(dir, "transactions.csv"), `${lines.join("\n")}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = readOptions();
  const started = performance.now();
  const data = generate(options);
  const seconds = (performance.now() - started) / 1000;
  const dir = options.out ?? ".bench-data";
  writeCsv(data, dir);
  console.log(
    `wrote ${data.participants.length} participants and ${data.transactions.length} transactions (seed ${options.seed}, generated in ${seconds.toFixed(1)} s) to ${dir}/`,
  );
  console.log(
    `run them: npx tsx src/cli/main.ts run bench/reference-plan.yaml --participants ${dir}/participants.csv --transactions ${dir}/transactions.csv --period 2026 --format csv --out /dev/null`,
  );
}
