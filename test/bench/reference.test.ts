// The benchmark's reference plan, evaluated by the engine and computed by the benchmark's hand-written decimal.js
// loop (bench/handWritten.ts, written from the YAML by hand, independently of the engine), must agree for every
// participant to the cent: the benchmark checks this on a million deals; this keeps a smaller version in CI, on
// data with splits, mid-year hires and leavers, out-of-year deals, every tier band, the cap, the gate and the
// SPIFF limit, with deal-by-deal attribution on and off and with the deals in input order and shuffled.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generate, mulberry32, type TransactionRecord } from "../../bench/generate.js";
import { D, handWritten } from "../../bench/handWritten.js";
import { compilePlan, evaluate, loadPlan } from "../../src/index.js";

const plan = compilePlan(
  loadPlan(fileURLToPath(new URL("../../bench/reference-plan.yaml", import.meta.url))),
);

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe("the benchmark's reference plan", () => {
  for (const seed of [20260101, 7]) {
    it(`pays every participant what the hand-written loop pays (seed ${seed})`, () => {
      const data = generate({ participants: 120, transactions: 12_000, seed });
      const hand = handWritten(data.participants, data.transactions);
      const runs: [string, readonly TransactionRecord[], boolean][] = [
        ["in order, deals on", data.transactions, true],
        ["in order, deals off", data.transactions, false],
        ["shuffled, deals on", shuffled(data.transactions, seed), true],
      ];
      for (const [label, transactions, deals] of runs) {
        const result = evaluate([plan], {
          participants: data.participants as unknown as Record<string, unknown>[],
          transactions: transactions as unknown as Record<string, unknown>[],
          period: "2026",
          deals,
        });
        const paid = new Map(result.statements.map((s) => [s.participantId, s.total]));
        for (const [id, total] of hand.byParticipant)
          expect(paid.get(id), `${label}: ${id}`).toBe(total.toFixed(2));
        expect(result.transactions.rejected, label).toBe(0);
        expect(result.transactions.credited + result.transactions.excluded, label).toBe(transactions.length);
        // With attribution on, each commission line's deals add up to its earnings to date (the year, exact).
        if (deals) {
          for (const s of result.statements) {
            const line = s.lines.find((l) => l.component === "commission");
            const sum = (line?.deals ?? []).reduce((x, d) => x.plus(d.earned), new D(0));
            const uncapped = !line?.trace.some((t) => t.includes("capped at"));
            if (line && uncapped)
              expect(sum.toDecimalPlaces(2).toFixed(2), `${label}: ${s.participantId}`).toBe(
                line.earnedToDate,
              );
          }
        }
      }
    });
  }
});
