import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPlan, type Plan } from "../../src/plan/index.js";
import { aOf } from "../../src/simulate/fast.js";
import {
  buildModel,
  fastEvaluator,
  type PlanModel,
  profilesFromRecords,
  representative,
} from "../../src/simulate/index.js";
import { plan } from "./helpers.js";

// A plan whose arithmetic is not exact: a curve segment 0.3 wide, a monthly target of 20,000 ÷ 12, and
// rounding down (toward zero) with three decimals.
const awkward = (mode: string) =>
  plan(
    `
    targets: { variable: 20000, quota: { sales: 999999 } }
    measures: { sales: { seasonality: [0.3, 0.2, 0.2, 0.3] } }
    components:
      - id: bonus
        type: bonus
        measure: sales
        share: 0.6
        over: period
        gate: 0.5
        curve: [[0.5, 0.3], [0.8, 0.9], [1.1, 1.3]]
        cap: { ofTarget: 1.2 }
      - id: tiers
        type: commission
        measure: sales
        share: 0.4
        tiers:
          method: retroactive
          bands: [{ upTo: 0.7, multiplier: 0.8 }, { upTo: 1.3, multiplier: 1.1 }, { multiplier: 1.7 }]
        floor: { amount: 333.333 }
    `,
    { payPeriod: "month", rounding: `{ scale: 3, mode: ${mode} }` },
  );

function models(): [string, PlanModel][] {
  const files = [
    "test/fixtures/off-target-ae.yaml",
    "plans/account-executive.yaml",
    "plans/customer-success.yaml",
    "plans/sales-engineer.yaml",
    "plans/sales-manager.yaml",
    "plans/sdr.yaml",
  ];
  const out: [string, PlanModel][] = files.map((f) => [f, buildModel(loadPlan(f), representative())]);
  for (const mode of ["half-up", "half-even", "down", "up"])
    out.push([`awkward ${mode}`, buildModel(awkward(mode), representative())]);
  // A participant whose targets make the base commission rate a quotient with no end (52,650 ÷ 805,000).
  const quick: Plan = loadPlan("test/fixtures/off-target-ae.yaml");
  const [odd] = profilesFromRecords(quick, [
    { id: "odd", "quota.bookings": 805000, variable: 70200, hireDate: "2026-02-17" },
  ]);
  out.push(["quickstart, odd targets, hired in February", buildModel(quick, odd!)]);
  return out;
}

describe("the fast path of a simulation", () => {
  it.each(
    models().flatMap(([name, model]) =>
      [4, 6].map((scale) => [`${name}, grid of ${scale} decimals`, model, scale] as const),
    ),
  )("pays the Decimal model's cents at every grid point tried: %s", (_, model, scale) => {
    const fast = fastEvaluator(model, scale);
    const reference = (k: number) =>
      model.at(aOf(k, scale)).components.map((c) => c.paid.times(10 ** model.rounding.scale).toNumber());
    // Around every breakpoint, where segments change, and at random points up to 400%.
    for (const c of model.components)
      for (const b of c.breakpoints) {
        const at = b.attainment
          .times(10 ** scale)
          .round()
          .toNumber();
        for (let k = Math.max(0, at - 3); k <= at + 3; k++) expect(fast(k)).toEqual(reference(k));
      }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 * 10 ** scale }), (k) => {
        expect(fast(k)).toEqual(reference(k));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it("settles most points itself, without the Decimal model", () => {
    const model = buildModel(loadPlan("plans/account-executive.yaml"), representative());
    const fast = fastEvaluator(model, 6);
    for (let k = 0; k < 3_000_000; k += 97) fast(k);
    expect(fast.exactParts / fast.parts).toBeLessThan(0.01);
  });
});
