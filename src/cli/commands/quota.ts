import type { Command } from "commander";
import { allocateQuota } from "../../goals/index.js";
import { checkOutputPath } from "../checkOutputPath.js";
import { type CliIo, emit, emitJson, formatOption, UsageError } from "../io.js";
import { loadRecords } from "../loadInputs.js";
import { decimalOption, integerOption } from "../optionValues.js";
import type { Wrap } from "../program.js";
import { renderCsv, renderTable } from "../render.js";

interface AllocateOptions {
  total?: string;
  weights?: string;
  over?: string;
  scale?: string;
  format?: string;
  out?: string;
}

/** `compplan quota allocate --total … --weights <file>`. */
export function registerQuota(program: Command, io: CliIo, wrap: Wrap): void {
  const quota = program.command("quota").description("Goal-setting calculators.");
  quota
    .command("allocate")
    .description(
      "Allocate a total to participants by weight (largest remainder: the amounts sum exactly to the total).",
    )
    .requiredOption("--total <amount>", "the number to allocate, e.g. 1000000")
    .requiredOption("--weights <file>", "CSV/JSON rows with id, weight, and optional min, max")
    .option("--over <factor>", "over-assignment, e.g. 1.1 for 110%", "1")
    .option("--scale <digits>", "decimal places of the amounts", "2")
    .option("--format <format>", "table, json or csv", "table")
    .option("--out <file>", "write to a file instead of stdout")
    .action(
      wrap(async (opts: AllocateOptions) => {
        const format = formatOption(opts.format, ["table", "json", "csv"] as const, "table");
        checkOutputPath(opts.out, "--out");
        const scale = integerOption(opts.scale, "--scale", 0, 10);
        const total = decimalOption(opts.total, "--total", { min: 0 });
        const over = decimalOption(opts.over, "--over", { above: 0 });
        const { rows } = loadRecords(opts.weights, "weights");
        const weights = rows.map((r, i) => {
          if (r.id === undefined || r.weight === undefined)
            throw new UsageError(`weights row ${i + 1}: needs id and weight`);
          return {
            id: String(r.id),
            weight: r.weight as string,
            ...(r.min !== undefined ? { min: r.min as string } : {}),
            ...(r.max !== undefined ? { max: r.max as string } : {}),
          };
        });
        const result = allocateQuota({
          total: total as string,
          weights,
          overAssignment: over ?? "1",
          scale,
        });
        if (format === "json") await emitJson(io, result, opts.out);
        else if (format === "csv") await emit(io, renderCsv(result.rows), opts.out);
        else {
          await emit(
            io,
            `${renderTable(result.rows, ["id", "weight", "share", "amount", "adjustment", "bound"])}` +
              `total ${result.total} × ${result.overAssignment} = ${result.target}; assigned ${result.assigned}; residue moved by largest remainder ${result.residue}\n`,
            opts.out,
          );
        }
        return 0;
      }),
    );
}
