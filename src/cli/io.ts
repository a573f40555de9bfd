import { closeSync, fstatSync, openSync, rmSync, writeSync } from "node:fs";
import { CompplanError } from "../errors/index.js";
import { jsonChunks } from "./jsonChunks.js";

/** Where the CLI writes. Tests pass their own; `main.ts` passes the process's streams. */
export interface CliIo {
  /** Writes to standard output; `false` means the stream is full: wait for {@link CliIo.drain} if given. */
  stdout(text: string): unknown;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress bars only then). */
  isTTY: boolean;
  /** Resolves when stdout can take more after a write returned `false`. Absent: writes never wait. */
  drain?(): Promise<void>;
}

/** A usage error: exit code 2. */
export class UsageError extends Error {}

/** Output that could not be written after all (a full disk, a folder removed meanwhile): exit code 1. */
export class OutputError extends Error {}

/** Writes a command's output to `--out` or stdout. */
export function emit(io: CliIo, text: string, out: string | undefined): Promise<void> {
  return emitChunks(io, [text], out);
}

/**
 * Writes a value as indented JSON (`JSON.stringify(value, null, 2)` and a newline, byte for byte) to `--out` or
 * stdout, chunk by chunk: a run's JSON can be larger than the longest string V8 can hold.
 */
export function emitJson(io: CliIo, value: unknown, out: string | undefined): Promise<void> {
  return emitChunks(io, jsonChunks(value), out);
}

/**
 * Writes chunks to `--out` (replacing the file; removed again if writing fails) or to stdout, gathered into
 * writes of about 64 KiB (a piece may be one line of a long list).
 */
export async function emitChunks(
  io: CliIo,
  pieces: Iterable<string>,
  out: string | undefined,
): Promise<void> {
  const chunks = gathered(pieces);
  if (!out) {
    for (const chunk of chunks) if (io.stdout(chunk) === false && io.drain) await io.drain();
    return;
  }
  let fd: number | undefined;
  try {
    fd = openSync(out, "w");
    for (const chunk of chunks) {
      const bytes = Buffer.from(chunk, "utf8");
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    }
    const done = fd;
    fd = undefined;
    closeSync(done);
  } catch (error) {
    if (fd !== undefined) {
      // A half-written payroll file is worse than none; but only a regular file is removed (not /dev/full).
      const regular = fstatSync(fd).isFile();
      closeSync(fd);
      if (regular) rmSync(out, { force: true });
    }
    if (isSystemError(error)) throw new OutputError(`cannot write ${out}: ${error.message}`);
    throw error;
  }
}

/**
 * Gathers small pieces of text into chunks of at least `size` characters (the last may be shorter); a piece
 * longer than that is passed on whole.
 */
export function* gathered(pieces: Iterable<string>, size = 1 << 16): Generator<string, void, undefined> {
  let buffer = "";
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string";
}

/**
 * Runs a computation whose arguments all come from options, turning the library's argument errors (those with
 * one of `codes`, e.g. a curve's `step` of 0) into usage errors, exit 2.
 */
export function optionErrorsAsUsage<T>(codes: readonly string[], compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CompplanError && codes.includes(error.code)) throw new UsageError(error.message);
    throw error;
  }
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
