import { runCli } from "./program.js";

// The executable: real streams, real exit code. Everything else lives in runCli so tests can drive it.

// The reader went away (`compplan run … | head`): stop quietly, as Unix tools do, rather than with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
  // Large outputs (a run's JSON) wait for a pipe to drain instead of piling up in memory.
  drain: () => new Promise((resolve) => process.stdout.once("drain", resolve)),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `compplan: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
