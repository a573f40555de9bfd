/**
 * A cheap CPU profile of a piece of work, in-process (node:inspector), summarised as the functions with the most
 * self time and the compplan functions with the most inclusive time, each with its TypeScript `file:line`
 * (profiles name the code tsx generated; its source maps lead back to the .ts line) and, when V8 recorded line
 * ticks, the hottest line inside the function.
 *
 * The same summary can be made of a `.cpuprofile` written by `node --cpu-prof` (see docs/performance.md):
 * `npx tsx bench/profile.ts /tmp/prof/CPU.*.cpuprofile`.
 */
import { existsSync, readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { findSourceMap, SourceMap } from "node:module";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotSpot {
  name: string;
  /** `src/reward/tierTable.ts:66` (the function's first line), or the URL as V8 gave it. */
  where: string;
  /** The line inside the function with the most samples, when known (`src/reward/tierTable.ts:83`). */
  hottestLine?: string;
  selfMs: number;
  totalMs: number;
  selfShare: number;
  totalShare: number;
}

/** Profiles `work` with V8's sampling profiler (interval in microseconds). */
export async function profile<T>(
  work: () => T | Promise<T>,
  intervalUs = 200,
): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: intervalUs });
  await session.post("Profiler.start");
  const stop = async () => {
    const stopped = (await session.post("Profiler.stop")) as { profile: CpuProfile };
    await session.post("Profiler.disable");
    session.disconnect();
    return stopped.profile;
  };
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await stop(); // never leave the session sampling
    throw error;
  }
  const profile = await stop();
  return { result, profile };
}

const root = process.cwd();
const maps = new Map<string, SourceMap | undefined>();

function sourceMapOf(url: string): SourceMap | undefined {
  if (!maps.has(url)) {
    let map: SourceMap | undefined;
    try {
      // The bundle's own .map file first: under tsx, findSourceMap gives the map tsx made when it loaded the
      // bundle, which leads back to the bundle itself, not to src/. The .map file also serves a profile written
      // by another process (node --cpu-prof on an esbuild bundle).
      const path = url.startsWith("file:") ? fileURLToPath(url) : url;
      if (/\.[cm]?js$/.test(path) && existsSync(`${path}.map`)) {
        map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, "utf8")));
      }
      map ??= findSourceMap(url) ?? (url.startsWith("file:") ? findSourceMap(fileURLToPath(url)) : undefined);
    } catch {
      map = undefined;
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

function displayPath(file: string): string {
  const path = file.startsWith("file:") ? fileURLToPath(file) : file;
  const rel = relative(root, path);
  return rel.startsWith("..") ? path : rel;
}

const generated = new Map<string, string[] | undefined>();

/** The first non-blank column of a generated line (line ticks have no column; a source map needs one). */
function firstColumn(url: string, line: number): number {
  if (!generated.has(url)) {
    let lines: string[] | undefined;
    try {
      const path = url.startsWith("file:") ? fileURLToPath(url) : url;
      lines =
        existsSync(path) && /\.[cm]?js$/.test(path) ? readFileSync(path, "utf8").split("\n") : undefined;
    } catch {
      lines = undefined;
    }
    generated.set(url, lines);
  }
  const text = generated.get(url)?.[line];
  return text === undefined ? 0 : Math.max(0, text.search(/\S/));
}

/** A 0-based generated position as `file:line` (1-based) in the original source, when a source map has it. */
function locate(url: string, line: number, column: number): string {
  if (!url) return "(native)";
  if (url.startsWith("node:")) return `${url}:${line + 1}`;
  const map = sourceMapOf(url);
  if (map) {
    const entry = map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
    if (entry?.originalSource !== undefined && entry.originalLine !== undefined) {
      const source = entry.originalSource;
      // A map read from a .map file names sources relative to the generated file.
      const absolute =
        source.startsWith("file:") || isAbsolute(source)
          ? source
          : resolve(dirname(url.startsWith("file:") ? fileURLToPath(url) : url), source);
      return `${displayPath(absolute)}:${entry.originalLine + 1}`;
    }
  }
  return `${displayPath(url)}:${line + 1}`;
}

/** Self and inclusive time per function (one entry per distinct function), heaviest first by self time. */
export function hotSpots(profile: CpuProfile): HotSpot[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (f: CallFrame) => `${f.functionName}|${f.url}|${f.lineNumber}|${f.columnNumber}`;

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const lineTicks = new Map<string, Map<number, number>>();
  const frames = new Map<string, CallFrame>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let all = 0;
  for (let i = 0; i < samples.length; i++) {
    const dt = Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0) / 1000; // ms attributed to sample i
    all += dt;
    let id: number | undefined = samples[i];
    const node = byId.get(id as number);
    if (!node) continue;
    const k = key(node.callFrame);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set<string>();
    while (id !== undefined) {
      const n = byId.get(id);
      if (!n) break;
      const nk = key(n.callFrame);
      if (!seen.has(nk)) {
        seen.add(nk);
        total.set(nk, (total.get(nk) ?? 0) + dt);
        frames.set(nk, n.callFrame);
      }
      id = parent.get(id);
    }
  }
  for (const n of profile.nodes) {
    if (!n.positionTicks?.length) continue;
    const k = key(n.callFrame);
    const lines = lineTicks.get(k) ?? new Map<number, number>();
    for (const t of n.positionTicks) lines.set(t.line, (lines.get(t.line) ?? 0) + t.ticks);
    lineTicks.set(k, lines);
  }

  const spots: HotSpot[] = [];
  for (const [k, frame] of frames) {
    const lines = lineTicks.get(k);
    let hottestLine: string | undefined;
    if (lines?.size) {
      const [line] = [...lines].sort((a, b) => b[1] - a[1])[0] as [number, number];
      hottestLine = locate(frame.url, line - 1, firstColumn(frame.url, line - 1)); // ticks are 1-based
    }
    const where = locate(frame.url, frame.lineNumber, frame.columnNumber);
    // Line ticks carry no column: in minified code (tsx's output is one line per module) they say nothing.
    if (hottestLine && !sameFileAfter(hottestLine, where)) hottestLine = undefined;
    const selfMs = self.get(k) ?? 0;
    const totalMs = total.get(k) ?? 0;
    spots.push({
      name: frame.functionName || "(anonymous)",
      where,
      ...(hottestLine ? { hottestLine } : {}),
      selfMs,
      totalMs,
      selfShare: all ? selfMs / all : 0,
      totalShare: all ? totalMs / all : 0,
    });
  }
  return spots.sort((a, b) => b.selfMs - a.selfMs);
}

