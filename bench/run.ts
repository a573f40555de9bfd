/**
 * `npm run bench [-- --transactions 100000]`: compplan against its two baselines, in the same run, on the same data.
 *
 * 1. compplan: `evaluate` of bench/reference-plan.yaml over the whole plan year (period `2026`), deal-by-deal
 *    attribution off and on (on is `evaluate`'s default).
 * 2. The naive design: json-rules-engine's `Engine.run` per transaction for the same condition, decimal.js for
 *    the arithmetic (bench/naive.ts). Slow, so it runs on a sample (first 100,000 transactions by default) and its
 *    rate is scaled to the full set.
 * 3. A hand-written decimal.js loop of the same plan (bench/handWritten.ts): the practical limit.
 *
 * Each is warmed up first (on a slice of the data), then timed with performance.now(). Ratios against the
 * baselines measured in the same process are what matter; absolute times depend on the machine and its load.
 * The run fails (exit 1) only if a correctness cross-check fails: compplan's total payout must equal the
 * hand-written loop's to the cent (with attribution off and on), and json-rules-engine must accept exactly the
 * transactions the plain predicate accepts. Missing a speed target is reported, never fatal.
 */
import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import type { EvaluationResult } from "../src/statement/index.js";
import { readOptions } from "./args.js";
import { loadCompplan } from "./engine.js";
import { generate, type TransactionRecord } from "./generate.js";
import { D, handWritten, isEligible } from "./handWritten.js";
import { fullGc, maxRss, mb, startRssSampler } from "./memory.js";
import { naive, naiveEngine } from "./naive.js";
import { formatHotSpots, hotLines, hotSpots, profile } from "./profile.js";

interface Measurement {
  name: string;
  /** Transactions processed in the timed run. */
  transactions: number;
  seconds: number;
  /** Transactions per second. */
  rate: number;
  heapUsedMb: number;
  heapDeltaMb: number;
  peakRssMb: number;
  note?: string;
}

const options = readOptions();
const sampler = startRssSampler();
const log = (line = "") => console.log(line);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

log(`compplan benchmark — ${new Date().toISOString().slice(0, 10)}`);
log(
  `machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, Node ${process.versions.node}, ${process.platform}/${process.arch}, heap limit ${fmt(mb((await import("node:v8")).getHeapStatistics().heap_size_limit))} MB`,
);
const engineUnderTest = await loadCompplan(options.source ? "source" : "bundle");
const { evaluate, loadPlan } = engineUnderTest.compplan;
log(`compplan: ${engineUnderTest.label}`);
log(
  `data: ${fmt(options.participants)} participants, ${fmt(options.transactions)} transactions, seed ${options.seed}`,
);

// ── Data and plan ────────────────────────────────────────────────────────────────────────────────────────
const started = performance.now();
const data = generate(options);
log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const planPath = [
  fileURLToPath(new URL("./reference-plan.yaml", import.meta.url)),
  "bench/reference-plan.yaml",
].find(existsSync) as string;
const plan = loadPlan(planPath);
const condition = plan.measures.bookings?.when;
if (!condition) throw new Error("the reference plan's bookings measure has no condition");
const { participants, transactions } = data;
const N = transactions.length;
const split = transactions.filter((t) => t.splits).length;
const eligibleCount = transactions.reduce((s, t) => s + (isEligible(t) ? 1 : 0), 0);
log(
  `mix: ${fmt(eligibleCount)} (${((100 * eligibleCount) / N).toFixed(1)}%) meet the measure's condition, ${fmt(split)} split, ${fmt(transactions.filter((t) => t.closeDate < "2026-01-01").length)} dated before the plan year`,
);
log();

// ── Measuring ────────────────────────────────────────────────────────────────────────────────────────────
const warmSlice = transactions.slice(0, Math.min(N, 50_000));
const measurements: Measurement[] = [];
fullGc();
const dataHeapMb = mb(process.memoryUsage().heapUsed);

/**
 * Times `work` once per run after a full GC and reports the best run. `summarise` reduces the result to the few
 * figures the cross-checks need while it is still referenced (that is when heapUsed is read), so no phase's
 * result outlives it.
 */
