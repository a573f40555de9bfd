import type { RecordIssue } from "../errors/index.js";

/** A transaction's part in a statement line: what it earned, exact and unrounded (for clawbacks and audits). */
export interface DealLine {
  id: string;
  date: string;
  earned: string;
}

/** One component's line on a statement. Amounts are decimal strings at the plan's scale. */
export interface StatementLine {
  component: string;
  name: string;
  type: string;
  /** Payable for the statement's period. */
  amount: string;
  /** Rounded earnings from the start of the plan year through the period. */
  earnedToDate: string;
  /** What the year's earlier pay periods paid. amount = earnedToDate − paidBefore. */
  paidBefore: string;
  /** Payable per pay period, when the statement's period spans several. */
  periods: { period: string; amount: string }[];
  /** The arithmetic, line by line: inputs, bands or curve points used, and results. */
  trace: string[];
  /** Deal by deal, for components that earn from transactions. */
  deals: DealLine[];
}

/** Value, quota and attainment of one measure over a span. Attainment is a fraction (`"0.975"`), or null without quota. */
export interface AttainmentFigures {
  value: string;
  quota: string | null;
  attainment: string | null;
}

/** A measure's attainment on a statement: for the period, year to date against quota to date, and against the annual quota. */
export interface MeasureAttainment {
  measure: string;
  period: AttainmentFigures;
  yearToDate: AttainmentFigures;
  /** Year-to-date value against the annual quota (prorated for the days employed). */
  annual: AttainmentFigures;
  /** Value and quota of each pay period from the start of the year through the statement's period. */
  periods: { period: string; start: string; end: string; value: string; quota: string | null }[];
}

/** A participant's statement for a period. */
export interface Statement {
  participantId: string;
  name: string | null;
  plan: string;
  currency: string;
  period: { name: string; start: string; end: string };
  lines: StatementLine[];
  attainment: MeasureAttainment[];
  /** Sum of the lines' payables. */
  total: string;
}

/** Why a valid transaction did not count. */
export interface Exclusion {
  row: number;
  id: string;
  source: string;
  /** The rule that left it out, e.g. `ae-fy27: measures.bookings.when`. */
  rules: string[];
  message: string;
}

/** How every input transaction was accounted for. input = credited + excluded + rejected. */
export interface Accounting {
  input: number;
  credited: number;
  excluded: number;
  rejected: number;
  rejects: RecordIssue[];
  exclusions: Exclusion[];
}

/**
 * The result of `evaluate`: plain, JSON-serialisable, identical for the same inputs in the same order; in any
 * order only the `row`s of rejects and exclusions (each record's position in its input) differ.
 */
export interface EvaluationResult {
  period: string;
  statements: Statement[];
  transactions: Accounting;
  participants: { input: number; evaluated: number; rejected: number; rejects: RecordIssue[] };
}