/** Self time per source line (from V8's line ticks), heaviest first: where inside the functions time goes. */
export function hotLines(profile: CpuProfile): { where: string; name: string; ms: number; share: number }[] {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let all = 0;
  const selfOfNode = new Map<number, number>();
  for (let i = 0; i < samples.length; i++) {
    const dt = Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    all += dt;
    const id = samples[i] as number;
    selfOfNode.set(id, (selfOfNode.get(id) ?? 0) + dt);
  }
  // Per line: its self time, and the functions whose samples landed on it (inlined code lands in its caller).
  const lines = new Map<string, { ms: number; by: Map<string, number> }>();
  for (const n of profile.nodes) {
    const ticks = n.positionTicks ?? [];
    const ms = selfOfNode.get(n.id) ?? 0;
    const count = ticks.reduce((c, t) => c + t.ticks, 0);
    if (!count || !ms) continue;
    const name = n.callFrame.functionName || "(anonymous)";
    for (const t of ticks) {
      const where = locate(n.callFrame.url, t.line - 1, firstColumn(n.callFrame.url, t.line - 1));
      const entry = lines.get(where) ?? { ms: 0, by: new Map<string, number>() };
      const share = (ms * t.ticks) / count;
      entry.ms += share;
      entry.by.set(name, (entry.by.get(name) ?? 0) + share);
      lines.set(where, entry);
    }
  }
  return [...lines]
    .map(([where, e]) => ({
      where,
      name: ([...e.by].sort((a, b) => b[1] - a[1])[0] as [string, number])[0],
      ms: e.ms,
      share: all ? e.ms / all : 0,
    }))
    .sort((a, b) => b.ms - a.ms);
}

function sameFileAfter(line: string, start: string): boolean {
  const split = (x: string) => {
    const i = x.lastIndexOf(":");
    return [x.slice(0, i), Number(x.slice(i + 1))] as const;
  };
  const [fileA, a] = split(line);
  const [fileB, b] = split(start);
  return fileA === fileB && a >= b;
}

export function formatHotSpots(spots: readonly HotSpot[], by: "self" | "total", count: number): string[] {
  const sorted = [...spots].sort((a, b) => (by === "self" ? b.selfMs - a.selfMs : b.totalMs - a.totalMs));
  return sorted.slice(0, count).map((s, i) => {
    const figures =
      by === "self"
        ? `${(100 * s.selfShare).toFixed(1).padStart(5)}% self  ${(100 * s.totalShare).toFixed(1).padStart(5)}% total`
        : `${(100 * s.totalShare).toFixed(1).padStart(5)}% total ${(100 * s.selfShare).toFixed(1).padStart(5)}% self`;
    const hot = s.hottestLine && s.hottestLine !== s.where ? `  (hottest line ${s.hottestLine})` : "";
    return `${String(i + 1).padStart(3)}. ${figures}  ${s.name}  ${s.where}${hot}`;
  });
}

// `npx tsx bench/profile.ts file.cpuprofile…`: summarise profiles written by `node --cpu-prof`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = process.argv.slice(2);
  if (!files.length) {
    console.error("usage: npx tsx bench/profile.ts <file.cpuprofile>...");
    process.exit(2);
  }
  for (const file of files) {
    const spots = hotSpots(JSON.parse(readFileSync(file, "utf8")) as CpuProfile);
    console.log(`${file}\ntop self time:`);
    for (const line of formatHotSpots(spots, "self", 15)) console.log(line);
    console.log("top self time by line:");
    for (const [i, l] of hotLines(JSON.parse(readFileSync(file, "utf8")) as CpuProfile)
      .slice(0, 15)
      .entries())
      console.log(
        `${String(i + 1).padStart(3)}. ${(100 * l.share).toFixed(1).padStart(5)}%  ${l.where}  (in ${l.name})`,
      );
    console.log("top inclusive time (src/ only):");
    for (const line of formatHotSpots(
      spots.filter((s) => s.where.startsWith("src/")),
      "total",
      15,
    ))
      console.log(line);
  }
}
