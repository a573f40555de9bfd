/**
 * `npx tsx bench/teamChain.ts <depth> [deals]`: `evaluate` on a manager chain `depth` deep where everyone is paid
 * on team credit (a commission and a bonus on a `credit: team` measure, one deal each), deals off unless `deals`
 * is given. Prints the time of the evaluate call, the process's resident set and heap after it, and p0's total.
 * Run it under `/usr/bin/time -f "maxrss %M KB"` for the peak. See docs/performance.md ("Team credit").
 */
import { evaluate } from "../src/evaluate/index.js";
import { parsePlan } from "../src/plan/index.js";

const depth = Number(process.argv[2] ?? 2000);
const deals = process.argv[3] === "deals";
const plan = parsePlan(`compplan: 1
id: mgr
name: mgr
currency: USD
year: { start: 2026-01-01 }
payPeriod: quarter
targets: { quota: { team: 1000000 }, variable: 10000 }
measures: { team: { value: amount, date: closeDate, credit: team } }
components:
  - { id: override, type: commission, measure: team, over: year, rate: 0.01 }
  - { id: bonus, type: bonus, measure: team, over: year, share: 0.5, curve: [[0, 0], [1, 1]] }
`);
const participants = Array.from({ length: depth }, (_, i) => ({
  id: `p${i}`,
  plan: "mgr",
  ...(i ? { managerId: `p${i - 1}` } : {}),
}));
const transactions = participants.map((p, i) => ({
  id: `d${i}`,
  ownerId: p.id,
  amount: "100",
  closeDate: `2026-0${1 + (i % 9)}-01`,
}));
const t0 = performance.now();
const result = evaluate([plan], { participants, transactions, period: "2026", deals });
const ms = performance.now() - t0;
const memory = process.memoryUsage();
console.log(
  JSON.stringify({
    depth,
    deals,
    ms: Math.round(ms),
    rssMB: Math.round(memory.rss / 1e6),
    heapMB: Math.round(memory.heapUsed / 1e6),
    p0: result.statements[0]?.total,
  }),
);
