import type { Command } from "commander";
import { planJsonSchema } from "../../plan/index.js";
import { checkOutputPath } from "../checkOutputPath.js";
import { type CliIo, emit } from "../io.js";
import type { Wrap } from "../program.js";

/** The plan format's JSON Schema as printed by `compplan schema`. */
export function schemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}

/** `compplan schema [--out file]`: print the plan JSON Schema (for editor completion). */
export function registerSchema(program: Command, io: CliIo, wrap: Wrap): void {
  program
    .command("schema")
    .description("Print the plan format's JSON Schema, for editor completion and validation.")
    .option("--out <file>", "write to a file instead of stdout")
    .action(
      wrap(async (opts: { out?: string }) => {
        checkOutputPath(opts.out, "--out");
        await emit(io, schemaText(), opts.out);
        return 0;
      }),
    );
}
