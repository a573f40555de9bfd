// Shared helpers for the engine's worked examples: plans written inline as YAML, runs, and lookups.
import { expect } from "vitest";
import { type EvaluateOptions, evaluate } from "../../src/evaluate/index.js";
import { Decimal } from "../../src/money/index.js";
import { type Plan, parsePlan } from "../../src/plan/index.js";
import type { EvaluationResult, Statement, StatementLine } from "../../src/statement/index.js";

/** Removes the common leading indentation of a template literal, so plans can be indented with the code. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, "").split("\n");
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = Math.min(...indents);
  return lines.map((l) => l.slice(cut)).join("\n");
}

export interface HeaderOptions {
  payPeriod?: "month" | "quarter" | "half" | "year";
  /** e.g. `{ scale: 2, mode: half-even }` */
  rounding?: string;
  start?: string;
}

/**
 * A plan from its id and the YAML after the header (targets, measures, components), parsed with `parsePlan`.
 * The header: USD, plan year from 2026-01-01 (or `start`), paid per quarter unless told otherwise.
 */
export function plan(id: string, body: string, options: HeaderOptions = {}): Plan {
  const header = [
    "compplan: 1",
    `id: ${id}`,
    `name: ${id}`,
    "currency: USD",
    `year: { start: ${options.start ?? "2026-01-01"} }`,
    `payPeriod: ${options.payPeriod ?? "quarter"}`,
    ...(options.rounding ? [`rounding: ${options.rounding}`] : []),
  ].join("\n");
  return parsePlan(`${header}\n${dedent(body)}`);
}

export type Row = Record<string, unknown>;

/** `evaluate` with the options spelled out in the order the tests think of them. */
export function run(
  plans: readonly Plan[],
  participants: Row[],
  transactions: Row[],
  period: string,
  extra: Partial<EvaluateOptions> = {},
): EvaluationResult {
  return evaluate(plans, { participants, transactions, period, ...extra });
}

export function statementOf(result: EvaluationResult, participantId: string): Statement {
  const s = result.statements.find((x) => x.participantId === participantId);
  if (!s) throw new Error(`no statement for ${participantId}`);
  return s;
}

export function lineOf(result: EvaluationResult, participantId: string, component: string): StatementLine {
  const line = statementOf(result, participantId).lines.find((l) => l.component === component);
  if (!line) throw new Error(`no line ${component} for ${participantId}`);
  return line;
}

/** The payable of one line for the run's period. */
export function amountOf(result: EvaluationResult, participantId: string, component: string): string {
  return lineOf(result, participantId, component).amount;
}

/** Deal attribution of a line as [id, earned] pairs, with `earned` compared as an exact decimal. */
export function expectDeals(line: StatementLine, expected: [string, string][]): void {
  expect(line.deals.map((d) => d.id)).toEqual(expected.map(([id]) => id));
  line.deals.forEach((d, i) => {
    const want = expected[i]?.[1] as string;
    expect(new Decimal(d.earned).eq(want), `${d.id} earned ${d.earned}, expected ${want}`).toBe(true);
  });
}

/** Every transaction accounted for exactly once. */
export function expectAccounted(result: EvaluationResult): void {
  const t = result.transactions;
  expect(t.credited + t.excluded + t.rejected).toBe(t.input);
  expect(t.rejects.length).toBe(t.rejected);
  expect(t.exclusions.length).toBe(t.excluded);
}