async function measure<T, S>(
  name: string,
  count: number,
  work: () => T | Promise<T>,
  summarise: (result: T) => S,
  note?: string,
): Promise<S> {
  let best = Number.POSITIVE_INFINITY;
  let summary: S | undefined;
  let heapUsed = 0;
  let heapDelta = 0;
  let peak = 0;
  for (let run = 0; run < options.runs; run++) {
    fullGc();
    const before = process.memoryUsage().heapUsed;
    sampler.reset();
    const t0 = performance.now();
    const result = await work();
    const seconds = (performance.now() - t0) / 1000;
    const after = process.memoryUsage().heapUsed; // the result is still referenced here
    peak = Math.max(peak, sampler.peak());
    summary = summarise(result);
    if (seconds < best) {
      best = seconds;
      heapUsed = after;
      heapDelta = after - before;
    }
  }
  const m: Measurement = {
    name,
    transactions: count,
    seconds: best,
    rate: count / best,
    heapUsedMb: mb(heapUsed),
    heapDeltaMb: mb(heapDelta),
    peakRssMb: mb(peak),
    ...(note ? { note } : {}),
  };
  measurements.push(m);
  log(
    `${name}: ${m.seconds.toFixed(2)} s, ${fmt(m.rate)} tx/s, heap used ${fmt(m.heapUsedMb)} MB (${fmt(m.heapDeltaMb)} MB more than before the run, result still referenced), peak RSS ${fmt(m.peakRssMb)} MB`,
  );
  return summary as S;
}

// Phases run from the lightest to the heaviest, since a process's RSS seldom shrinks once grown.
// (3) The hand-written loop: the reference for the totals.
handWritten(participants, warmSlice);
const hand = await measure(
  "hand-written decimal.js loop",
  N,
  () => handWritten(participants, transactions),
  (r) => r,
);

// (2) The naive design, on a sample.
const sampleSize = options.naiveSample === 0 ? N : Math.min(N, options.naiveSample);
const sample = transactions.slice(0, sampleSize);
const engine = naiveEngine(condition);
await naive(engine, participants, transactions.slice(0, Math.min(N, 5_000)));
const naiveResult = await measure(
  "naive json-rules-engine + decimal.js",
  sampleSize,
  () => naive(engine, participants, sample),
  (r) => r,
  sampleSize < N ? `sample of ${fmt(sampleSize)}, rate scaled to ${fmt(N)}` : undefined,
);
const sampleEligible = sample.reduce((s, t) => s + (isEligible(t) ? 1 : 0), 0);

// (1) compplan, attribution off and on.
const run = (deals: boolean, txs: readonly TransactionRecord[]) =>
  evaluate([plan], {
    participants: participants as unknown as Record<string, unknown>[],
    transactions: txs as unknown as Record<string, unknown>[],
    period: "2026",
    deals,
  });
const compplanSummary = (deals: boolean) => (result: EvaluationResult) => {
  const t = result.transactions;
  let accounting = `accounting: ${fmt(t.input)} in = ${fmt(t.credited)} credited + ${fmt(t.excluded)} excluded + ${fmt(t.rejected)} rejected; ${result.statements.length} statements`;
  // The exclusions are listed when first read (not timed above: a caller who reads only the statements does
  // not pay for them); reading them is timed here, and their count must be the accounting's.
  const t0 = performance.now();
  const listed = t.exclusions.length;
  const exclusionsSeconds = (performance.now() - t0) / 1000;
  const addsUp = t.input === t.credited + t.excluded + t.rejected && listed === t.excluded;
  if (!addsUp) accounting += "  ✗ DOES NOT ADD UP";
  return {
    deals,
    accounting,
    addsUp,
    excluded: listed,
    exclusionsSeconds,
    total: result.statements.reduce((s, st) => s.plus(st.total), new D(0)),
    byParticipant: new Map(result.statements.map((st) => [st.participantId, new D(st.total)])),
  };
};
run(false, warmSlice);
run(true, warmSlice);
const compplanTotals = [
  await measure("compplan evaluate, deals off", N, () => run(false, transactions), compplanSummary(false)),
  await measure("compplan evaluate, deals on ", N, () => run(true, transactions), compplanSummary(true)),
];
log();

// ── Correctness cross-checks ─────────────────────────────────────────────────────────────────────────────
let failed = false;
log("cross-checks:");
log(`  ${compplanTotals[1]?.accounting}`);
for (const c of compplanTotals)
  log(
    `  reading the ${fmt(c.excluded)} exclusions afterwards (deals ${c.deals ? "on) " : "off)"}: ${c.exclusionsSeconds.toFixed(2)} s (listed when first read, not in the times above)`,
  );
