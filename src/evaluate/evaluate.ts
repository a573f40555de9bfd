import { type Period, payPeriodsIn, tryPeriod } from "../calendar/index.js";
import { type Credit, creditTransactions } from "../credit/index.js";
import { CompplanError, InputError, type RecordIssue } from "../errors/index.js";
import { buildHierarchy, type Hierarchy, reportsOf } from "../goals/index.js";
import { type Participant, parseParticipants, parseTransactions, type Transaction } from "../input/index.js";
import { type MeasureEntry, type MeasureResult, measureCredits } from "../measure/index.js";
import { type Decimal, ZERO } from "../money/index.js";
import { componentTarget, type Plan } from "../plan/index.js";
import { componentKinds } from "../reward/index.js";
import type { CustomOperator } from "../rules/index.js";
import type { EvaluationResult, Exclusion, Statement } from "../statement/index.js";
import { type CompiledPlan, compilePlan } from "./compilePlan.js";
import { quotaOf, statementFor, variableOf } from "./statementFor.js";

/** Inputs and options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Participant records (objects as read from CSV or JSON). */
  participants: readonly Record<string, unknown>[];
  /** Transaction records (objects as read from CSV or JSON). */
  transactions: readonly Record<string, unknown>[];
  /** `2026`, `2026-H1`, `2026-Q3` or `2026-07`: whole pay periods of each plan's year. */
  period: string;
  /** Custom condition operators, as given to `parsePlan`. */
  operators?: readonly CustomOperator[];
  /** Throw an `InputError` on the first rejected record instead of reporting rejects. */
  strict?: boolean;
  /** Names for the inputs in reject reports (file names). Default `participants` and `transactions`. */
  sources?: { participants?: string; transactions?: string };
  /** Include each line's deal-by-deal attribution. Default true. */
  deals?: boolean;
  /** Called after each participant's statement, for progress bars on long runs. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Computes every participant's statement for a period: credit → measure → goals → reward → pay → statement.
 * Pure and deterministic: the same inputs in any order give byte-identical JSON. Bad records are rejected
 * with their row and field and never stop the run (unless `strict`); every transaction is accounted for.
 *
 * @example
 * ```ts
 * const result = evaluate([loadPlan("plans/account-executive.yaml")], {
 *   participants: [{ id: "ana", name: "Ana", plan: "ae-fy2026" }],
 *   transactions: [{ id: "t1", ownerId: "ana", amount: "120000", closeDate: "2026-02-10", stage: "won", type: "new" }],
 *   period: "2026-Q1",
 * });
 * result.statements[0].total; // "…"
 * ```
 */
