import { Command, CommanderError } from "commander";
import { CompplanError, formatIssue, PlanError } from "../errors/index.js";
import { registerAttainment } from "./commands/attainment.js";
import { registerCheck } from "./commands/check.js";
import { registerCurve } from "./commands/curve.js";
import { registerQuota } from "./commands/quota.js";
import { registerRun } from "./commands/run.js";
import { registerSchema } from "./commands/schema.js";
import { registerSimulate } from "./commands/simulate.js";
import { registerTest } from "./commands/test.js";
import { registerValidate } from "./commands/validate.js";
import { type CliIo, OutputError, UsageError } from "./io.js";
import { packageVersion } from "./packageVersion.js";

/**
 * Runs the compplan CLI on `argv` (without `node` and the script) and returns the exit code: 0 success, 1 a
 * problem in the plans or data, 2 a usage error.
 *
 * @example
 * ```ts
 * const code = await runCli(["validate", "plans/sdr.yaml"], { stdout: console.log, stderr: console.error, isTTY: false });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const program = new Command("compplan")
    .description("Compensation plans as code: validate plans, compute statements, explain every number.")
    .version(packageVersion(), "-V, --version", "print compplan's version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError("(run with --help for usage)");
  const wrap: Wrap =
    (action) =>
    async (...args) => {
      code = await action(...args);
    };
  registerValidate(program, io, wrap);
  registerSchema(program, io, wrap);
  registerRun(program, io, wrap);
  registerTest(program, io, wrap);
  registerQuota(program, io, wrap);
  registerAttainment(program, io, wrap);
  registerCheck(program, io, wrap);
  registerCurve(program, io, wrap);
  registerSimulate(program, io, wrap);
  for (const c of program.commands)
    c.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.code === "commander.help"
      )
        return 0;
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`compplan: ${error.message}\n`);
      return 2;
    }
    if (error instanceof OutputError) {
      io.stderr(`compplan: ${error.message}\n`);
      return 1;
    }
    if (error instanceof PlanError) {
      for (const issue of error.issues) io.stderr(`${formatIssue(issue)}\n`);
      return 1;
    }
    if (error instanceof CompplanError) {
      io.stderr(`compplan: ${error.message}\n`);
      return error.code === "PERIOD_INVALID" ? 2 : 1;
    }
    throw error;
  }
}

/** Adapts a command's action (which returns its exit code) to commander. */
export type Wrap = <A extends unknown[]>(
  action: (...args: A) => number | Promise<number>,
) => (...args: A) => Promise<void>;
