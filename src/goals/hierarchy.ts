import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument } from "../errors/checkArgument.js";
import { CompplanError } from "../errors/index.js";

/**
 * The stable error code of an unusable reporting hierarchy.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof CompplanError && e.code === HIERARCHY_INVALID) console.error(e.message); }
 * ```
 */
export const HIERARCHY_INVALID = "HIERARCHY_INVALID";
/**
 * The stable error code for an id that is not in the hierarchy.
 *
 * @example
 * ```ts
 * reportsOf(h, "nobody"); // throws, code UNKNOWN_PARTICIPANT
 * ```
 */
export const UNKNOWN_PARTICIPANT = "UNKNOWN_PARTICIPANT";

/** A participant as the hierarchy sees it. */
export interface HierarchyMember {
  id: string;
  /** The manager's id; absent, `null` or `""` for the top of a tree. */
  managerId?: string | null;
}

/** A checked reporting hierarchy (a forest): every manager known, no cycles. Plain data, safe to share. */
export interface Hierarchy {
  /** Every id, in input order. */
  ids: readonly string[];
  managerOf: ReadonlyMap<string, string | null>;
  /** Direct reports of each id, in input order (empty for individual contributors). */
  directReports: ReadonlyMap<string, readonly string[]>;
  /** Ids without a manager, in input order. */
  roots: readonly string[];
  /** Depth from the top: 0 for a root, 1 for its direct reports, … */
  level: ReadonlyMap<string, number>;
}

/**
 * A `CompplanError` listing everything wrong with a hierarchy at once.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof HierarchyError) for (const c of e.cycles) console.error(c.join(" → ")); }
 * ```
 */
export class HierarchyError extends CompplanError {
  readonly duplicates: readonly string[];
  readonly unknownManagers: readonly { id: string; managerId: string }[];
  /** Each cycle as the ids around it, starting from its smallest id. */
  readonly cycles: readonly (readonly string[])[];
  constructor(
    duplicates: string[],
    unknownManagers: { id: string; managerId: string }[],
    cycles: string[][],
  ) {
    const parts: string[] = [];
    if (duplicates.length) parts.push(`duplicate ids: ${duplicates.join(", ")}`);
    if (unknownManagers.length) {
      parts.push(
        `unknown managers: ${unknownManagers.map((u) => `${u.managerId} (manager of ${u.id})`).join(", ")}`,
      );
    }
    if (cycles.length) {
      parts.push(`reporting cycles: ${cycles.map((c) => [...c, c[0]].join(" → ")).join("; ")}`);
    }
    super(HIERARCHY_INVALID, `the reporting hierarchy is invalid: ${parts.join("; ")}`);
    this.duplicates = Object.freeze([...duplicates]);
    this.unknownManagers = Object.freeze([...unknownManagers]);
    this.cycles = Object.freeze(cycles.map((c) => Object.freeze([...c])));
  }
}

/**
 * Builds the reporting hierarchy from each participant's `managerId`. Throws a {@link HierarchyError}
 * (`HIERARCHY_INVALID`) listing every duplicate id, every manager id that is not a participant, and every
 * reporting cycle (including someone managing themselves), so all can be fixed in one pass.
 *
 * @example
 * ```ts
 * const h = buildHierarchy([{ id: "vp" }, { id: "m1", managerId: "vp" }, { id: "r1", managerId: "m1" }]);
 * h.roots;                   // ["vp"]
 * h.directReports.get("vp"); // ["m1"]
 * buildHierarchy([{ id: "a", managerId: "b" }, { id: "b", managerId: "a" }]);
 * // throws HierarchyError: "the reporting hierarchy is invalid: reporting cycles: a → b → a"
 * ```
 */
