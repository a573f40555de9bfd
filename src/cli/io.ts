import { writeFileSync } from "node:fs";

/** Where the CLI writes. Tests pass their own; `main.ts` passes the process's streams. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress bars only then). */
  isTTY: boolean;
}

/** A usage error: exit code 2. */
export class UsageError extends Error {}

/** Writes a command's output to `--out` or stdout. */
export function emit(io: CliIo, text: string, out: string | undefined): void {
  if (out) writeFileSync(out, text);
  else io.stdout(text);
}

/** Checks a `--format` value against the ones a command supports. */
export function formatOption<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = (value ?? fallback) as T;
  if (!allowed.includes(v))
    throw new UsageError(`--format must be one of ${allowed.join(", ")}, got ${value}`);
  return v;
}
