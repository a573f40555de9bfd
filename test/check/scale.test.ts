// checkPlan's cost grows with the number of components, not with its square: each component is swept on the
// grid and its own breakpoints, and one sweep is held at a time.
import { describe, expect, it } from "vitest";
import { checkPlan } from "../../src/check/index.js";
import { parsePlan } from "../../src/plan/index.js";
import { timeRatio } from "../helpers/timeRatio.js";

function planOf(components: number) {
  // Thirty curve points or five band edges per component, each component's a little apart from the others' (as
  // in a generated plan): a sweep over everyone's breakpoints had ~n × 3 × 17 points, each evaluating all n.
  const lines = Array.from({ length: components }, (_, i) => {
    const shift = (x: number) => (x + i / 10_000).toFixed(4);
    if (i % 2) {
      const bands = [0.2, 0.5, 1, 1.5, 2].map((u, k) => `{ upTo: ${shift(u)}, multiplier: ${1 + k / 10} }`);
      return `  - { id: c${i}, type: commission, measure: bookings, target: 100, over: year, tiers: { basis: attainment, bands: [ ${bands.join(", ")}, { multiplier: 3 } ] }, cap: { ofTarget: 2 } }`;
    }
    const curve = Array.from({ length: 30 }, (_, k) => `[${shift(k / 15)}, ${k / 15}]`);
    return `  - { id: c${i}, type: bonus, measure: bookings, target: 100, over: period, gate: ${shift(0.5)}, curve: [${curve.join(", ")}] }`;
  });
  return parsePlan(
    [
      "compplan: 1",
      "id: many",
      "name: many",
      "currency: USD",
      "year: { start: 2026-01-01 }",
      "payPeriod: quarter",
      "targets: { quota: { bookings: 1000000 } }",
      "measures: { bookings: { value: amount, date: closeDate } }",
      "components:",
      ...lines,
    ].join("\n"),
  );
}

describe("checkPlan on many components", () => {
  it("10× the components costs well under 40× the time (it was quadratic: ~100×)", () => {
    const small = planOf(8);
    const large = planOf(80);
    // Each component is checked: every one of them has a finding of its own (its pay at 100% at least).
    const checked = new Set(checkPlan(large).map((f) => f.component));
    expect(checked.size).toBe(81); // 80 components, and the plan-wide findings (no component)
    // A coarse grid (61 points), so the breakpoints weigh: the old sweep had ~61 + 80 × 51 points × 80
    // components against ~61 + 8 × 51 points × 8 (~90×); a component's own sweep is 61 + ~51 points (10×).
    const options = { step: "0.05" };
    expect(
      timeRatio(
        () => checkPlan(large, options),
        () => checkPlan(small, options),
        40,
      ),
    ).toBeLessThan(40);
  }, 120_000);
});
