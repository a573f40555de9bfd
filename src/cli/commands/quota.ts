import type { Command } from "commander";
import { allocateQuota } from "../../goals/index.js";
import { type CliIo, emit, formatOption, UsageError } from "../io.js";
import { loadRecords } from "../loadInputs.js";
import type { Wrap } from "../program.js";
import { renderCsv, renderJson, renderTable } from "../render.js";

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
      wrap((opts: AllocateOptions) => {
        const format = formatOption(opts.format, ["table", "json", "csv"] as const, "table");
        const scale = Number(opts.scale);
        if (!Number.isInteger(scale) || scale < 0 || scale > 10)
          throw new UsageError(`--scale must be 0 to 10, got ${opts.scale}`);
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
          total: opts.total as string,
          weights,
          overAssignment: opts.over as string,
          scale,
        });
        if (format === "json") emit(io, renderJson(result), opts.out);
        else if (format === "csv") emit(io, renderCsv(result.rows), opts.out);
        else {
          emit(
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
