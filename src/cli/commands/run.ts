import { Presets, SingleBar } from "cli-progress";
import type { Command } from "commander";
import { evaluate } from "../../evaluate/index.js";
import type { EvaluationResult } from "../../statement/index.js";
import { explain } from "../../statement/index.js";
import { checkOutputPath } from "../checkOutputPath.js";
import { type CliIo, emitChunks, emitJson, formatOption, gathered } from "../io.js";
import { loadPlans, loadRecords } from "../loadInputs.js";
import { participantOption, periodOption } from "../optionValues.js";
import type { Wrap } from "../program.js";
import { csvChunks, renderTable } from "../render.js";

interface RunOptions {
  participants?: string;
  transactions?: string;
  period: string;
  format?: string;
  out?: string;
  strict?: boolean;
  deals?: boolean;
  participant?: string;
}

// `deals`: whether the output lists each deal's part (JSON and explain do; the table and the payroll CSV do not,
// and attributing a million deals one by one costs a good part of a run).
function runEvaluation(paths: string[], opts: RunOptions, io: CliIo, deals: boolean): EvaluationResult {
  const plans = loadPlans(paths);
  // Checked against the plans before the (possibly large) data is read.
  periodOption(opts.period, plans);
  const participants = loadRecords(opts.participants, "participants");
  if (opts.participant !== undefined) participantOption(opts.participant, participants);
  const transactions = loadRecords(opts.transactions, "transactions");
  const bar =
    io.isTTY && transactions.rows.length >= 100_000
      ? new SingleBar(
          { format: "evaluating [{bar}] {value}/{total} participants", stream: process.stderr },
          Presets.shades_classic,
        )
      : undefined;
  bar?.start(participants.rows.length, 0);
  try {
    return evaluate(plans, {
      participants: participants.rows,
      transactions: transactions.rows,
      period: opts.period,
      strict: Boolean(opts.strict),
      deals,
      sources: { participants: participants.source, transactions: transactions.source },
      ...(bar ? { onProgress: (done: number) => bar.update(done) } : {}),
    });
  } finally {
    bar?.stop();
  }
}

/** One payroll row per participant, component and period. */
export function payrollRows(result: EvaluationResult): Record<string, string>[] {
  return result.statements.flatMap((s) =>
    s.lines.flatMap((l) =>
      l.periods.map((p) => ({
        participantId: s.participantId,
        name: s.name ?? "",
        plan: s.plan,
        period: p.period,
        component: l.component,
        type: l.type,
        amount: p.amount,
        currency: s.currency,
      })),
    ),
  );
}

// The accounting, then one line per reject. A generator: three million rejected deals are lines written one by
// one, not one string longer than V8 can hold.
function* summary(result: EvaluationResult): Generator<string, void, undefined> {
  const t = result.transactions;
  const p = result.participants;
  yield `transactions: ${t.input} in = ${t.credited} credited + ${t.excluded} excluded + ${t.rejected} rejected\n`;
  yield `participants: ${p.input} in = ${p.evaluated} evaluated + ${p.rejected} rejected\n`;
  for (const rejects of [p.rejects, t.rejects])
    for (const r of rejects)
      yield `  rejected ${r.source} row ${r.row}${r.id ? ` (${r.id})` : ""}: ${r.field}: ${r.message}\n`;
}

function* tableThenSummary(table: string, result: EvaluationResult): Generator<string, void, undefined> {
  yield table;
  yield* summary(result);
}

/** `compplan run` and `compplan explain`. */
export function registerRun(program: Command, io: CliIo, wrap: Wrap): void {
  const common = (c: Command) =>
    c
      .argument("<plans...>", "plan YAML files")
      .requiredOption("--participants <file>", "participants: CSV, JSON or JSON Lines")
      .requiredOption("--transactions <file>", "transactions: CSV, JSON or JSON Lines")
      .requiredOption("--period <period>", "2026, 2026-H1, 2026-Q3 or 2026-07")
      .option("--strict", "stop at the first rejected record");
  common(program.command("run").description("Compute every participant's statement for a period."))
    .option(
      "--format <format>",
      "table, json or csv (one payroll row per participant, component and period)",
      "table",
    )
    .option("--out <file>", "write to a file instead of stdout")
    .option("--no-deals", "leave deal-by-deal attribution out of JSON (table and csv never list deals)")
    .action(
      wrap(async (paths: string[], opts: RunOptions) => {
        const format = formatOption(opts.format, ["table", "json", "csv"] as const, "table");
        checkOutputPath(opts.out, "--out");
        const result = runEvaluation(paths, opts, io, format === "json" && opts.deals !== false);
        // JSON is streamed: on millions of deals it is longer than the longest string V8 can hold.
        if (format === "json") await emitJson(io, result, opts.out);
        else if (format === "csv") await emitChunks(io, csvChunks(payrollRows(result)), opts.out);
        else {
          const rows = result.statements.flatMap((s) => [
            ...s.lines.map((l) => ({
              participant: s.participantId,
              component: l.component,
              type: l.type,
              amount: l.amount,
              earnedToDate: l.earnedToDate,
              paidBefore: l.paidBefore,
            })),
            {
              participant: s.participantId,
              component: "TOTAL",
              type: "",
              amount: s.total,
              earnedToDate: "",
              paidBefore: "",
            },
          ]);
          await emitChunks(io, tableThenSummary(`${result.period}\n${renderTable(rows)}`, result), opts.out);
        }
        if (format !== "table") for (const chunk of gathered(summary(result))) io.stderr(chunk);
        return 0;
      }),
    );
  common(program.command("explain").description("Explain one participant's statement line by line."))
    .requiredOption("--participant <id>", "the participant to explain")
    .action(
      wrap((paths: string[], opts: RunOptions) => {
        const result = runEvaluation(paths, opts, io, true);
        io.stdout(explain(result, opts.participant as string));
        return 0;
      }),
    );
}
