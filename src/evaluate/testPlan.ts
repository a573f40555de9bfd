import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument } from "../errors/checkArgument.js";
import { Decimal } from "../money/index.js";
import type { Plan } from "../plan/index.js";
import type { CustomOperator } from "../rules/index.js";
import { checkPlanArgument } from "./checkPlans.js";
import { evaluate } from "./evaluate.js";

/** The outcome of one of a plan's own `tests:`. */
export interface PlanTestResult {
  plan: string;
  name: string;
  passed: boolean;
  /** One sentence per mismatch: `ana new-business: expected 6900.00, got 6890.00`. */
  failures: string[];
}

/**
 * Runs the unit tests written inside a plan (`tests:`): evaluates each case and compares the payable per
 * component and the total with the expected amounts (as decimals, so `6900` equals `6900.00`). A case whose
 * records are rejected fails too, with the reasons: test data must be clean.
 *
 * @example
 * ```ts
 * testPlan(loadPlan("plans/sdr.yaml")).every((r) => r.passed); // true
 * ```
 */
export function testPlan(
  input: Plan,
  options: { operators?: readonly CustomOperator[] } = {},
): PlanTestResult[] {
  checkArgument("testPlan", "options", options, "object");
  const plan = checkPlanArgument("testPlan", "plan", input, options.operators) as Plan;
  if ("periods" in plan) throw new ArgumentError("testPlan", "plan", "a plan (not a compiled plan)", plan);
  return (plan.tests ?? []).map((test) => {
    const failures: string[] = [];
    try {
      const result = evaluate([plan], {
        participants: test.participants.map((p) => ({ plan: plan.id, ...p })),
        transactions: test.transactions,
        period: test.period,
        operators: options.operators ?? [],
        deals: false,
      });
      for (const r of [...result.participants.rejects, ...result.transactions.rejects]) {
        failures.push(
          `rejected ${r.source} row ${r.row}${r.id ? ` (${r.id})` : ""}: ${r.field}: ${r.message}`,
        );
      }
      for (const e of test.expect) {
        const s = result.statements.find((x) => x.participantId === e.participant);
        if (!s) {
          failures.push(`${e.participant}: no statement`);
          continue;
        }
        for (const [component, expected] of Object.entries(e.lines ?? {})) {
          const line = s.lines.find((l) => l.component === component);
          if (!line) failures.push(`${e.participant} ${component}: no such line`);
          else if (!new Decimal(line.amount).eq(expected)) {
            failures.push(`${e.participant} ${component}: expected ${expected}, got ${line.amount}`);
          }
        }
        if (e.total !== undefined && !new Decimal(s.total).eq(e.total)) {
          failures.push(`${e.participant} total: expected ${e.total}, got ${s.total}`);
        }
      }
    } catch (error) {
      failures.push((error as Error).message);
    }
    return { plan: plan.id, name: test.name, passed: failures.length === 0, failures };
  });
}
