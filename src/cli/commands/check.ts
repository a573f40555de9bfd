import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { bySeverity, type CheckOptions, checkPlan, type Finding } from "../../check/index.js";
import { pathLocator } from "../../plan/index.js";
import { checkOutputPath } from "../checkOutputPath.js";
import { type CliIo, emit, emitJson, formatOption, optionErrorsAsUsage } from "../io.js";
import { loadPlans } from "../loadInputs.js";
import { decimalOption } from "../optionValues.js";
import type { Wrap } from "../program.js";
import { collectPairs, modelOptions } from "./simulate.js";

interface CheckCliOptions {
  format?: string;
  out?: string;
  high?: string;
  cliff?: string;
  capBelow?: string;
  quiet?: boolean;
  planned?: string[];
  mix?: string[];
  revenue?: string;
}

/**
 * `compplan check <plan.yaml...>`: design checks of each plan (pay at 100% against target, payout curve
 * monotone and without cliffs, cost at 50–200%, caps, parts that never apply). Exit 1 when any finding is an
 * error, 0 otherwise; a plan that does not load is reported as `validate` would, exit 1.
 */
export function registerCheck(program: Command, io: CliIo, wrap: Wrap): void {
  program
    .command("check")
    .description(
      "Check plan designs: 100% pays the target, the payout curve never falls and has no cliffs, cost at 50-200%, caps, parts that never apply. Exit 1 on an error finding.",
    )
    .argument("<plans...>", "plan YAML files")
    .option("--format <format>", "text or json", "text")
    .option("--out <file>", "write to a file instead of stdout")
    .option("--high <attainment>", "sweep the payout curve up to this attainment", "3")
    .option("--cliff <share>", "a jump larger than this share of the target is a cliff", "0.1")
    .option("--cap-below <attainment>", "warn when a cap binds below this attainment", "1.5")
    .option(
      "--planned <measure=volume>",
      "volume at 100% of a measure without a quota (repeatable)",
      collectPairs,
      [],
    )
    .option("--mix <component:row=share>", "mix of a rate table's rows (repeatable)", collectPairs, [])
    .option("--revenue <measure>", "the measure that is revenue, for effective rates")
    .option("--quiet", "leave information out of the text output")
    .action(
      wrap(async (paths: string[], opts: CheckCliOptions) => {
        const format = formatOption(opts.format, ["text", "json"] as const, "text");
        checkOutputPath(opts.out, "--out");
        const high = decimalOption(opts.high, "--high", { above: 0 });
        const cliff = decimalOption(opts.cliff, "--cliff", { min: 0 });
        const capBelow = decimalOption(opts.capBelow, "--cap-below", { min: 0 });
        const options: CheckOptions = {
          ...modelOptions(opts),
          ...(high !== undefined ? { high } : {}),
          ...(cliff !== undefined ? { cliff } : {}),
          ...(capBelow !== undefined ? { capBelow } : {}),
        };
        const plans = loadPlans(paths);
        const results = plans.map((plan, i) => {
          const file = paths[i] as string;
          // CHECK_INVALID and SIMULATE_INVALID name an option's value the plan cannot take (a --mix row).
          const findings = located(
            optionErrorsAsUsage(["CHECK_INVALID", "SIMULATE_INVALID"], () => checkPlan(plan, options)),
            file,
          );
          const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
          return {
            file,
            plan: plan.id,
            errors: count("error"),
            warnings: count("warning"),
            infos: count("info"),
            findings: bySeverity(findings),
          };
        });
        const ok = results.every((r) => r.errors === 0);
        if (format === "json") await emitJson(io, { ok, results }, opts.out);
        else {
          const text = results
            .map((r) => {
              const head = `${r.file} (${r.plan}): ${plural(r.errors, "error")}, ${plural(r.warnings, "warning")}, ${plural(r.infos, "note")}\n`;
              const lines = r.findings
                .filter((f) => !(opts.quiet && f.severity === "info"))
                .map(
                  (f) =>
                    `  ${f.severity.padEnd(7)} ${f.line ? `${r.file}:${f.line}:${f.column} ` : ""}${f.component ? `${f.component}: ` : ""}${f.message} [${f.code}]\n`,
                );
              return head + lines.join("");
            })
            .join("\n");
          await emit(io, text, opts.out);
        }
        return ok ? 0 : 1;
      }),
    );
}

// Findings that point into the plan (a key path) get its line and column in the file.
function located(findings: Finding[], file: string): (Finding & { line?: number; column?: number })[] {
  if (!findings.some((f) => f.path)) return findings;
  const at = pathLocator(readFileSync(file, "utf8"));
  return findings.map((f) => (f.path ? { ...f, ...at(f.path) } : f));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