export function buildHierarchy(participants: readonly HierarchyMember[]): Hierarchy {
  checkArgument("buildHierarchy", "participants", participants, "list");
  const ids: string[] = [];
  const managerOf = new Map<string, string | null>();
  const duplicates: string[] = [];
  participants.forEach((p, i) => {
    if (typeof p?.id !== "string" || p.id === "") {
      throw new CompplanError(HIERARCHY_INVALID, `participants[${i}]: id must be a non-empty string`);
    }
    if (managerOf.has(p.id)) {
      if (!duplicates.includes(p.id)) duplicates.push(p.id);
      return;
    }
    ids.push(p.id);
    managerOf.set(p.id, p.managerId == null || p.managerId === "" ? null : p.managerId);
  });

  const unknownManagers: { id: string; managerId: string }[] = [];
  for (const id of ids) {
    const m = managerOf.get(id);
    if (m != null && !managerOf.has(m)) unknownManagers.push({ id, managerId: m });
  }

  // Walk up from every id; meeting an id already on the current walk closes a cycle. Ids finished by an
  // earlier walk are not walked again, so this is linear.
  const cycles: string[][] = [];
  const state = new Map<string, "walking" | "done">();
  for (const id of ids) {
    const path: string[] = [];
    let cur: string | null | undefined = id;
    while (cur != null && managerOf.has(cur) && !state.has(cur)) {
      state.set(cur, "walking");
      path.push(cur);
      cur = managerOf.get(cur);
    }
    if (cur != null && state.get(cur) === "walking") {
      const cycle = path.slice(path.indexOf(cur));
      const start = cycle.indexOf([...cycle].sort()[0]!);
      cycles.push([...cycle.slice(start), ...cycle.slice(0, start)]);
    }
    for (const p of path) state.set(p, "done");
  }
  if (duplicates.length || unknownManagers.length || cycles.length) {
    throw new HierarchyError(duplicates, unknownManagers, cycles);
  }

  const directReports = new Map<string, string[]>(ids.map((id) => [id, []]));
  const roots: string[] = [];
  for (const id of ids) {
    const m = managerOf.get(id) ?? null;
    if (m === null) roots.push(id);
    else directReports.get(m)!.push(id);
  }
  const level = new Map<string, number>();
  const queue: [string, number][] = roots.map((r) => [r, 0]);
  for (let i = 0; i < queue.length; i++) {
    const [id, depth] = queue[i]!;
    level.set(id, depth);
    for (const r of directReports.get(id) ?? []) queue.push([r, depth + 1]);
  }
  return { ids, managerOf, directReports, roots, level };
}

/**
 * The reports of a participant: `direct` (default) or `all` down the chain, breadth first (direct reports, then
 * theirs), each level in input order. Throws `UNKNOWN_PARTICIPANT` for an id not in the hierarchy.
 *
 * @example
 * ```ts
 * reportsOf(h, "vp");                    // ["m1"]
 * reportsOf(h, "vp", { depth: "all" }); // ["m1", "r1"]
 * ```
 */
export function reportsOf(
  hierarchy: Hierarchy,
  id: string,
  options: { depth?: "direct" | "all" } = {},
): string[] {
  checkHierarchy("reportsOf", "hierarchy", hierarchy);
  checkArgument("reportsOf", "id", id, "text");
  const direct = hierarchy.directReports.get(id);
  if (!direct) throw new CompplanError(UNKNOWN_PARTICIPANT, `${id} is not in the hierarchy`);
  if ((options.depth ?? "direct") === "direct") return [...direct];
  const out = [...direct];
  // Pushed one by one: spreading 200,000 direct reports into a call would overflow the stack.
  for (let i = 0; i < out.length; i++)
    for (const r of hierarchy.directReports.get(out[i]!) ?? []) out.push(r);
  return out;
}

/**
 * The managers above a participant, nearest first, up to the top: the chain that credit rolls up along.
 * Throws `UNKNOWN_PARTICIPANT` for an id not in the hierarchy.
 *
 * @example
 * ```ts
 * managersOf(h, "r1"); // ["m1", "vp"]
 * ```
 */
export function managersOf(hierarchy: Hierarchy, id: string): string[] {
  checkHierarchy("managersOf", "hierarchy", hierarchy);
  checkArgument("managersOf", "id", id, "text");
  if (!hierarchy.managerOf.has(id))
    throw new CompplanError(UNKNOWN_PARTICIPANT, `${id} is not in the hierarchy`);
  const out: string[] = [];
  for (let m = hierarchy.managerOf.get(id) ?? null; m !== null; m = hierarchy.managerOf.get(m) ?? null)
    out.push(m);
  return out;
}

/**
 * Checks that an argument is a {@link Hierarchy} as `buildHierarchy` returns it, naming it in an
 * `ArgumentError` otherwise. Internal.
 *
 * @example
 * ```ts
 * checkHierarchy("reportsOf", "hierarchy", {}); // throws "reportsOf: hierarchy: expected a hierarchy from buildHierarchy, got an object"
 * ```
 */
export function checkHierarchy(fn: string, argument: string, value: unknown): void {
  const h = value as Hierarchy | null | undefined;
  const ok =
    typeof h === "object" &&
    h !== null &&
    h.managerOf instanceof Map &&
    h.directReports instanceof Map &&
    Array.isArray(h.roots) &&
    Array.isArray(h.ids);
  if (!ok) throw new ArgumentError(fn, argument, "a hierarchy from buildHierarchy", value);
}