export function evaluate(
  plans: readonly (Plan | CompiledPlan)[],
  options: EvaluateOptions,
): EvaluationResult {
  const compiled = new Map<string, CompiledPlan>();
  for (const p of plans) {
    const cp = "periods" in p ? p : compilePlan(p, { operators: options.operators ?? [] });
    if (compiled.has(cp.plan.id))
      throw new CompplanError("PLAN_DUPLICATE", `two plans have the id ${cp.plan.id}`);
    compiled.set(cp.plan.id, cp);
  }
  const participantSource = options.sources?.participants ?? "participants";
  const transactionSource = options.sources?.transactions ?? "transactions";

  // Periods per plan: the run names one period; each plan finds it in its own year.
  const spans = new Map<string, { period: Period; from: number; through: number }>();
  for (const cp of compiled.values()) {
    const found = tryPeriod(options.period, cp.plan.year.start);
    if (!found.ok) throw new CompplanError("PERIOD_INVALID", `plan ${cp.plan.id}: ${found.message}`);
    let inside: Period[];
    try {
      inside = payPeriodsIn(found.value, cp.plan.year.start, cp.plan.payPeriod);
    } catch (error) {
      throw new CompplanError("PERIOD_INVALID", `plan ${cp.plan.id}: ${(error as Error).message}`);
    }
    const from = cp.periods.findIndex((p) => p.name === inside[0]?.name);
    spans.set(cp.plan.id, { period: found.value, from, through: from + inside.length - 1 });
  }

  // Participants: read, then check each has the plan and the targets its plan needs.
  const parsedParticipants = parseParticipants(options.participants, { source: participantSource });
  const participantRejects: RecordIssue[] = [...parsedParticipants.rejects];
  const participants: Participant[] = [];
  for (const p of parsedParticipants.participants) {
    const cp = compiled.get(p.plan);
    const problem = cp
      ? missingTarget(cp, p)
      : { field: "plan", message: `no plan has the id ${p.plan}${plansHint(compiled)}` };
    if (problem) participantRejects.push({ source: participantSource, row: p.row, id: p.id, ...problem });
    else participants.push(p);
  }
  const rejectedIds = new Map(participantRejects.filter((r) => r.id).map((r) => [r.id as string, r.message]));
  const byId = new Map(participants.map((p) => [p.id, p]));

  // Transactions: read and credit.
  const parsedTransactions = parseTransactions(options.transactions, { source: transactionSource });
  const { credits, rejects: creditRejects } = creditTransactions(parsedTransactions.transactions, {
    participant: (id) =>
      byId.has(id) ||
      (rejectedIds.has(id)
        ? `participant ${id} was rejected (${rejectedIds.get(id)})`
        : id
          ? `no participant has the id ${id}`
          : "expected an ownerId or splits"),
  });
  const transactionRejects: RecordIssue[] = [...parsedTransactions.rejects, ...creditRejects];
  if (options.strict && (transactionRejects.length || participantRejects.length)) {
    throw new InputError(sortIssues([...participantRejects, ...transactionRejects]));
  }
  const creditsOf = new Map<string, Credit[]>();
  for (const c of credits) {
    const list = creditsOf.get(c.participantId);
    if (list) list.push(c);
    else creditsOf.set(c.participantId, [c]);
  }

  // The hierarchy, for team measures. A manager outside the participants is treated as the top of the tree.
  let hierarchy: Hierarchy;
  try {
    hierarchy = buildHierarchy(
      participants.map((p) => ({
        id: p.id,
        managerId: p.managerId && byId.has(p.managerId) ? p.managerId : null,
      })),
    );
  } catch (error) {
    throw new InputError([], `${participantSource}: ${(error as Error).message}`);
  }

  // Measure every participant's credits.
  // Per transaction, indexed by its row: whether a measure counted it, and why it was left out. Arrays by row
  // rather than maps keyed by object: a run touches these once per credit, millions of times.
  const counted = new Uint8Array(options.transactions.length + 1);
  // Why each valid transaction was left out, by rule. Most have one reason: a plain pair, not a Map each.
  const exclusions: ([string, string] | Map<string, string> | undefined)[] = [];
  const failed = new Map<Transaction, RecordIssue>();
  const measured = new Map<string, Map<string, MeasureResult>>();
  const creditEntries = new Map<string, MeasureEntry[]>();
  for (const p of participants) {
    const cp = compiled.get(p.plan) as CompiledPlan;
    const results = new Map<string, MeasureResult>();
    for (const [id, measure] of cp.measures) {
      const own = creditsOf.get(p.id) ?? [];
      const list =
        measure.source.credit === "team"
          ? [...own, ...reportsOf(hierarchy, p.id, { depth: "all" }).flatMap((r) => creditsOf.get(r) ?? [])]
          : own;
      const result = measureCredits(measure, list, {
        periods: cp.periods,
        planId: cp.plan.id,
        sort: options.deals ?? true,
      });
      for (const e of result.entries) counted[e.credit.transaction.row] = 1;
      for (const x of result.excluded) {
        const t = x.credit.transaction;
        const known = exclusions[t.row];
        if (known === undefined) exclusions[t.row] = [x.rule, x.message];
        else if (Array.isArray(known)) {
          if (known[0] !== x.rule) exclusions[t.row] = new Map([known, [x.rule, x.message]]);
        } else known.set(x.rule, x.message);
      }
      for (const f of result.failed) {
        const t = f.credit.transaction;
        if (!failed.has(t))
          failed.set(t, { source: t.source, row: t.row, id: t.id, field: f.field, message: f.message });
      }
      results.set(id, result);
    }
    measured.set(p.id, results);
    // SPIFFs without a measure see every credit of the participant dated in the plan year.
    if (cp.components.some((c) => componentKinds[c.source.type].needs(c.source).credits)) {
      const entries: MeasureEntry[] = [];
      for (const c of creditsOf.get(p.id) ?? []) {
        const date = c.transaction.facts.closeDate;
        if (typeof date !== "string") continue;
        const period = cp.periods.findIndex((x) => date >= x.start && date <= x.end);
        if (period < 0) continue;
        entries.push({ credit: c, date, period, value: c.amount, multipliers: [] });
        counted[c.transaction.row] = 1;
      }
      creditEntries.set(p.id, entries);
    }
  }
  // A transaction whose data a measure cannot use is rejected everywhere, never counted in part.
  if (failed.size) {
    for (const results of measured.values()) {
      for (const [id, r] of results) {
        if (!r.entries.some((e) => failed.has(e.credit.transaction))) continue;
        const entries = r.entries.filter((e) => !failed.has(e.credit.transaction));
        const perPeriod = r.perPeriod.map(() => ZERO);
        for (const e of entries) perPeriod[e.period] = (perPeriod[e.period] as Decimal).plus(e.value);
        results.set(id, { ...r, entries, perPeriod });
      }
    }
    for (const [id, entries] of creditEntries)
      creditEntries.set(
        id,
        entries.filter((e) => !failed.has(e.credit.transaction)),
      );
    transactionRejects.push(...failed.values());
    if (options.strict) throw new InputError(sortIssues([...failed.values()]));
  }

  // Reward, pay and statement, participant by participant.
  const statements: Statement[] = [];
  for (const p of [...participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const cp = compiled.get(p.plan) as CompiledPlan;
    const span = spans.get(cp.plan.id) as { period: Period; from: number; through: number };
    statements.push(
      statementFor(
        cp,
        p,
        span,
        measured.get(p.id) as Map<string, MeasureResult>,
        creditEntries.get(p.id),
        options.deals ?? true,
      ),
    );
    options.onProgress?.(statements.length, participants.length);
  }

  // Accounting: every transaction credited, excluded (and why) or rejected (and why), once.
  const exclusionList: Exclusion[] = [];
  const sharedRules = new Map<string, string[]>();
  const uncredited = new Set(creditRejects.map((r) => r.row));
  let creditedCount = 0;
  for (const t of parsedTransactions.transactions) {
    if (failed.has(t) || uncredited.has(t.row)) continue;
    if (counted[t.row] === 1) creditedCount++;
    else {
      const known = exclusions[t.row] ?? NO_MEASURE;
      if (Array.isArray(known)) {
        // One reason, the common case: the rules list is shared by every transaction left out by that rule.
        let rules = sharedRules.get(known[0]);
        if (!rules) {
          rules = Object.freeze([known[0]]) as string[];
          sharedRules.set(known[0], rules);
        }
        exclusionList.push({ row: t.row, id: t.id, source: t.source, rules, message: known[1] });
      } else {
        const rules = [...known.keys()].sort();
        const message = rules.map((r) => known.get(r)).join("; ");
        exclusionList.push({ row: t.row, id: t.id, source: t.source, rules, message });
      }
    }
  }
  const rejects = sortIssues(transactionRejects);
  return {
    period: options.period,
    statements,
    transactions: {
      input: options.transactions.length,
      credited: creditedCount,
      excluded: exclusionList.length,
      rejected: rejects.length,
      rejects,
      exclusions: exclusionList.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.row - b.row)),
    },
    participants: {
      input: options.participants.length,
      evaluated: participants.length,
      rejected: participantRejects.length,
      rejects: sortIssues(participantRejects),
    },
  };
}

