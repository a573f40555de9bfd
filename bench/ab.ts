/**
 * A/B of `evaluate` between two checkouts in one process: `npm run bench:ab -- <base-checkout> [transactions]`.
 *
 * Both checkouts' src/index.ts are bundled by esbuild (as bench/engine.ts does) and timed in alternation on the
 * same generated data (bench/generate.ts, seed 20260101, 1,000 participants), deals off and on, seven rounds,
 * so machine drift hits both alike. Prints each side's best and median and the ratios "this ÷ base". A base
 * checkout is made with `git worktree add /tmp/base <commit> && (cd /tmp/base && npm ci)`.
 */
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { bundleCompplan, type Compplan } from "./engine.js";
import { generate } from "./generate.js";

const here = resolve(fileURLToPath(new URL("..", import.meta.url)));
const baseRoot = process.argv[2];
if (!baseRoot) throw new Error("usage: npm run bench:ab -- <base-checkout> [transactions]");
const transactions = Number(process.argv[3] ?? 1_000_000);

const bundles: string[] = [];
const load = async (root: string): Promise<Compplan> => {
  const { compplan, outfile } = await bundleCompplan(esbuild, root);
  bundles.push(outfile, `${outfile}.map`);
  return compplan;
};

const data = generate({ participants: 1000, transactions, seed: 20260101 });
// The generator's records are plain objects of known fields; evaluate takes records of any fields.
const inputs = {
  participants: data.participants as unknown as Record<string, unknown>[],
  transactions: data.transactions as unknown as Record<string, unknown>[],
};
const sides = { base: await load(resolve(baseRoot)), this: await load(here) };
const planFile = join(here, "bench", "reference-plan.yaml");
const plans = { base: sides.base.loadPlan(planFile), this: sides.this.loadPlan(planFile) };
const times = new Map<string, number[]>();
for (let round = 0; round < 7; round++) {
  for (const deals of [false, true]) {
    // Alternate which side goes first, so neither always runs on a warmer or a more fragmented heap.
    const order = round % 2 ? (["this", "base"] as const) : (["base", "this"] as const);
    for (const side of order) {
      const t0 = performance.now();
      sides[side].evaluate([plans[side]], { ...inputs, period: "2026", deals });
      const key = `${side}, deals ${deals ? "on" : "off"}`;
      times.set(key, [...(times.get(key) ?? []), performance.now() - t0]);
    }
  }
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1] as number;
const best = (a: number[]) => Math.min(...a);
for (const [key, list] of times) {
  console.log(`${key}: best ${best(list).toFixed(0)} ms, median ${median(list).toFixed(0)} ms`);
}
for (const deals of ["off", "on"]) {
  const a = times.get(`base, deals ${deals}`) as number[];
  const b = times.get(`this, deals ${deals}`) as number[];
  console.log(
    `this ÷ base, deals ${deals}: best ${(best(b) / best(a)).toFixed(2)}, median ${(median(b) / median(a)).toFixed(2)}`,
  );
}
for (const file of bundles) rmSync(file, { force: true });
