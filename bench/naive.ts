/**
 * The naive design: the plan's eligibility condition handed to json-rules-engine as it is, `Engine.run` once per
 * transaction (one engine, each run awaited before the next starts, so runs never overlap), and decimal.js for
 * the arithmetic (the same accumulation and payout code as the hand-written loop). This is what "use
 * json-rules-engine for the conditions" costs when it is done the obvious way.
 *
 * It is kind to the naive design: only the measure's condition goes through the engine; the SPIFF's date window
 * and term test stay plain JavaScript.
 */
import { Engine, type TopLevelCondition } from "json-rules-engine";
import type { ParticipantRecord, TransactionRecord } from "./generate.js";
import { accumulator, addEligible, type D, payouts } from "./handWritten.js";

export function naiveEngine(condition: unknown): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({ conditions: condition as TopLevelCondition, event: { type: "eligible" } });
  return engine;
}

export async function naive(
  engine: Engine,
  participants: readonly ParticipantRecord[],
  transactions: readonly TransactionRecord[],
): Promise<{ total: D; byParticipant: Map<string, D>; eligible: number }> {
  const acc = accumulator(participants);
  for (const t of transactions) {
    const { events } = await engine.run(t as unknown as Record<string, unknown>);
    if (events.length > 0) addEligible(acc, t);
  }
  return { ...payouts(participants, acc), eligible: acc.eligible };
}
