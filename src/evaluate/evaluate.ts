import { type Period, payPeriodsIn, tryPeriod } from "../calendar/index.js";
import { type CreditTable, creditTable } from "../credit/creditTable.js";
import { CompplanError, InputError, type RecordIssue } from "../errors/index.js";
import { buildHierarchy, type Hierarchy } from "../goals/index.js";
import type { Participant, Transaction } from "../input/index.js";
import { parseParticipantsAt } from "../input/parseParticipants.js";
import { parseTransactionTable } from "../input/parseTransactionTable.js";
import { participantRecords, transactionRecords } from "../input/recordsOfParsed.js";
import {
  entriesFor,
  type MeasureColumns,
  type MeasureSink,
  type MeasureTableOptions,
  measureInOrder,
  measureTable,
  type Verdicts,
  withoutTransactions,
} from "../measure/measureTable.js";
import { type TeamLayout, type TeamMeasure, type TeamSums, teamSums } from "../measure/teamSums.js";
import { componentTarget, type Plan } from "../plan/index.js";
import { ownValue } from "../plan/ownValue.js";
import { componentKinds } from "../reward/index.js";
import type { CustomOperator } from "../rules/index.js";
import type { EvaluationResult, Statement } from "../statement/index.js";
import { type AccountingColumns, countTransactions, withExclusions } from "./accounting.js";
import { checkEvaluateOptions } from "./checkEvaluateOptions.js";
import { checkPlans } from "./checkPlans.js";
import { type CompiledMeasure, type CompiledPlan, compilePlan } from "./compilePlan.js";
import { employmentWindows } from "./employmentWindows.js";
import { statementFor } from "./statementFor.js";

