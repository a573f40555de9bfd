import type { Command } from "commander";
import { testPlan } from "../../evaluate/index.js";
import { type CliIo, formatOption } from "../io.js";
import { loadPlans } from "../loadInputs.js";
import type { Wrap } from "../program.js";

/** `compplan test <plan.yaml...>`: run the plans' own `tests:`. */
export function registerTest(program: Command, io: CliIo, wrap: Wrap): void {
  program
    .command("test")
    .description("Run the unit tests written inside plans (their tests: section).")
    .argument("<plans...>", "plan YAML files")
    .option("--format <format>", "text or json", "text")
    .action(
      wrap((paths: string[], opts: { format?: string }) => {
        const format = formatOption(opts.format, ["text", "json"] as const, "text");
        const results = loadPlans(paths).flatMap((plan, i) =>
          testPlan(plan).map((r) => ({ file: paths[i], ...r })),
        );
        if (format === "json") io.stdout(`${JSON.stringify(results, null, 2)}\n`);
        else {
          for (const r of results) {
            io.stdout(`${r.passed ? "pass" : "FAIL"} ${r.file} › ${r.name}\n`);
            for (const f of r.failures) io.stdout(`  ${f}\n`);
          }
          const failed = results.filter((r) => !r.passed).length;
          io.stdout(`${results.length - failed} passed, ${failed} failed\n`);
        }
        return results.every((r) => r.passed) ? 0 : 1;
      }),
    );
}
