/**
 * `npm run bench:simulate [-- --runs 10000 --participants 100 --seed 42]`: Monte Carlo speed of `simulate`,
 * against its baseline measured in the same run.
 *
 * 1. `simulate` of the quick-start plan: N participants × R runs, attainment lognormal (mean 1, sd 0.3), on a
 *    team on the plan's default targets (one plan model for all), then on a team whose every member has their
 *    own quota and variable target (a model each: the worst case), then with draws on a coarser grid.
 * 2. The baseline: `evaluate` once per simulated participant-year, i.e. what a simulation built on the engine
 *    would cost: a participant, one synthetic deal per quarter at the drawn attainment, the whole plan year,
 *    the plan compiled once. Timed on a sample of participant-years and scaled to N × R.
 *
 * Prints runs per second, participant-years per second, and the speed-up over the baseline. The cross-check
 * that matters (the model pays what `evaluate` pays, to the cent) is a test: test/simulate/model.test.ts.
 * Absolute times depend on the machine and its load; the ratio is measured in one process, so it holds better.
 */
import { cpus } from "node:os";
import { compilePlan, evaluate } from "../src/evaluate/index.js";
import { Decimal } from "../src/money/index.js";
import { loadPlan } from "../src/plan/index.js";
import { buildModel, representative, seededRandom, simulate } from "../src/simulate/index.js";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a whole number, got ${process.argv[i + 1]}`);
  return value;
}

const runs = option("runs", 10_000);
const participants = option("participants", 100);
const seed = option("seed", 42);
const sample = option("sample", 2_000);
const log = (line = "") => console.log(line);
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

const plan = loadPlan("examples/quickstart/plan.yaml");
const compiled = compilePlan(plan);
const distribution = { kind: "lognormal", mean: 1, sd: 0.3 } as const;
const years = runs * participants;

log(`compplan simulation benchmark — ${new Date().toISOString().slice(0, 10)}`);
log(`machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, Node ${process.versions.node}`);
log(
  `plan: ${plan.id}; ${fmt(participants)} participants × ${fmt(runs)} runs = ${fmt(years)} participant-years`,
);
log();

// Warm up the model, the fast path and the JIT on a small run.
simulate(compiled, { participants: 10, distribution, runs: 200, seed: 1 });

interface Row {
  case: string;
  seconds: number;
}
const rows: Row[] = [];
const time = (label: string, run: () => void) => {
  const start = performance.now();
  run();
  const seconds = (performance.now() - start) / 1000;
  rows.push({ case: label, seconds });
  log(
    `${label.padEnd(58)} ${fmt(seconds, 2).padStart(7)} s  ${fmt(runs / seconds).padStart(9)} runs/s  ${fmt(years / seconds).padStart(11)} participant-years/s`,
  );
};

time(`simulate, ${participants} participants on default targets`, () => {
  simulate(compiled, { participants, distribution, runs, seed });
});
const team = Array.from({ length: participants }, (_, i) => ({
  id: `rep${i + 1}`,
  "quota.bookings": 800_000 + 5_000 * i,
  variable: 70_000 + 250 * i,
}));
time(`simulate, ${participants} participants each on their own targets`, () => {
  simulate(compiled, { participants: team, distribution, runs, seed });
});
time(`simulate, default targets, attainment on a 4-decimal grid`, () => {
  simulate(compiled, { participants, distribution, runs, seed, attainmentScale: 4 });
});

// Baseline: evaluate per participant-year, on the same kind of draws.
const model = buildModel(compiled, representative());
const volume = model.volumes.get("bookings");
if (!volume) throw new Error("the quick-start plan has no bookings quota");
const random = seededRandom(seed);
const draws = Array.from({ length: sample }, () => {
  const u = 1 - random();
  const v = random();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  const sigma2 = Math.log(1 + 0.09);
  return new Decimal(Math.exp(-sigma2 / 2 + Math.sqrt(sigma2) * z).toFixed(6));
});
const deals = draws.map((a) =>
  compiled.periods.map((period, i) => ({
    id: `t${i}`,
    ownerId: "rep",
    amount: a.times(volume.perPeriod[i] as Decimal).toString(),
    closeDate: period.start,
    stage: "won",
    type: "new",
  })),
);
const person = [{ id: "rep", plan: plan.id, hireDate: "2020-01-01" }];
for (let i = 0; i < 50; i++)
  evaluate([compiled], { participants: person, transactions: deals[i] ?? [], period: "2026", deals: false });
const start = performance.now();
let check = new Decimal(0);
for (const transactions of deals) {
  const result = evaluate([compiled], { participants: person, transactions, period: "2026", deals: false });
  check = check.plus(result.statements[0]?.total ?? 0);
}
const perYear = (performance.now() - start) / 1000 / sample;
const baseline = perYear * years;
log(
  `${"evaluate once per participant-year (baseline)".padEnd(58)} ${fmt(baseline, 1).padStart(7)} s  ${fmt(runs / baseline).padStart(9)} runs/s  ${fmt(1 / perYear).padStart(11)} participant-years/s`,
);
log(
  `  (timed on ${fmt(sample)} participant-years, ${fmt(perYear * 1e6, 1)} µs each, scaled to ${fmt(years)}; check sum ${check.toFixed(2)})`,
);
log();
for (const row of rows)
  log(`speed-up of "${row.case}" over the baseline: ${fmt(baseline / row.seconds, 1)}×`);
const first = rows[0] as Row;
log();
log(
  first.seconds < 10
    ? `target met: ${fmt(runs)} runs of a ${participants}-person team in ${fmt(first.seconds, 2)} s`
    : `target missed: ${fmt(runs)} runs of a ${participants}-person team took ${fmt(first.seconds, 2)} s`,
);
