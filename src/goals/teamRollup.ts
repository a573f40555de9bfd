import { checkArgument, checkElements } from "../errors/checkArgument.js";
import { type Decimal, formatMoney, type Rounding, ZERO } from "../money/index.js";
import { type AmountsById, amountsById } from "./amountsById.js";
import { attainment } from "./attainment.js";
import type { Hierarchy } from "./hierarchy.js";
import { checkHierarchy } from "./hierarchy.js";
import { type QuotaSource, type TeamQuota, teamQuotas } from "./managerQuota.js";

/** Options of {@link teamRollup}. */
export interface TeamRollupOptions {
  hierarchy: Hierarchy;
  /** Each participant's own value of the measure; absent ids count 0 (no credit is zero credit). */
  values: AmountsById;
  /** Individual quotas; without them the rows carry no quota and no attainment. */
  quotas?: AmountsById;
  /** Manager quotas set on their own (see `managerQuota`). */
  managerQuotas?: AmountsById;
  /** Whether a manager's own value and quota count in their team's (default true). */
  includeOwn?: boolean;
  /** See `managerQuota`: an individual contributor without a quota is an error (default) or zero. */
  missingQuota?: "error" | "zero";
  /** Rows for managers only (default) or for everyone. */
  include?: "managers" | "all";
}

/** One participant's team figures. */
export interface TeamRow {
  id: string;
  managerId: string | null;
  /** 0 at the top. */
  level: number;
  directReports: number;
  /** Everyone below, all the way down. */
  teamSize: number;
  /** The participant's own value. */
  own: Decimal;
  /** Own value (when counted) plus every report's, all the way down. */
  team: Decimal;
  quota: Decimal | null;
  quotaSource: QuotaSource | null;
  /** `team ÷ quota`; `null` without quotas or with a zero quota. */
  attainment: Decimal | null;
}

/**
 * Rolls a measure up the reporting hierarchy: for each manager, the team's total (their own value plus every
 * report's down the chain), the team quota ({@link managerQuota}) and team attainment. Rows come in the
 * hierarchy's input order. Ids in `values` or `quotas` that are not in the hierarchy are an error
 * (`UNKNOWN_PARTICIPANT`), never dropped.
 *
 * @example
 * ```ts
 * const h = buildHierarchy([{ id: "m1" }, { id: "r1", managerId: "m1" }, { id: "r2", managerId: "m1" }]);
 * teamRollup({ hierarchy: h, values: { r1: 90000, r2: 160000 }, quotas: { r1: 100000, r2: 150000 } });
 * // [{ id: "m1", team: 250,000, quota: 250,000 (sum), attainment: 1, teamSize: 2, … }]
 * ```
 */
export function teamRollup(options: TeamRollupOptions): TeamRow[] {
  checkArgument("teamRollup", "options", options, "object");
  checkHierarchy("teamRollup", "options.hierarchy", options.hierarchy);
  const { hierarchy } = options;
  const includeOwn = options.includeOwn ?? true;
  const own = amountsById(options.values, hierarchy, "values");
  const quotas: Map<string, TeamQuota> | null = options.quotas
    ? teamQuotas({
        hierarchy,
        quotas: options.quotas,
        managerQuotas: options.managerQuotas ?? {},
        includeOwn,
        missingQuota: options.missingQuota ?? "error",
      })
    : null;

  // Subtree sums bottom-up (reverse breadth-first order), so a 10,000-deep chain needs no recursion.
  const order = [...hierarchy.roots];
  // Pushed one by one: spreading 200,000 direct reports into a call would overflow the stack.
  for (let i = 0; i < order.length; i++)
    for (const r of hierarchy.directReports.get(order[i]!) ?? []) order.push(r);
  const subtotal = new Map<string, Decimal>();
  const size = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    const reports = hierarchy.directReports.get(id) ?? [];
    subtotal.set(
      id,
      reports.reduce((s, r) => s.plus(subtotal.get(r) ?? ZERO), own.get(id) ?? ZERO),
    );
    size.set(
      id,
      reports.reduce((n, r) => n + 1 + (size.get(r) ?? 0), 0),
    );
  }

  const rows: TeamRow[] = [];
  for (const id of hierarchy.ids) {
    const reports = hierarchy.directReports.get(id) ?? [];
    if ((options.include ?? "managers") === "managers" && reports.length === 0) continue;
    const mine = own.get(id) ?? ZERO;
    const team = includeOwn ? subtotal.get(id)! : subtotal.get(id)!.minus(mine);
    const q = quotas?.get(id) ?? null;
    rows.push({
      id,
      managerId: hierarchy.managerOf.get(id) ?? null,
      level: hierarchy.level.get(id) ?? 0,
      directReports: reports.length,
      teamSize: size.get(id) ?? 0,
      own: mine,
      team,
      quota: q ? q.quota : null,
      quotaSource: q ? q.source : null,
      attainment: q ? attainment(team, q.quota) : null,
    });
  }
  return rows;
}

/** A {@link TeamRow} as strings, for a table, CSV or JSON. */
export interface TeamRowStrings {
  id: string;
  managerId: string;
  level: number;
  directReports: number;
  teamSize: number;
  own: string;
  team: string;
  quota: string;
  quotaSource: string;
  /** Percent at `percentScale`, or `""`. */
  attainmentPercent: string;
}

/**
 * Formats team rows as strings: amounts at the plan's scale, attainment in percent.
 *
 * @example
 * ```ts
 * teamRollupRows(rows, { rounding: { scale: 2, mode: "half-up" } })[0].attainmentPercent; // "100.00"
 * ```
 */
export function teamRollupRows(
  rows: readonly TeamRow[],
  options: { rounding?: Rounding; percentScale?: number } = {},
): TeamRowStrings[] {
  checkElements("teamRollupRows", "rows", rows, "object");
  checkArgument("teamRollupRows", "options", options, "object?");
  const rounding = options.rounding ?? { scale: 2, mode: "half-up" };
  const percent: Rounding = { scale: options.percentScale ?? 2, mode: "half-up" };
  return rows.map((r) => ({
    id: r.id,
    managerId: r.managerId ?? "",
    level: r.level,
    directReports: r.directReports,
    teamSize: r.teamSize,
    own: formatMoney(r.own, rounding),
    team: formatMoney(r.team, rounding),
    quota: r.quota ? formatMoney(r.quota, rounding) : "",
    quotaSource: r.quotaSource ?? "",
    attainmentPercent: r.attainment ? formatMoney(r.attainment.times(100), percent) : "",
  }));
}