const NO_MEASURE: [string, string] = ["none", "no measure of the credited participants' plans counts it"];

function plansHint(compiled: Map<string, CompiledPlan>): string {
  return compiled.size ? ` (plans: ${[...compiled.keys()].join(", ")})` : "";
}

function sortIssues(issues: RecordIssue[]): RecordIssue[] {
  return [...issues].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.row - b.row));
}

// The targets a participant's plan needs and cannot find, as a reject naming the participant's field.
function missingTarget(cp: CompiledPlan, p: Participant): { field: string; message: string } | undefined {
  for (const c of cp.plan.components) {
    const needs = componentKinds[c.type].needs(c);
    if (needs.quota && needs.measure && quotaOf(cp.plan, p, needs.measure) === undefined) {
      return {
        field: `quota.${needs.measure}`,
        message: `plan ${cp.plan.id} component ${c.id} needs an annual quota for ${needs.measure}: set quota.${needs.measure} for the participant or targets.quota.${needs.measure} in the plan`,
      };
    }
    if (needs.target && componentTarget(c)?.target === undefined && variableOf(cp.plan, p) === undefined) {
      return {
        field: "variable",
        message: `plan ${cp.plan.id} component ${c.id} needs the participant's annual variable target: set variable for the participant or targets.variable in the plan`,
      };
    }
  }
  return undefined;
}
