import { runCli } from "../../src/cli/program.js";

/** Runs the CLI in-process on `argv`, collecting what it writes and its exit code. */
export async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/** The quick-start example's plan, participants and transactions, as `run` takes them. */
export const QUICK = [
  "examples/quickstart/plan.yaml",
  "--participants",
  "examples/quickstart/participants.csv",
  "--transactions",
  "examples/quickstart/transactions.csv",
];
