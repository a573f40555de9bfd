import { checkArgument } from "../errors/checkArgument.js";
import { CompplanError } from "../errors/index.js";
import { type Decimal, formatNumber, ZERO } from "../money/index.js";
import { type AmountsById, amountsById } from "./amountsById.js";
import { checkHierarchy, type Hierarchy, UNKNOWN_PARTICIPANT } from "./hierarchy.js";

/**
 * The stable error code when an individual contributor has no quota.
 *
 * @example
 * ```ts
 * teamRollup({ hierarchy: h, values, quotas: {} }); // throws, code QUOTA_MISSING, naming each rep
 * ```
 */
export const QUOTA_MISSING = "QUOTA_MISSING";

/** How team quotas are made. */
export interface TeamQuotaOptions {
  hierarchy: Hierarchy;
  /** Individual quotas (a manager's own, when they carry one). */
  quotas: AmountsById;
  /** Quotas set on their own for managers: used instead of the sum of their team's. */
  managerQuotas?: AmountsById;
  /** Whether a manager's own individual quota counts in their team's (default true: player-coaches). */
  includeOwn?: boolean;
  /** What an individual contributor without a quota means: an error listing them (default) or zero. */
  missingQuota?: "error" | "zero";
}

/** Where a quota came from. */
export type QuotaSource = "individual" | "set" | "sum";

/** A team quota and where it came from. */
export interface TeamQuota {
  id: string;
  quota: Decimal;
  /** `set` on its own, `sum` of the team's, or `individual` for someone without reports. */
  source: QuotaSource;
  /**
   * What was summed (for `sum`): the manager's own quota (when counted) and, per direct report, the quota of
   * their whole subtree (their set quota, else their own plus their reports', all the way down).
   */
  parts: { id: string; quota: Decimal; source: QuotaSource | "own" }[];
  /** `"m1 = own 0 + r1 100,000 + r2 150,000 = 250,000"`. */
  trace: string;
}

/**
 * A manager's quota: set on its own (`managerQuotas`), or the sum of the team's: the manager's own individual
 * quota (when `includeOwn`, for player-coaches) plus, for each direct report, the quota of their whole subtree
 * (a report's set quota if they have one, else their own quota plus their reports', all the way down). So a
 * mid-level manager with a quota set on its own counts with that quota in their manager's sum. Throws
 * `QUOTA_MISSING` listing the individual contributors of the subtree without a quota (unless
 * `missingQuota: "zero"`; a manager without an individual quota simply carries 0 of their own), and
 * `UNKNOWN_PARTICIPANT` for ids not in the hierarchy.
 *
 * @example
 * ```ts
 * managerQuota({ hierarchy: h, id: "m1", quotas: { r1: 100000, r2: 150000 } }).quota; // Decimal(250000)
 * managerQuota({ hierarchy: h, id: "m1", quotas: { r1: 100000, r2: 150000 }, managerQuotas: { m1: 240000 } })
 *   .source; // "set"
 * ```
 */
export function managerQuota(options: TeamQuotaOptions & { id: string }): TeamQuota {
  checkArgument("managerQuota", "options", options, "object");
  checkHierarchy("managerQuota", "options.hierarchy", options.hierarchy);
  checkArgument("managerQuota", "options.id", options.id, "text");
  if (!options.hierarchy.managerOf.has(options.id)) {
    throw new CompplanError(UNKNOWN_PARTICIPANT, `${options.id} is not in the hierarchy`);
  }
  return teamQuotas(options, [options.id]).get(options.id)!;
}

/**
 * Team quotas of everyone in the subtrees of `tops` (default: the whole hierarchy), computed bottom-up.
 *
 * @example
 * ```ts
 * teamQuotas({ hierarchy: h, quotas: { r1: 100000, r2: 150000 } }).get("vp")?.quota; // Decimal(250000)
 * ```
 */
export function teamQuotas(options: TeamQuotaOptions, tops?: readonly string[]): Map<string, TeamQuota> {
  checkArgument("teamQuotas", "options", options, "object");
  checkHierarchy("teamQuotas", "options.hierarchy", options.hierarchy);
  checkArgument("teamQuotas", "tops", tops, "list?");
  const { hierarchy } = options;
  const own = amountsById(options.quotas, hierarchy, "quotas");
  const set = amountsById(options.managerQuotas ?? {}, hierarchy, "managerQuotas");
  const includeOwn = options.includeOwn ?? true;

  // Breadth-first from the tops, then processed in reverse so every report is done before its manager.
  const order = [...(tops ?? hierarchy.roots)];
  // Pushed one by one: spreading 200,000 direct reports into a call would overflow the stack.
  for (let i = 0; i < order.length; i++)
    for (const r of hierarchy.directReports.get(order[i]!) ?? []) order.push(r);

  const missing = order.filter(
    (id) => (hierarchy.directReports.get(id) ?? []).length === 0 && !own.has(id) && !set.has(id),
  );
  if (missing.length && (options.missingQuota ?? "error") === "error") {
    throw new CompplanError(
      QUOTA_MISSING,
      `no quota for ${missing.map((id) => `${id}${describeManager(hierarchy, id)}`).join(", ")}` +
        ' (give one, or pass missingQuota: "zero")',
    );
  }

  // subtree(x) is what x's part of a bigger team weighs: x's set quota, else x's own quota plus their
  // reports' subtrees. includeOwn only decides whether a manager's own quota counts in *their* team figure; a
  // manager's own quota always counts for the managers above, where that manager is a team member.
  const subtree = new Map<string, Decimal>();
  const out = new Map<string, TeamQuota>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    const reports = hierarchy.directReports.get(id) ?? [];
    const fixed = set.get(id);
    const mine = own.get(id) ?? ZERO;
    if (fixed !== undefined) {
      subtree.set(id, fixed);
      out.set(id, {
        id,
        quota: fixed,
        source: "set",
        parts: [],
        trace: `${id} = ${formatNumber(fixed)} (set)`,
      });
    } else if (reports.length === 0) {
      subtree.set(id, mine);
      out.set(id, {
        id,
        quota: mine,
        source: "individual",
        parts: [],
        trace: `${id} = ${formatNumber(mine)}`,
      });
    } else {
      const parts: TeamQuota["parts"] = [];
      if (includeOwn) parts.push({ id, quota: mine, source: "own" });
      for (const r of reports) {
        const t = out.get(r)!;
        parts.push({ id: r, quota: subtree.get(r)!, source: t.source });
      }
      const quota = parts.reduce((s, p) => s.plus(p.quota), ZERO);
      subtree.set(id, includeOwn ? quota : quota.plus(mine));
      const terms = parts.map((p) => `${p.source === "own" ? "own" : p.id} ${formatNumber(p.quota)}`);
      out.set(id, {
        id,
        quota,
        source: "sum",
        parts,
        trace: `${id} = ${terms.join(" + ")} = ${formatNumber(quota)}`,
      });
    }
  }
  return out;
}

function describeManager(hierarchy: Hierarchy, id: string): string {
  const m = hierarchy.managerOf.get(id);
  return m ? ` (reports to ${m})` : "";
}
