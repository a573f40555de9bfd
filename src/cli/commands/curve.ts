import type { Command } from "commander";
import { importCharting } from "../../simulate/importCharting.js";
import { buildModel, curveTable, payoutCurve, renderCurveSvg, representative } from "../../simulate/index.js";
import { checkOutputPath } from "../checkOutputPath.js";
import { type CliIo, emit, emitJson, formatOption, optionErrorsAsUsage, UsageError } from "../io.js";
import { loadPlans } from "../loadInputs.js";
import { decimalOption } from "../optionValues.js";
import type { Wrap } from "../program.js";
import { renderCsv, renderTable } from "../render.js";
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
        checkOutputPath(opts.out, "--out");
        checkOutputPath(opts.svg, "--svg");
        const from = decimalOption(opts.from, "--from");
        const to = decimalOption(opts.to, "--to");
        const step = decimalOption(opts.step, "--step", { above: 0 });
        const modelOpts = modelOptions(opts);
        // The chart's optional packages are looked for first: a missing one is said before any work is done.
        if (opts.svg) await importCharting();
        const [plan] = loadPlans([path]);
        if (!plan) throw new UsageError("a plan file is required");
        // SIMULATE_INVALID here is an option the plan cannot take (--to below --from, a --mix row it lacks).
        const model = optionErrorsAsUsage(["SIMULATE_INVALID"], () =>
          buildModel(plan, representative(), modelOpts),
        );
        const rows = optionErrorsAsUsage(["SIMULATE_INVALID"], () =>
          payoutCurve(model, {
            ...(from !== undefined ? { from } : {}),
            ...(to !== undefined ? { to } : {}),
            ...(step !== undefined ? { step } : {}),
          }),
        );
        if (opts.svg) {
          await emit(
            io,
            await renderCurveSvg(rows, { title: plan.name, currency: plan.currency, metric }),
            opts.svg,
          );
          io.stderr(`wrote ${opts.svg}\n`);
        }
        if (format === "json") await emitJson(io, rows, opts.out);
        else if (format === "csv") await emit(io, renderCsv(curveTable(rows)), opts.out);
        else {
          const notes = model.components.filter((c) => c.note).map((c) => `note: ${c.id}: ${c.note}\n`);
          await emit(
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
