import type { Command } from "commander";
import { ownValue } from "../../plan/ownValue.js";
import {
  type AttainmentDistribution,
  comparePlans,
  compareSimulated,
  type ModelOptions,
  type SimulateOptions,
  simulate,
} from "../../simulate/index.js";
import { type CliIo, emit, formatOption, UsageError } from "../io.js";
import { loadPlans, loadRecords } from "../loadInputs.js";
import type { Wrap } from "../program.js";
import { renderCsv, renderJson, renderTable } from "../render.js";

interface SimulateCliOptions {
  runs?: string;
  participants?: string;
  seed?: string;
  distribution?: string;
  mean?: string;
  sd?: string;
  history?: string;
  scale?: string;
  compare?: string;
  transactions?: string;
  period?: string;
  planned?: string[];
  mix?: string[];
  revenue?: string;
  table?: string;
  format?: string;
  out?: string;
}

/**
 * `compplan simulate <plan.yaml>`: Monte Carlo cost of a plan; with `--compare <planB.yaml>`, plan A against
 * plan B over the same simulated population, or, with `--transactions` and `--period`, on actual deals.
 */
export function registerSimulate(program: Command, io: CliIo, wrap: Wrap): void {
  program
    .command("simulate")
    .description(
      "Monte Carlo cost of a plan: attainment drawn per participant-year, N runs, a fixed seed. With --compare, plan A against plan B.",
    )
    .argument("<plan>", "plan YAML file")
    .option("--runs <n>", "simulated years of the whole team", "1000")
    .option(
      "--participants <n|file>",
      "a number of participants on the plan's defaults, or a participants file",
      "10",
    )
    .option("--seed <n>", "seed of the random numbers: the same seed gives the same result", "1")
    .option("--distribution <kind>", "normal, lognormal or resample", "normal")
    .option("--mean <attainment>", "mean attainment (1 = 100%)", "1")
    .option("--sd <attainment>", "standard deviation of attainment", "0.3")
    .option("--history <file>", "past attainments to resample (CSV/JSON with an attainment column)")
    .option("--scale <decimals>", "decimals of the attainment grid", "6")
    .option("--compare <planB>", "compare with another plan on the same participants and draws")
    .option("--transactions <file>", "with --compare: compare on these deals instead of simulating")
    .option("--period <period>", "with --transactions: 2026, 2026-H1, 2026-Q3 or 2026-07")
    .option(
      "--planned <measure=volume>",
      "volume at 100% of a measure without a quota (repeatable)",
      collectPairs,
      [],
    )
    .option("--mix <component:row=share>", "mix of a rate table's rows (repeatable)", collectPairs, [])
    .option("--revenue <measure>", "the measure that is revenue, for cost of sales")
    .option("--table <rows>", "rows for table and csv: summary, participants or runs", "summary")
    .option("--format <format>", "table, json or csv", "table")
    .option("--out <file>", "write to a file instead of stdout")
    .action(
      wrap((path: string, opts: SimulateCliOptions) => {
        const format = formatOption(opts.format, ["table", "json", "csv"] as const, "table");
        const table = choice(opts.table, ["summary", "participants", "runs"] as const, "--table");
        const [plan] = loadPlans([path]);
        if (!plan) throw new UsageError("a plan file is required");
        const planB = opts.compare ? loadPlans([opts.compare])[0] : undefined;

        if (opts.transactions || opts.period) {
          if (!planB) throw new UsageError("--transactions compares plans: give --compare <planB.yaml>");
          if (!opts.period) throw new UsageError("--period is required with --transactions");
          const participants = loadRecords(
            /^\d+$/.test(opts.participants ?? "") ? undefined : opts.participants,
            "participants",
          ).rows;
          const transactions = loadRecords(opts.transactions, "transactions").rows;
          const c = comparePlans(plan, planB, { participants, transactions, period: opts.period });
          if (format === "json") emit(io, renderJson(c), opts.out);
          else if (format === "csv")
            emit(io, renderCsv(table === "participants" ? c.participants : c.rows), opts.out);
          else {
            emit(
              io,
              `${c.planA} → ${c.planB} on the deals of ${c.period} (difference = B − A)\n` +
                renderTable(c.totals) +
                renderTable(c.participants) +
                `paid more under ${c.planB}: ${c.winners.length ? c.winners.join(", ") : "nobody"}\n` +
                `paid less under ${c.planB}: ${c.losers.length ? c.losers.join(", ") : "nobody"}\n` +
                rejectsText(c.rejects),
              opts.out,
            );
          }
          return 0;
        }

        const options: SimulateOptions = {
          ...modelOptions(opts),
          participants: /^\d+$/.test(opts.participants ?? "")
            ? Number(opts.participants)
            : loadRecords(opts.participants, "participants").rows,
          distribution: distributionOf(opts),
          runs: integer(opts.runs, "--runs", 1),
          seed: integer(opts.seed, "--seed", 0),
          attainmentScale: integer(opts.scale, "--scale", 0),
          keepRuns: table === "runs",
        };
        if (planB) {
          const c = compareSimulated(plan, planB, options);
          if (format === "json") emit(io, renderJson(c), opts.out);
          else {
            const rows = table === "participants" ? c.perParticipant : c.summary;
            if (format === "csv") emit(io, renderCsv(rows), opts.out);
            else
              emit(
                io,
                `${c.planA} → ${c.planB}: ${c.runs} runs of ${c.participants} participants, ${c.distribution}, seed ${c.seed} (difference = B − A)\n` +
                  renderTable(rows) +
                  `participant-years paid more under ${c.planB}: ${percent(c.participantYears.wins)}, less: ${percent(c.participantYears.loses)}, the same: ${percent(c.participantYears.same)}\n` +
                  `participants paid more on average: ${c.winners.length}; paid less: ${c.losers.length}\n` +
                  notesText(c.notes),
                opts.out,
              );
          }
          return 0;
        }
        const result = simulate(plan, options);
        if (format === "json") emit(io, renderJson(result), opts.out);
        else {
          const rows =
            table === "participants"
              ? result.perParticipant
              : table === "runs"
                ? (result.runRows ?? [])
                : result.summary;
          if (format === "csv") emit(io, renderCsv(rows), opts.out);
          else
            emit(
              io,
              `${result.plan}: ${result.runs} runs of ${result.participants} participants, ${result.distribution}, seed ${result.seed}` +
                ` (attainment on a grid of ${result.attainmentScale} decimals; amounts in ${result.currency})\n` +
                renderTable(rows) +
                notesText(result.notes),
              opts.out,
            );
        }
        return 0;
      }),
    );
}

