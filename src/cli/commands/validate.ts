import { existsSync } from "node:fs";
import type { Command } from "commander";
import { formatIssue, PlanError, type PlanIssue } from "../../errors/index.js";
import { loadPlan } from "../../plan/index.js";
import { type CliIo, formatOption, UsageError } from "../io.js";
import type { Wrap } from "../program.js";

/** `compplan validate <plan.yaml...>`: ok per valid plan, or every problem as file:line:col: message. */
export function registerValidate(program: Command, io: CliIo, wrap: Wrap): void {
  program
    .command("validate")
    .description("Check plan files: prints ok per valid plan, or every problem as file:line:column: message.")
    .argument("<plans...>", "plan YAML files")
    .option("--format <format>", "text or json", "text")
    .action(
      wrap((paths: string[], opts: { format?: string }) => {
        const format = formatOption(opts.format, ["text", "json"] as const, "text");
        const results: { file: string; ok: boolean; plan?: string; issues: PlanIssue[] }[] = [];
        for (const path of paths) {
          if (!existsSync(path)) throw new UsageError(`no such plan file: ${path}`);
          try {
            const plan = loadPlan(path);
            results.push({ file: path, ok: true, plan: plan.id, issues: [] });
          } catch (error) {
            if (!(error instanceof PlanError)) throw error;
            results.push({ file: path, ok: false, issues: [...error.issues] });
          }
        }
        if (format === "json")
          io.stdout(`${JSON.stringify({ ok: results.every((r) => r.ok), results }, null, 2)}\n`);
        else {
          for (const r of results) {
            if (r.ok) io.stdout(`${r.file}: ok\n`);
            else for (const issue of r.issues) io.stdout(`${formatIssue(issue)}\n`);
          }
        }
        return results.every((r) => r.ok) ? 0 : 1;
      }),
    );
}
