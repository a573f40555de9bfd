import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { buildModel, curveTable, payoutCurve, renderCurveSvg, representative } from "../../simulate/index.js";
import { type CliIo, emit, formatOption, UsageError } from "../io.js";
import { loadPlans } from "../loadInputs.js";
import type { Wrap } from "../program.js";
import { renderCsv, renderJson, renderTable } from "../render.js";
import { collectPairs, modelOptions } from "./simulate.js";

interface CurveCliOptions {
  from?: string;
  to?: string;
  step?: string;
  svg?: string;
  metric?: string;
  planned?: string[];
  mix?: string[];
  revenue?: string;
  format?: string;
  out?: string;
}

/**
 * `compplan curve <plan.yaml>`: the payout curve, one row per attainment (table, csv) or per attainment and
 * series (json); `--svg` also draws it.
 */
export function registerCurve(program: Command, io: CliIo, wrap: Wrap): void {
  program
    .command("curve")
    .description(
      "Payout curve of a plan: pay and effective rate per component and in total across attainment.",
    )
    .argument("<plan>", "plan YAML file")
    .option("--from <attainment>", "first attainment", "0")
    .option("--to <attainment>", "last attainment", "2")
    .option("--step <attainment>", "step", "0.05")
    .option("--svg <file>", "also draw the curve as an SVG chart")
    .option("--metric <metric>", "what the SVG draws: payout or effectiveRate", "payout")
    .option(
      "--planned <measure=volume>",
      "volume at 100% of a measure without a quota (repeatable)",
      collectPairs,
      [],
    )
    .option("--mix <component:row=share>", "mix of a rate table's rows (repeatable)", collectPairs, [])
    .option("--revenue <measure>", "the measure that is revenue, for the total's effective rate")
    .option("--format <format>", "table, json (one row per attainment and series) or csv", "table")
    .option("--out <file>", "write to a file instead of stdout")
    .action(
      wrap(async (path: string, opts: CurveCliOptions) => {
        const format = formatOption(opts.format, ["table", "json", "csv"] as const, "table");
        const metric =
          opts.metric === "effectiveRate" ? "effectiveRate" : opts.metric === "payout" ? "payout" : undefined;
        if (!metric) throw new UsageError(`--metric must be payout or effectiveRate, got ${opts.metric}`);
        const [plan] = loadPlans([path]);
        if (!plan) throw new UsageError("a plan file is required");
        const model = buildModel(plan, representative(), modelOptions(opts));
        const rows = payoutCurve(model, {
          ...(opts.from !== undefined ? { from: opts.from } : {}),
          ...(opts.to !== undefined ? { to: opts.to } : {}),
          ...(opts.step !== undefined ? { step: opts.step } : {}),
        });
        if (opts.svg) {
          writeFileSync(
            opts.svg,
            await renderCurveSvg(rows, { title: plan.name, currency: plan.currency, metric }),
          );
          io.stderr(`wrote ${opts.svg}\n`);
        }
        if (format === "json") emit(io, renderJson(rows), opts.out);
        else if (format === "csv") emit(io, renderCsv(curveTable(rows)), opts.out);
        else {
          const notes = model.components.filter((c) => c.note).map((c) => `note: ${c.id}: ${c.note}\n`);
          emit(
            io,
            `${plan.id}: pay for the year at each attainment (${plan.currency}); effectiveRate = total ÷ ${model.revenue ?? "revenue"}\n` +
              renderTable(curveTable(rows)) +
              notes.join(""),
            opts.out,
          );
        }
        return 0;
      }),
    );
}
