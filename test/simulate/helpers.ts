// Shared by the simulate and check tests: plans written inline, and synthetic deals that put a participant at
// a given attainment in every pay period, for holding the model equal to evaluate.
import { Decimal } from "../../src/money/index.js";
import { type Plan, PlanSchema } from "../../src/plan/index.js";
import type { PlanModel } from "../../src/simulate/index.js";
import { type HeaderOptions, plan as planWithId } from "../evaluate/helpers.js";

/** A plan from the YAML after its header (USD, year from 2026-01-01, paid per quarter unless told otherwise). */
export function plan(body: string, options: HeaderOptions & { id?: string } = {}): Plan {
  return planWithId(options.id ?? "p", body, options);
}

/**
 * A plan checked by the schema only, not by parsePlan's semantic checks: for plans that parsePlan refuses
 * (a rate row after a catch-all) but that code can still build and hand to checkPlan.
 */
export function rawPlan(data: Record<string, unknown>): Plan {
  return PlanSchema.parse({
    compplan: 1,
    id: "raw",
    name: "raw",
    currency: "USD",
    year: { start: "2026-01-01" },
    payPeriod: "quarter",
    ...data,
  });
}

/**
 * One transaction per pay period worth attainment × that period's volume of `measure`, with `facts` that the
 * measure's condition accepts: a participant at exactly `a` in every period.
 */
export function dealsAt(
  model: PlanModel,
  measure: string,
  a: string,
  facts: Record<string, unknown>,
  owner = "x",
): Record<string, unknown>[] {
  const volume = model.volumes.get(measure);
  if (!volume) throw new Error(`no volume for ${measure}`);
  return model.compiled.periods.map((period, i) => ({
    id: `${owner}-${i}`,
    ownerId: owner,
    // A Decimal, not its text: a monthly volume (annual ÷ 12) has 60 digits, more than a number written in a
    // file may have (MAX_DIGITS); a Decimal may have the precision's 60.
    amount: new Decimal(a).times(volume.perPeriod[i] as Decimal),
    // The date field the measure places deals by (closeDate unless the plan says otherwise).
    [model.compiled.measures.get(measure)?.dateField ?? "closeDate"]: period.start,
    ...facts,
  }));
}