/** Inputs and options of {@link evaluate}. */
export interface EvaluateOptions {
  /**
   * Participant records (objects as read from CSV or JSON), or the `participants` of `parseParticipants`
   * (read as the records they came from, keeping their rows).
   */
  participants: readonly Record<string, unknown>[] | readonly Participant[];
  /**
   * Transaction records (objects as read from CSV or JSON), or the `transactions` of `parseTransactions`
   * (read as the records they came from, keeping their rows and source).
   */
  transactions: readonly Record<string, unknown>[] | readonly Transaction[];
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
 * Pure and deterministic: the same inputs in the same order give byte-identical JSON; in any order the
 * statements are identical and only the `row`s of rejects and exclusions (each record's position) follow the
 * order. Bad records are rejected with their row and field and never stop the run (unless `strict`); every
 * transaction is accounted for. Arguments of the wrong kind throw an `ArgumentError` (`INVALID_ARGUMENT`); a
 * plan object built in code is checked as a plan file is (`PlanError`).
 *
 * @example
 * ```ts
 * const result = evaluate([loadPlan("plans/account-executive.yaml")], {
 *   participants: [{ id: "ana", name: "Ana", plan: "ae-fy27" }],
 *   transactions: [{ id: "t1", ownerId: "ana", amount: "120000", closeDate: "2026-02-10", stage: "won", type: "new" }],
 *   period: "2026-Q1",
 * });
 * // base 120,000 ÷ 4 = 30,000; commission 120,000 × 4% = 4,800; bonus 120,000 ÷ the Q1 quota 200,000 = 60%,
 * // at or above the 50% gate: 0.6 × 5,000 = 3,000
 * result.statements[0]?.total; // => "37800.00"
 * ```
 */
export function evaluate(
  plans: readonly (Plan | CompiledPlan)[],
  options: EvaluateOptions,
): EvaluationResult {
  return evaluateWith(plans, options, { teamSums: true });
}

/**
 * {@link evaluate}, choosing how team measures are measured: `teamSums: false` measures every manager's team
 * with measureTable even without deal attribution (the reference the summed path is tested against). Not part
 * of the public API.
 *
 * @param plans - as for evaluate.
 * @param options - as for evaluate.
 * @param engine - `teamSums`: sum team measures bottom-up when a run lists no deals (see teamSums).
 * @returns as evaluate.
 * @example
 * ```ts
 * evaluateWith(plans, { participants, transactions, period: "2026", deals: false }, { teamSums: false });
 * ```
 */
export function evaluateWith(
  plans: readonly (Plan | CompiledPlan)[],
  options: EvaluateOptions,
  engine: { teamSums: boolean },
): EvaluationResult {
  // The boundary: arguments of the wrong kind throw an ArgumentError naming them, plans built in code are
  // checked as files are, and lists of parsed records are read as the records they came from.
  checkEvaluateOptions("evaluate", options);
  const checkedPlans = checkPlans("evaluate", plans, options.operators);
  const participantInput = participantRecords(options.participants);
  const transactionInput = transactionRecords(options.transactions);
  const compiled = new Map<string, CompiledPlan>();
  for (const p of checkedPlans) {
    const cp = "periods" in p ? p : compilePlan(p, { operators: options.operators ?? [] });
    if (compiled.has(cp.plan.id))
      throw new CompplanError("PLAN_DUPLICATE", `two plans have the id ${cp.plan.id}`);
    compiled.set(cp.plan.id, cp);
  }
  const participantSource = options.sources?.participants ?? "participants";
  const transactionSource = options.sources?.transactions ?? transactionInput.source ?? "transactions";

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
  const parsedParticipants = parseParticipantsAt(
    participantInput.records,
    participantSource,
    participantInput.rowNumbers,
  );
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

  // Transactions: read, as columns, and credit.
  const table = parseTransactionTable(transactionInput.records, {
    source: transactionSource,
    ...(transactionInput.rowNumbers && { rowNumbers: transactionInput.rowNumbers }),
  });
  const participantIds = participants.map((p) => p.id);
  const credits = creditTable(table, {
    participantIds,
    reason: (id) =>
      rejectedIds.has(id)
        ? `participant ${id} was rejected (${rejectedIds.get(id)})`
        : `no participant has the id ${id}`,
  });
  const creditRejects = credits.rejects;
  const transactionRejects: RecordIssue[] = [...table.rejects, ...creditRejects];
  if (options.strict && (transactionRejects.length || participantRejects.length)) {
    throw new InputError(sortIssues([...participantRejects, ...transactionRejects]));
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
  const indexOf = new Map(participantIds.map((id, i) => [id, i]));
  const layout = [...compiled.values()].some((cp) =>
    [...cp.measures.values()].some((m) => m.source.credit === "team"),
  )
    ? teamCredits(hierarchy, indexOf, credits)
    : undefined;
  const teamOf = (p: number) =>
    (layout as TeamLayout).order.subarray(
      (layout as TeamLayout).from[p] as number,
      (layout as TeamLayout).to[p] as number,
    );

  // Measure every participant's credits. What happens to each transaction is kept in arrays indexed by its
  // place in the table: a run touches these once per credit, millions of times.
  const n = table.length;
  const counted = new Uint8Array(n);
  // Why a transaction was left out: the first rule (its index + 1 in `ruleNames`) and its message, which is
  // the rule's usual message (the first it gave, `ruleMessages`) unless `messages` has another (a date outside
  // the year names the date); a transaction left out by several rules (by different plans' measures) has them
  // all in `moreRules`. Half a million exclusions then store one number each: a byte while there are fewer than
  // 256 rules (there are a few per plan), widened if ever there are more.
  let ruleOf: Uint8Array | Int32Array = new Uint8Array(n);
  const messages = new Map<number, string>();
  const ruleMessages: string[] = [];
  const ruleNames: string[] = [];
  const ruleIndex = new Map<string, number>();
  const moreRules = new Map<number, Map<string, string>>();
  const failed = new Map<number, RecordIssue>();
  // The rule of the previous exclusion: a measure excludes half a million credits in a row with the same rule
  // text (the same string), so its number is looked up once rather than in the map every time.
  let lastRule: string | undefined;
  let lastIndex = 0;
  const sink: MeasureSink = {
    exclude(c, rule, message) {
      const t = credits.transaction[c] as number;
      let r = rule === lastRule ? lastIndex : ruleIndex.get(rule);
      if (r === undefined) {
        r = ruleNames.push(rule);
        ruleIndex.set(rule, r);
        ruleMessages.push(message);
      }
      lastRule = rule;
      lastIndex = r;
      if (r > 255 && ruleOf instanceof Uint8Array) ruleOf = Int32Array.from(ruleOf);
      const known = ruleOf[t] as number;
      if (known === 0) {
        ruleOf[t] = r;
        if (message !== ruleMessages[r - 1]) messages.set(t, message);
      } else if (known !== r) {
        let more = moreRules.get(t);
        if (!more) {
          const first = messages.get(t) ?? (ruleMessages[known - 1] as string);
          more = new Map([[ruleNames[known - 1] as string, first]]);
          moreRules.set(t, more);
        }
        if (!more.has(rule)) more.set(rule, message);
      }
    },
    fail(c, field, message) {
      const t = credits.transaction[c] as number;
      if (!failed.has(t)) {
        failed.set(t, {
          source: table.source,
          row: table.row[t] as number,
          id: table.id[t] as string,
          field,
          message,
        });
      }
    },
  };
  const sort = options.deals ?? true;
  // Measures of participants' own credits are measured in one pass over the credits, in input order (see
  // measureInOrder); team measures, which also count other participants' credits, participant by participant.
  // SPIFFs without a measure see every credit of the participant dated in the plan year: a measure without
  // condition, one per plan (each plan has its own year).
  const inOrderOf = new Map<CompiledPlan, { measure: CompiledMeasure; options: MeasureTableOptions }[]>();
  const creditsMeasureOf = new Map<CompiledPlan, CompiledMeasure>();
  const planOf = participants.map((p) => compiled.get(p.plan) as CompiledPlan);
  // Credits dated outside their participant's employment are left out (rule `<plan>: employment`).
  const employment = employmentWindows(participants, (i) => (planOf[i] as CompiledPlan).plan);
  for (const cp of compiled.values()) {
    const options = { periods: cp.periods, planId: cp.plan.id, sort, sink, checkedDates: true, employment };
    const list: { measure: CompiledMeasure; options: MeasureTableOptions }[] = [...cp.measures.values()]
      .filter((m) => m.source.credit !== "team")
      .map((measure) => ({ measure, options }));
    if (cp.components.some((c) => componentKinds[c.source.type].needs(c.source).credits)) {
      const measure = { ...closeDateOnly };
      creditsMeasureOf.set(cp, measure);
      list.push({
        measure,
        options: { periods: cp.periods, planId: cp.plan.id, sort: false, checkedDates: true, employment },
      });
    }
    inOrderOf.set(cp, list);
  }
  const inOrder = measureInOrder(credits, (i) => inOrderOf.get(planOf[i] as CompiledPlan) ?? []);
  const verdicts = inOrder.verdicts;
  // Counted by a measure of the participant it is credited to: marked in credit order, which is input order.
  for (let c = 0; c < credits.length; c++)
    if (inOrder.counted[c] === 1) counted[credits.transaction[c] as number] = 1;
  // Team measures: each credit judged once per measure (see teamSums); without deal attribution, and when no
  // component reads them deal by deal, summed bottom-up, otherwise each team's entries gathered when its
  // statement is made (and dropped with it).
  const summed =
    layout && engine.teamSums ? summedTeams(compiled, credits, layout, planOf, employment, !sort) : undefined;
  summed?.sums.report(sink, counted);
  const measured: Map<string, MeasureColumns>[] = [];
  const creditEntries: (MeasureColumns | undefined)[] = [];
  participants.forEach((_, index) => {
    const cp = planOf[index] as CompiledPlan;
    const options = { periods: cp.periods, planId: cp.plan.id, sort, sink, checkedDates: true };
    const results = new Map<string, MeasureColumns>();
    for (const [id, measure] of cp.measures) {
      let result: MeasureColumns;
      if (measure.source.credit === "team") {
        if (summed) continue;
        result = measureTable(measure, credits, teamOf(index), {
          ...options,
          employment,
          participant: index,
        });
        for (let i = 0; i < result.length; i++) counted[result.transaction[i] as number] = 1;
      } else result = entriesFor(verdicts.get(measure) as Verdicts, credits, index, options);
      results.set(id, result);
    }
    measured.push(results);
    const creditsMeasure = creditsMeasureOf.get(cp);
    if (creditsMeasure) {
      const entries = entriesFor(verdicts.get(creditsMeasure) as Verdicts, credits, index, {
        ...options,
        sort: false,
      });
      creditEntries.push(entries);
    } else creditEntries.push(undefined);
  });
  // A transaction whose data a measure cannot use is rejected everywhere, never counted in part.
  if (failed.size) {
    const drop = new Set(failed.keys());
    participants.forEach((p, index) => {
      const cp = compiled.get(p.plan) as CompiledPlan;
      const results = measured[index] as Map<string, MeasureColumns>;
      for (const [id, r] of results) results.set(id, withoutTransactions(r, drop, cp.periods.length));
      const entries = creditEntries[index];
      if (entries) creditEntries[index] = withoutTransactions(entries, drop, cp.periods.length);
    });
    // One by one: spreading a million rejects into a call would overflow the stack.
    for (const reject of failed.values()) transactionRejects.push(reject);
    if (options.strict) throw new InputError(sortIssues([...failed.values()]));
  }

  // Reward, pay and statement, participant by participant, in id order.
  const dropped: ReadonlySet<number> = summed ? new Set(failed.keys()) : new Set();
  const statements: Statement[] = [];
  const byIdOrder = participants
    .map((_, i) => i)
    .sort((a, b) => {
      const x = participantIds[a] as string;
      const y = participantIds[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  for (const index of byIdOrder) {
    const p = participants[index] as Participant;
    const cp = compiled.get(p.plan) as CompiledPlan;
    const span = spans.get(cp.plan.id) as { period: Period; from: number; through: number };
    let measures = measured[index] as Map<string, MeasureColumns>;
    if (summed) {
      // The team measures' sums, made now and dropped with the statement, in the plan's order of measures.
      const own = measures;
      measures = new Map();
      for (const [id, measure] of cp.measures) {
        const j = summed.index.get(measure);
        measures.set(
          id,
          j === undefined
            ? (own.get(id) as MeasureColumns)
            : summed.bySums
              ? summed.sums.columns(index, j, dropped)
              : summed.sums.entries(index, j, dropped, sort),
        );
      }
    }
    statements.push(statementFor(cp, p, span, measures, creditEntries[index], options.deals ?? true));
    options.onProgress?.(statements.length, participants.length);
  }

  // Accounting: every transaction credited, excluded (and why) or rejected (and why), once. The exclusions are
  // listed when first read (see withExclusions).
  const columns: AccountingColumns = {
    source: table.source,
    length: n,
    id: table.id,
    row: table.row,
    counted,
    failed: new Set(failed.keys()),
    uncredited: new Set(creditRejects.map((r) => r.row)),
    ruleOf,
    messages,
    ruleMessages,
    ruleNames,
    moreRules,
    idsIncreasing: table.idsIncreasing,
  };
  const { credited, excluded } = countTransactions(columns);
  const rejects = sortIssues(transactionRejects);
  return {
    period: options.period,
    statements,
    transactions: withExclusions(
      {
        input: options.transactions.length,
        credited,
        excluded,
        rejected: rejects.length,
        rejects,
      },
      columns,
    ),
    participants: {
      input: options.participants.length,
      evaluated: participants.length,
      rejected: participantRejects.length,
      rejects: sortIssues(participantRejects),
    },
  };
}

// Credits of a participant dated in the plan year, for SPIFFs without a measure: a measure with no condition.
const closeDateOnly: CompiledMeasure = {
  id: "(credits)",
  source: { value: "amount", date: "closeDate" } as CompiledMeasure["source"],
  when: undefined,
  value: undefined,
  multipliers: [],
  dateField: "closeDate",
  seasonality: undefined,
};

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
    // (Whether a target is written, not its value: parsing it here would be a Decimal per participant for nothing.)
    if (
      needs.quota &&
      needs.measure &&
      (ownValue(p.targets.quota, needs.measure) ?? ownValue(cp.plan.targets.quota, needs.measure)) ===
        undefined
    ) {
      return {
        field: `quota.${needs.measure}`,
        message: `plan ${cp.plan.id} component ${c.id} needs an annual quota for ${needs.measure}: set quota.${needs.measure} for the participant or targets.quota.${needs.measure} in the plan`,
      };
    }
    if (
      needs.target &&
      componentTarget(c)?.target === undefined &&
      (p.targets.variable ?? cp.plan.targets.variable) === undefined
    ) {
      return {
        field: "variable",
        message: `plan ${cp.plan.id} component ${c.id} needs the participant's annual variable target: set variable for the participant or targets.variable in the plan`,
      };
    }
  }
  return undefined;
}

/**
 * Team measures judged once per credit (see teamSums), or undefined when they cannot be (each manager's team is
 * then measured with measureTable). `bySums`: each participant's are summed bottom-up, which needs a run
 * without deals (`noDeals`), components that read only sums and counts per pay period (bonuses, commissions
 * without a rate table), and exact sums.
 */
function summedTeams(
  compiled: ReadonlyMap<string, CompiledPlan>,
  credits: CreditTable,
  layout: TeamLayout,
  planOf: readonly CompiledPlan[],
  employment: MeasureTableOptions["employment"],
  noDeals: boolean,
): { sums: TeamSums; index: Map<CompiledMeasure, number>; bySums: boolean } | undefined {
  const list: TeamMeasure[] = [];
  let bySums = noDeals;
  const plans = [...compiled.values()];
  for (const [plan, cp] of plans.entries()) {
    const team = new Set<string>();
    [...cp.measures.values()].forEach((measure, position) => {
      if (measure.source.credit !== "team") return;
      team.add(measure.id);
      list.push({
        measure,
        position,
        plan,
        options: { periods: cp.periods, planId: cp.plan.id, checkedDates: true, employment },
      });
    });
    for (const component of cp.components) {
      const c = component.source;
      const needs = component.needs ?? componentKinds[c.type].needs(c);
      if (needs.measure === undefined || !team.has(needs.measure)) continue;
      if (!(c.type === "bonus" || (c.type === "commission" && component.rates === undefined))) bySums = false;
    }
  }
  const planNumber = new Map(plans.map((cp, k) => [cp, k]));
  const sums = teamSums(
    credits,
    layout,
    list,
    Int32Array.from(planOf, (cp) => planNumber.get(cp) as number),
    employment,
  );
  return (
    sums && { sums, index: new Map(list.map((t, j) => [t.measure, j])), bySums: bySums && sums.summable }
  );
}

/**
 * The credits a team measure counts for each participant: their own and those of everyone below them. The
 * participants are laid out depth first (iteratively: a 20,000-deep chain needs no recursion), so everyone
 * below a manager is one stretch of the layout and a team is a view of one array, not a list built per manager
 * (nor spread into a call, which overflows the stack past some 100,000 credits).
 */
function teamCredits(
  hierarchy: Hierarchy,
  indexOf: ReadonlyMap<string, number>,
  credits: CreditTable,
): TeamLayout {
  const count = indexOf.size;
  const preorder = new Int32Array(count);
  const manager = new Int32Array(count).fill(-1);
  let visited = 0;
  const order = new Int32Array(credits.length);
  const from = new Int32Array(count);
  const to = new Int32Array(count);
  let at = 0;
  // Each stack entry is a participant; a negative entry -(p + 1) closes p's stretch once its reports are done.
  const stack: number[] = [];
  for (let r = hierarchy.roots.length - 1; r >= 0; r--)
    stack.push(indexOf.get(hierarchy.roots[r] as string) as number);
  while (stack.length) {
    const p = stack.pop() as number;
    if (p < 0) {
      to[-p - 1] = at;
      continue;
    }
    from[p] = at;
    preorder[visited++] = p;
    for (let k = credits.start[p] as number; k < (credits.start[p + 1] as number); k++)
      order[at++] = credits.order[k] as number;
    stack.push(-p - 1);
    const reports = hierarchy.directReports.get(credits.participantIds[p] as string) ?? [];
    for (let r = reports.length - 1; r >= 0; r--) {
      const q = indexOf.get(reports[r] as string) as number;
      manager[q] = p;
      stack.push(q);
    }
  }
  return { order, from, to, preorder: preorder.subarray(0, visited), manager };
}
