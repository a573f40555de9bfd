import { ArgumentError } from "../errors/ArgumentError.js";
import { checkArgument } from "../errors/checkArgument.js";
import { checkPlanArgument } from "../evaluate/checkPlans.js";
import type { CompiledPlan } from "../evaluate/index.js";
import type { Plan } from "../plan/index.js";
import { buildModel, representative } from "../simulate/model.js";
import { checkCaps } from "./caps.js";
import { checkContext, variableComponents } from "./context.js";
import { checkCost } from "./cost.js";
import { checkMeasures } from "./measures.js";
import { checkStructure } from "./structure.js";
import { checkSweep } from "./sweep.js";
import { checkTargets } from "./target.js";
import type { CheckOptions, Finding, Severity } from "./types.js";
import { checkZeroQuota } from "./zeroQuota.js";

/**
 * Design checks of a plan, for finance before it launches. For one representative participant (the plan's
 * default targets, employed the whole year, every pay period at the same attainment):
 * - pay at exactly 100% attainment against each component's target, and what would fix a miss;
 * - the payout curve swept from 0 to 300%: never falling, and without cliffs at band edges, gates or curve
 *   points larger than 10% of the target;
 * - the cost at 50%, 100%, 150% and 200%, with effective rates;
 * - where caps bind, and the bands and curve points they make pointless;
 * - rate rows, SPIFF windows and curve points that can never apply; measures no component uses;
 * - pay periods without quota (a seasonality share of 0, grace after termination) where a component measuring
 *   attainment per period pays nothing.
 *
 * The sweep runs on the plan model of `simulate/` (the engine's reward functions applied to attainment
 * directly), not on `evaluate` with synthetic transactions: a sweep is a few hundred points plus the
 * bisection of every cap, and the model is held equal to `evaluate` by its own tests, so the checks see what
 * payroll would pay, at a fraction of the cost.
 *
 * @example
 * ```ts
 * const findings = checkPlan(loadPlan("examples/quickstart/plan.yaml"));
 * findings.filter((f) => f.severity === "error").map((f) => f.message);
 * ```
 */
export function checkPlan(input: Plan | CompiledPlan, options: CheckOptions = {}): Finding[] {
  checkArgument("checkPlan", "options", options, "object");
  const plan = checkPlanArgument("checkPlan", "plan", input, [], true);
  const source = "periods" in plan ? plan.plan : plan;
  const model = buildModel(plan, options.profile ?? representative(), options);
  const ctx = checkContext(source, model, options);
  for (const c of model.components) {
    if (c.note && !c.modeled) {
      ctx.add({
        severity: "info",
        component: c.id,
        code: "not_on_curve",
        message: `${c.name} is not checked on the payout curve: ${c.note}.`,
        numbers: {},
      });
    } else if (c.note) {
      ctx.add({
        severity: "info",
        component: c.id,
        code: "assumption",
        message: `${c.name}: ${c.note}.`,
        numbers: {},
      });
    }
  }
  checkStructure(ctx);
  checkMeasures(ctx);
  checkZeroQuota(ctx);
  checkTargets(ctx);
  // Both checks read each component's sweep: made once per component, one at a time, and their findings kept
  // in their order (every sweep finding, then every cap finding).
  const capFindings: Finding[] = [];
  const caps = { ...ctx, add: (f: Finding) => void capFindings.push(f) };
  for (const one of variableComponents(model)) {
    checkSweep(ctx, [one]);
    checkCaps(caps, [one]);
  }
  for (const f of capFindings) ctx.add(f);
  checkCost(ctx);
  return ctx.findings;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Findings in order of severity (errors first), then as found.
 *
 * @example
 * ```ts
 * bySeverity(checkPlan(plan))[0]?.severity; // "error" when there is one
 * ```
 */
export function bySeverity<F extends Finding>(findings: readonly F[]): F[] {
  checkFindings("bySeverity", findings);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => RANK[x.f.severity] - RANK[y.f.severity] || x.i - y.i)
    .map(({ f }) => f);
}

/**
 * Findings as text for a terminal, one per line: `error   new-business  target_mismatch  New business pays …`.
 *
 * @example
 * ```ts
 * process.stdout.write(formatFindings(checkPlan(plan)));
 * ```
 */
export function formatFindings(findings: readonly Finding[]): string {
  checkFindings("formatFindings", findings);
  return bySeverity(findings)
    .map((f) => `${f.severity.padEnd(7)} ${f.component ? `${f.component}: ` : ""}${f.message} [${f.code}]\n`)
    .join("");
}

// Findings as checkPlan returns them: each with a known severity and text code and message.
function checkFindings(fn: string, findings: unknown): void {
  checkArgument(fn, "findings", findings, "list");
  (findings as unknown[]).forEach((f, i) => {
    const ok =
      typeof f === "object" &&
      f !== null &&
      Object.hasOwn(RANK, (f as Finding).severity) &&
      typeof (f as Finding).message === "string" &&
      typeof (f as Finding).code === "string";
    if (!ok) throw new ArgumentError(fn, `findings[${i}]`, "a finding from checkPlan", f);
  });
}
