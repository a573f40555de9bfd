import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate/index.js";
import { Decimal } from "../../src/money/index.js";
import { loadPlan, type Plan } from "../../src/plan/index.js";
import { buildModel, profilesFromRecords, representative } from "../../src/simulate/index.js";
import { dealsAt, plan } from "./helpers.js";

const WON_NEW = { stage: "won", type: "new", termMonths: 12 };

// The model is the engine's reward functions applied to attainment directly. It must pay, component by
// component, exactly what evaluate pays a participant whose deals put them at that attainment in every period.
function expectSameAsEvaluate(
  p: Plan,
  measure: string,
  facts: Record<string, unknown>,
  attainments: string[],
) {
  const model = buildModel(p, representative());
  for (const a of attainments) {
    const result = evaluate([p], {
      participants: [{ id: "x", plan: p.id, hireDate: "2020-01-01" }],
      transactions: dealsAt(model, measure, a, facts),
      period: model.compiled.year.name,
    });
    expect(result.transactions.rejected).toBe(0);
    const statement = result.statements[0];
    const outcome = model.at(new Decimal(a));
    model.components.forEach((c, i) => {
      if (!c.modeled) return;
      const line = statement?.lines.find((l) => l.component === c.id);
      expect({ a, component: c.id, paid: outcome.components[i]?.paid.toFixed(2) }).toEqual({
        a,
        component: c.id,
        paid: line?.amount,
      });
    });
  }
}

const SWEEP = [
  "0",
  "0.123",
  "0.4999",
  "0.5",
  "0.5001",
  "0.75",
  "0.9",
  "1",
  "1.0001",
  "1.2345",
  "1.5",
  "1.75",
  "2.5",
  "3.3",
];

describe("plan model against evaluate", () => {
  it.each([
    ["test/fixtures/off-target-ae.yaml", "bookings", WON_NEW],
    ["plans/account-executive.yaml", "bookings", WON_NEW],
    ["plans/customer-success.yaml", "renewals", { stage: "won", type: "renewal" }],
    ["plans/sales-engineer.yaml", "region-bookings", WON_NEW],
    ["plans/sales-manager.yaml", "team-bookings", WON_NEW],
    ["plans/sdr.yaml", "pipeline", { type: "opportunity", status: "accepted" }],
  ])("pays what evaluate pays: %s", (file, measure, facts) => {
    const p = loadPlan(file);
    expectSameAsEvaluate(p, measure, facts, SWEEP);
  });

  it("pays what evaluate pays: per-period tiers, retroactive bands, floors, monthly half-even rounding", () => {
    const p = plan(
      `
      targets: { variable: 70000, quota: { sales: 1234567 } }
      measures:
        sales: { seasonality: [0.1, 0.2, 0.3, 0.4] }
      components:
        - id: tiered
          type: commission
          measure: sales
          share: 0.5
          over: period
          tiers:
            method: retroactive
            bands: [{ upTo: 0.8, multiplier: 0.5 }, { upTo: 1.2, multiplier: 1.25 }, { multiplier: 2 }]
          floor: { ofTarget: 0.1 }
          cap: { ofTarget: 2 }
        - id: flat
          type: commission
          measure: sales
          over: year
          rate: 0.0137
          cap: { amount: 30000 }
        - id: value-tiers
          type: commission
          measure: sales
          tiers:
            basis: value
            bands: [{ upTo: 500000, rate: 0.01 }, { rate: 0.02 }]
        - id: curve
          type: bonus
          measure: sales
          share: 0.5
          over: year
          gate: 0.6
          curve: [[0.5, 0.2], [0.8, 0.7], [1.1, 1.2], [1.4, 1.5]]
          floor: { amount: 1000 }
      `,
      { payPeriod: "month", rounding: "{ scale: 2, mode: half-even }" },
    );
    expectSameAsEvaluate(p, "sales", {}, SWEEP);
  });

  it("prorates a participant hired mid-year as evaluate does: half the base, half the quota", () => {
    // Hired July 1 on a calendar year paid quarterly: Q1 and Q2 not employed, Q3 and Q4 in full.
    // Base 100,000 → 2 × 25,000 = 50,000. Quota 1,000,000 → 500,000 for the year; at 100% the commission
    // at 5% pays 25,000; the bonus target 20,000 × ½ = 10,000.
    const p = plan(`
      targets: { base: 100000, variable: 40000, quota: { sales: 1000000 } }
      measures: { sales: {} }
      components:
        - { id: base, type: base }
        - { id: c, type: commission, measure: sales, rate: 0.05 }
        - { id: b, type: bonus, measure: sales, share: 0.5, curve: [[0, 0], [1, 1]] }
    `);
    const [profile] = profilesFromRecords(p, [{ id: "hire", hireDate: "2026-07-01" }]);
    const outcome = buildModel(p, profile!).at(new Decimal(1));
    expect(outcome.components.map((c) => c.paid.toFixed(2))).toEqual(["50000.00", "25000.00", "10000.00"]);
  });

  it("leaves off the curve what attainment cannot place, and says why", () => {
    const model = buildModel(loadPlan("plans/customer-success.yaml"), representative());
    const expansion = model.components.find((c) => c.id === "expansion-commission");
    expect(expansion?.modeled).toBe(false);
    expect(expansion?.note).toContain("planned.expansion");
    // With a planned volume of 200,000 at 100%, priced at the table's default row (6%): 12,000 at 100%.
    const planned = buildModel(loadPlan("plans/customer-success.yaml"), representative(), {
      planned: { expansion: 200000 },
    });
    const i = planned.components.findIndex((c) => c.id === "expansion-commission");
    expect(planned.at(new Decimal(1)).components[i]?.paid.toString()).toBe("12000");
    // A mix of 50% multi-year (10%), 50% standard (6%): 8% × 200,000 = 16,000.
    const mixed = buildModel(loadPlan("plans/customer-success.yaml"), representative(), {
      planned: { expansion: 200000 },
      mix: { "expansion-commission": { "multi-year": "0.5", standard: "0.5" } },
    });
    expect(mixed.at(new Decimal(1)).components[i]?.paid.toString()).toBe("16000");
  });
});

describe("a component's own target", () => {
  it("is used when written as `target:` instead of a share of the variable", () => {
    const p = plan(`
      targets: { quota: { sales: 1000000 } }
      measures: { sales: {} }
      components:
        - { id: bonus, type: bonus, measure: sales, target: 20000, over: period, curve: [[0.5, 0], [1, 1]] }
    `);
    const model = buildModel(p, representative());
    // At 100% every quarter pays its full target, 20,000 ÷ 4 = 5,000: 20,000 for the year.
    expect(model.at(new Decimal(1)).components[0]?.paid.toFixed(2)).toBe("20000.00");
    // At 75% the curve pays (0.75 − 0.5) ÷ 0.5 = 0.5 of the target: 10,000 for the year.
    expect(model.at(new Decimal("0.75")).components[0]?.paid.toFixed(2)).toBe("10000.00");
  });
});