function distributionOf(opts: SimulateCliOptions): AttainmentDistribution {
  const kind = choice(opts.distribution, ["normal", "lognormal", "resample"] as const, "--distribution");
  if (kind === "resample") {
    if (!opts.history) throw new UsageError("--distribution resample needs --history <file>");
    const { rows, source } = loadRecords(opts.history, "history");
    const history = rows.map((r, i) => {
      const v = r.attainment;
      if (typeof v !== "string" && typeof v !== "number")
        throw new UsageError(`${source} row ${i + 1}: expected an attainment column`);
      return v;
    });
    return { kind, history };
  }
  if (opts.history) throw new UsageError("--history is for --distribution resample");
  return { kind, mean: opts.mean ?? "1", sd: opts.sd ?? "0.3" };
}

function integer(value: string | undefined, option: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`${option} must be a whole number of ${min} or more, got ${value}`);
  return n;
}

function choice<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T {
  const v = (value ?? allowed[0]) as T;
  if (!allowed.includes(v))
    throw new UsageError(`${option} must be one of ${allowed.join(", ")}, got ${value}`);
  return v;
}

const percent = (ratio: string) => `${(Number(ratio) * 100).toFixed(2)}%`;
const notesText = (notes: readonly string[]) => notes.map((n) => `note: ${n}\n`).join("");
const rejectsText = (r: {
  a: readonly { source: string; row: number; field: string; message: string }[];
  b: readonly { source: string; row: number; field: string; message: string }[];
}) =>
  [...r.a.map((x) => ["A", x] as const), ...r.b.map((x) => ["B", x] as const)]
    .map(([p, x]) => `rejected under plan ${p}: ${x.source} row ${x.row}: ${x.field}: ${x.message}\n`)
    .join("");

/** Commander collector for repeatable `key=value` options. */
export function collectPairs(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--planned m=v`, `--mix component:row=share` and `--revenue m` as model options. */
export function modelOptions(opts: { planned?: string[]; mix?: string[]; revenue?: string }): ModelOptions {
  const planned: Record<string, string> = {};
  for (const pair of opts.planned ?? []) {
    const [measure, volume] = split(pair, "=", "--planned", "bookings=1000000");
    planned[measure] = volume;
  }
  const mix: Record<string, Record<string, string>> = {};
  for (const pair of opts.mix ?? []) {
    const [left, share] = split(pair, "=", "--mix", "overlay-commission:enterprise=0.4");
    const [component, row] = split(left, ":", "--mix", "overlay-commission:enterprise=0.4");
    mix[component] = { ...(ownValue(mix, component) ?? {}), [row]: share };
  }
  return {
    ...(Object.keys(planned).length ? { planned } : {}),
    ...(Object.keys(mix).length ? { mix } : {}),
    ...(opts.revenue ? { revenue: opts.revenue } : {}),
  };
}

function split(text: string, sep: string, option: string, example: string): [string, string] {
  const at = text.indexOf(sep);
  if (at <= 0 || at === text.length - 1)
    throw new UsageError(`${option} expects a value like ${example}, got ${text}`);
  return [text.slice(0, at), text.slice(at + 1)];
}
