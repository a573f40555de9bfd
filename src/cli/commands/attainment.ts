import type { Command } from "commander";
import { planYear } from "../../calendar/index.js";
import { attainmentAsOf } from "../../evaluate/index.js";
import { checkOutputPath } from "../checkOutputPath.js";
import { type CliIo, emit, emitJson, formatOption, UsageError } from "../io.js";
import { loadPlans, loadRecords } from "../loadInputs.js";
import { dateOption } from "../optionValues.js";
import type { Wrap } from "../program.js";
import { renderCsv, renderTable } from "../render.js";

/** `compplan attainment <plan.yaml...> --participants … --transactions … --as-of 2026-08-15`. */
export function registerAttainment(program: Command, io: CliIo, wrap: Wrap): void {
  program
    .command("attainment")
    .description(
      "Attainment and pace as of a date: the pay period and the year to date, with the gap to 100% and to each band edge.",
    )
    .argument("<plans...>", "plan YAML files")
    .requiredOption("--participants <file>", "participants: CSV, JSON or JSON Lines")
    .requiredOption("--transactions <file>", "transactions: CSV, JSON or JSON Lines")
    .requiredOption("--as-of <date>", "the last day counted, YYYY-MM-DD")
    .option("--format <format>", "table, json or csv", "table")
    .option("--out <file>", "write to a file instead of stdout")
    .action(
      wrap(
        async (
          paths: string[],
          opts: { participants: string; transactions: string; asOf: string; format?: string; out?: string },
        ) => {
          const format = formatOption(opts.format, ["table", "json", "csv"] as const, "table");
          checkOutputPath(opts.out, "--out");
          const asOf = dateOption(opts.asOf, "--as-of");
          const plans = loadPlans(paths);
          // Checked before the (possibly large) data is read.
          const year = plans[0] ? planYear(plans[0].year.start) : undefined;
          if (year && (asOf < year.start || asOf > year.end))
            throw new UsageError(
              `--as-of ${asOf} is not in plan year ${year.name} (${year.start} to ${year.end})`,
            );
          const participants = loadRecords(opts.participants, "participants");
          const transactions = loadRecords(opts.transactions, "transactions");
          const { rows } = attainmentAsOf(plans, {
            participants: participants.rows,
            transactions: transactions.rows,
            asOf,
          });
          if (format === "json") await emitJson(io, rows, opts.out);
          else if (format === "csv") await emit(io, renderCsv(rows), opts.out);
          else await emit(io, renderTable(rows), opts.out);
          return 0;
        },
      ),
    );
}
