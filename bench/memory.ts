/**
 * Memory figures for the benchmark.
 *
 * `evaluate` is synchronous, so a timer on the main thread never fires while it runs. The resident set size is
 * a property of the process, though, and a worker thread can read it: a small sampler worker reads
 * `process.memoryUsage.rss()` every few milliseconds and keeps the peak in shared memory, which the main thread
 * resets before each measured phase and reads after it. V8's `heapUsed` belongs to the main thread's isolate and
 * can only be read there: it is read right after each phase, with the phase's result still referenced, after a
 * full garbage collection before the phase (so the difference is what the phase retains).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Worker } from "node:worker_threads";

const MB = 1024 * 1024;

const SAMPLER = `
const { workerData } = require("node:worker_threads");
const peak = new Int32Array(workerData.buffer);
setInterval(() => {
  const kb = Math.round(process.memoryUsage.rss() / 1024);
  if (kb > Atomics.load(peak, 0)) Atomics.store(peak, 0, kb);
}, workerData.intervalMs);
`;

export interface RssSampler {
  /** Forget the peak so far (start of a phase). */
  reset(): void;
  /** Peak resident set size since the last reset, in bytes (at least the current one). */
  peak(): number;
  stop(): Promise<void>;
}

export function startRssSampler(intervalMs = 5): RssSampler {
  const buffer = new SharedArrayBuffer(4);
  const peak = new Int32Array(buffer);
  const worker = new Worker(SAMPLER, { eval: true, workerData: { buffer, intervalMs } });
  worker.unref();
  const current = () => Math.round(process.memoryUsage.rss() / 1024);
  return {
    reset: () => Atomics.store(peak, 0, current()),
    peak: () => Math.max(Atomics.load(peak, 0), current()) * 1024,
    stop: async () => {
      await worker.terminate();
    },
  };
}

let collect: (() => void) | undefined;

/** A full garbage collection, when V8 lets us have one (it does: the flag is set at run time). */
export function fullGc(): void {
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}

export const mb = (bytes: number) => bytes / MB;

/** The process's peak resident set size so far, from the OS (`getrusage`), in bytes. */
export const maxRss = () => process.resourceUsage().maxRSS * 1024;