if (!compplanTotals.every((c) => c.addsUp)) failed = true;
log(`  hand-written total payout:        ${hand.total.toFixed(2)}`);
for (const c of compplanTotals) {
  const same = c.total.eq(hand.total);
  log(
    `  compplan total payout (deals ${c.deals ? "on) " : "off)"}: ${c.total.toFixed(2)}  ${same ? "✓ equal to the cent" : "✗ DIFFERS"}`,
  );
  if (!same) {
    failed = true;
    const diffs = [...hand.byParticipant].filter(([id, v]) => !c.byParticipant.get(id)?.eq(v));
    log(`    ${diffs.length} participants differ, e.g.:`);
    for (const [id, v] of diffs.slice(0, 5))
      log(
        `    ${id}: hand-written ${v.toFixed(2)}, compplan ${c.byParticipant.get(id)?.toFixed(2) ?? "(missing)"}`,
      );
  }
}
const engineAgrees = naiveResult.eligible === sampleEligible;
log(
  `  json-rules-engine accepted ${fmt(naiveResult.eligible)} of the ${fmt(sampleSize)} sampled transactions, the plain predicate ${fmt(sampleEligible)}  ${engineAgrees ? "✓" : "✗ DIFFERS"}`,
);
if (!engineAgrees) failed = true;
if (sampleSize === N) {
  const same = naiveResult.total.eq(hand.total);
  log(`  naive total payout:               ${naiveResult.total.toFixed(2)}  ${same ? "✓" : "✗ DIFFERS"}`);
  if (!same) failed = true;
}
log();

// ── Table and targets ────────────────────────────────────────────────────────────────────────────────────
const naiveM = measurements.find((m) => m.name.startsWith("naive")) as Measurement;
const handM = measurements.find((m) => m.name.startsWith("hand")) as Measurement;
const rows = [...measurements.filter((m) => m.name.startsWith("compplan")), naiveM, handM];
log(
  `| method | transactions timed | time (s) | tx/s | ÷ naive | ÷ hand-written | heap used after (MB) | peak RSS (MB) |`,
);
log(`|---|---:|---:|---:|---:|---:|---:|---:|`);
for (const m of rows) {
  log(
    `| ${m.name}${m.note ? ` (${m.note})` : ""} | ${fmt(m.transactions)} | ${m.seconds.toFixed(2)} | ${fmt(m.rate)} | ${(m.rate / naiveM.rate).toFixed(1)}× | ${(m.rate / handM.rate).toFixed(2)}× | ${fmt(m.heapUsedMb)} | ${fmt(m.peakRssMb)} |`,
  );
}
log();
log(
  `naive design on all ${fmt(N)} transactions: ~${(N / naiveM.rate).toFixed(0)} s (from its rate${sampleSize < N ? " on the sample" : ""})`,
);
log(`data set in memory: heap used ${fmt(dataHeapMb)} MB after generation (before any phase)`);
log(`process peak RSS (getrusage): ${fmt(mb(maxRss()))} MB`);
log();
log("targets (issue 3, 'Fast from the start'):");
for (const m of rows.filter((r) => r.name.startsWith("compplan"))) {
  const vsNaive = m.rate / naiveM.rate;
  const vsHand = m.rate / handM.rate;
  log(
    `  ${m.name}: ≥ 20× naive: ${vsNaive.toFixed(1)}× ${vsNaive >= 20 ? "MET" : "NOT MET"}; no slower than hand-written: ${vsHand.toFixed(2)}× ${vsHand >= 1 ? "MET" : "NOT MET"}`,
  );
}
log("  (speed targets are reported, not enforced: timings on a shared machine are noisy)");

// ── Profile hint ─────────────────────────────────────────────────────────────────────────────────────────
if (options.profile) {
  const size = options.profileSize === 0 ? N : Math.min(N, options.profileSize);
  const slice = transactions.slice(0, size);
  fullGc();
  const { profile: cpu } = await profile(() => run(true, slice));
  const spots = hotSpots(cpu);
  log();
  log(`profile of compplan evaluate (deals on, ${fmt(size)} transactions, in-process V8 sampling profiler):`);
  log("top self time:");
  for (const line of formatHotSpots(spots, "self", 12)) log(line);
  log("top self time by line (src/ and dependencies):");
  for (const [i, l] of hotLines(cpu).slice(0, 12).entries())
    log(
      `${String(i + 1).padStart(3)}. ${(100 * l.share).toFixed(1).padStart(5)}%  ${l.where}  (in ${l.name})`,
    );
  log("top inclusive time in src/:");
  for (const line of formatHotSpots(
    spots.filter((s) => s.where.startsWith("src/")),
    "total",
    12,
  ))
    log(line);
}

await sampler.stop();
engineUnderTest.dispose();
if (failed) {
  log();
  log("✗ correctness cross-check failed");
  process.exitCode = 1;
}
