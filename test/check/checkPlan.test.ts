import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPlan, type Finding, formatFindings } from "../../src/check/index.js";
import { loadPlan } from "../../src/plan/index.js";
import { plan, rawPlan } from "../simulate/helpers.js";

const find = (findings: Finding[], code: string, component?: string) =>
  findings.filter((f) => f.code === code && (component === undefined || f.component === component));

// Quota 1,000,000 and a variable target of 60,000 carried by one component, unless a test says otherwise.
const single = (component: string, extra = "") =>
  plan(`
    targets: { variable: 60000, quota: { sales: 1000000 } }
    measures: { sales: {} ${extra} }
    components:
      - ${component}
  `);

describe("checkPlan: pay at 100% against the target", () => {
  it("says what a flat rate pays instead, and the rate that would pay the target", () => {
    // 5% of 1,000,000 = 50,000 against a target of 60,000: 10,000 short (16.67%, above the 1% tolerance:
    // an error). The rate that pays the target: 60,000 ÷ 1,000,000 = 6%.
    const findings = checkPlan(single("{ id: c, type: commission, measure: sales, share: 1, rate: 0.05 }"));
    const [f] = find(findings, "target_mismatch", "c");
    expect(f?.severity).toBe("error");
    expect(f?.numbers).toMatchObject({
      payout: "50000.00",
      target: "60000.00",
      difference: "-10000.00",
      impliedRate: "0.06",
    });
    expect(f?.message).toBe(
      "c pays 50,000 at 100% attainment, not its target of 60,000: 10,000 less (16.67% of the target). " +
        "At 100% the volume is 1,000,000 of sales; a rate of 6% would pay the target.",
    );
  });

  it("names the band holding 100% and the rate it would need, for tiers written with rates", () => {
    // Bands: up to 50% at 4%, up to 100% at 5%, above at 8%. At 100%: 500,000 × 4% + 500,000 × 5% = 45,000.
    // Band 2 would need (60,000 − 20,000) ÷ 500,000 = 8%.
    const findings = checkPlan(
      single(
        `{ id: c, type: commission, measure: sales, share: 1, tiers: { bands: [{ upTo: 0.5, rate: 0.04 }, { upTo: 1, rate: 0.05 }, { rate: 0.08 }] } }`,
      ),
    );
    const [f] = find(findings, "target_mismatch", "c");
    expect(f?.numbers).toMatchObject({
      payout: "45000.00",
      difference: "-15000.00",
      band: "2",
      impliedRate: "0.08",
    });
    expect(f?.message).toContain("Band 2, which holds 100%, would need a rate of 8% (instead of 5%)");
  });

  it("gives the multiple of the base commission rate for a band written as one", () => {
    // The quick start: BCR 60,000 ÷ 1,000,000 = 6%; band 2 at 1 × BCR pays 500,000 × 6% = 30,000 on top of
    // 20,000: 50,000. Band 2 would need 40,000 ÷ 500,000 = 8% = 1.333333 × BCR.
    const [f] = find(
      checkPlan(loadPlan("test/fixtures/off-target-ae.yaml")),
      "target_mismatch",
      "new-business",
    );
    expect(f?.numbers).toMatchObject({
      payout: "50000.00",
      impliedRate: "0.08",
      impliedMultiplier: "1.333333",
    });
  });

  it("says where a bonus curve stands at 100%, and confirms a component that pays its target", () => {
    // The curve passes (1, 0.9): 0.9 × 60,000 = 54,000, 10% short.
    const off = checkPlan(
      single(
        "{ id: b, type: bonus, measure: sales, share: 1, over: year, curve: [[0, 0], [1, 0.9], [2, 2]] }",
      ),
    );
    expect(find(off, "target_mismatch", "b")[0]?.numbers).toMatchObject({
      payout: "54000.00",
      fractionAt100: "0.9",
    });
    const on = checkPlan(single("{ id: b, type: bonus, measure: sales, share: 1, curve: [[0, 0], [1, 1]] }"));
    expect(find(on, "target_met", "b")).toHaveLength(1);
    expect(on.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("checkPlan: the payout curve", () => {
  it("finds the cliff a gate makes, with its size", () => {
    // Gate 0.5 on a curve starting at (0.5, 0.4): just below 50% nothing, at 50% 0.4 × 20,000 = 8,000, 40% of
    // the target: above the 10% threshold.
    const p = plan(`
      targets: { variable: 20000, quota: { sales: 1000000 } }
      measures: { sales: {} }
      components:
        - { id: b, type: bonus, measure: sales, share: 1, gate: 0.5, curve: [[0.5, 0.4], [1, 1]] }
    `);
    const [cliff] = find(checkPlan(p), "cliff", "b");
    expect(cliff).toMatchObject({
      severity: "warning",
      numbers: {
        attainment: "0.5",
        before: "0.00",
        after: "8000.00",
        jump: "8000.00",
        target: "20000.00",
        share: "0.4",
      },
    });
    expect(cliff?.message).toContain("jumps by 8,000 (40% of its target 20,000) at 50% attainment");
    // A lower threshold than the jump's share still reports it; a higher one does not.
    expect(find(checkPlan(p, { cliff: "0.5" }), "cliff")).toEqual([]);
  });

  it("finds where the payout falls: a retroactive table whose rate drops above quota", () => {
    // Retroactive: at exactly 100% the whole 1,000,000 at 6% = 60,000; just above, the whole at 4% ≈ 40,000.
    const findings = checkPlan(
      single(
        `{ id: c, type: commission, measure: sales, share: 1, tiers: { method: retroactive, bands: [{ upTo: 1, rate: 0.06 }, { rate: 0.04 }] } }`,
      ),
    );
    const [f] = find(findings, "payout_falls", "c");
    expect(f?.severity).toBe("error");
    expect(f?.numbers).toMatchObject({ from: "1", before: "60000.00", after: "40000.00", fall: "20000.00" });
    expect(f?.message).toContain("(at the upper edge of band 1 (upTo 1))");
  });

  it("costs the plan at 50, 100, 150 and 200%, with effective rates", () => {
    // Base 100,000; commission 6% with target 60,000. At 150%: 90,000 commission → 190,000 total, 12.67% of
    // 1,500,000 (variable alone 6%).
    const p = plan(`
      targets: { base: 100000, variable: 60000, quota: { sales: 1000000 } }
      measures: { sales: {} }
      components:
        - { id: base, type: base }
        - { id: c, type: commission, measure: sales, share: 1, rate: 0.06 }
    `);
    const costs = find(checkPlan(p), "cost_at");
    expect(costs.map((f) => f.numbers.attainment)).toEqual(["0.5", "1", "1.5", "2"]);
    expect(costs[2]?.numbers).toEqual({
      attainment: "1.5",
      "pay.base": "100000.00",
      "pay.c": "90000.00",
      "rate.c": "0.06",
      total: "190000.00",
      base: "100000.00",
      variable: "90000.00",
      revenue: "1500000.00",
      effectiveRate: "0.126667",
      variableRate: "0.06",
    });
    expect(costs[2]?.message).toBe(
      "At 150% attainment the plan pays 190,000 a year: 100,000 base and 90,000 variable. That is 12.67% of 1,500,000 sales (the variable pay alone 6%).",
    );
  });
});

describe("checkPlan: caps", () => {
  it("places a cap's reach: below 100% an error, below 150% a warning", () => {
    // 6% of the volume, capped at 0.8 × 60,000 = 48,000: reached at 48,000 ÷ 60,000 = 80%.
    const low = checkPlan(
      single("{ id: c, type: commission, measure: sales, share: 1, rate: 0.06, cap: { ofTarget: 0.8 } }"),
    );
    expect(find(low, "cap_reached", "c")[0]).toMatchObject({
      severity: "error",
      numbers: { attainment: "0.8", cap: "48000.00" },
    });
    // Capped at 1.2 × 60,000 = 72,000: reached at 120%.
    const mid = checkPlan(
      single("{ id: c, type: commission, measure: sales, share: 1, rate: 0.06, cap: { ofTarget: 1.2 } }"),
    );
    expect(find(mid, "cap_reached", "c")[0]).toMatchObject({
      severity: "warning",
      numbers: { attainment: "1.2" },
    });
  });

  it("finds a band that starts above the cap's reach and never pays", () => {
    // 6% to 100% (60,000), 9% to 150%, 12% above; cap 1.5 × 60,000 = 90,000, reached at 100% + 30,000 ÷ 9% of
    // 1,000,000 = 133.33%: band 3 (above 150%) never pays.
    const findings = checkPlan(
      single(
        `{ id: c, type: commission, measure: sales, share: 1, tiers: { bands: [{ upTo: 1, multiplier: 1 }, { upTo: 1.5, multiplier: 1.5 }, { multiplier: 2 }] }, cap: { ofTarget: 1.5 } }`,
      ),
    );
    expect(find(findings, "cap_reached", "c")[0]?.numbers.attainment).toBe("1.333333");
    expect(find(findings, "band_never_pays", "c")[0]).toMatchObject({
      severity: "warning",
      numbers: { band: "3", from: "1.5" },
    });
  });
});

describe("checkPlan: parts that never apply", () => {
  it("finds rate rows after a catch-all or repeating a condition, and SPIFF windows outside the year", () => {
    const when = { fact: "segment", operator: "equal", value: "enterprise" };
    const p = rawPlan({
      measures: { sales: {} },
      components: [
        {
          id: "table",
          type: "commission",
          measure: "sales",
          rates: [
            { when, rate: 0.06, label: "enterprise" },
            { when, rate: 0.07, label: "enterprise again" },
            { rate: 0.04, label: "default" },
            { rate: 0.05, label: "never" },
          ],
        },
        {
          id: "late",
          type: "spiff",
          window: { from: "2027-02-01", to: "2027-03-31" },
          pay: { perDeal: 100 },
        },
        {
          id: "straddle",
          type: "spiff",
          window: { from: "2026-12-01", to: "2027-01-31" },
          pay: { perDeal: 100 },
        },
      ],
    });
    const findings = checkPlan(p);
    expect(find(findings, "rate_row_duplicate", "table")[0]).toMatchObject({
      severity: "warning",
      numbers: { row: "2", sameAs: "1" },
    });
    expect(find(findings, "rate_row_unreachable", "table")[0]).toMatchObject({
      severity: "error",
      numbers: { row: "4", catchAll: "3" },
    });
    expect(find(findings, "window_outside_year", "late")[0]?.severity).toBe("error");
    expect(find(findings, "window_partly_outside_year", "straddle")[0]?.severity).toBe("warning");
  });

  it("finds curve segments below the gate, and measures no component uses", () => {
    const p = plan(`
      targets: { variable: 10000, quota: { sales: 1000000, calls: 500 } }
      measures: { sales: {}, calls: {} }
      components:
        - { id: b, type: bonus, measure: sales, share: 1, gate: 0.5, curve: [[0.2, 0.1], [0.4, 0.3], [1, 1]] }
    `);
    const findings = checkPlan(p);
    expect(find(findings, "curve_below_gate", "b").map((f) => f.numbers)).toEqual([
      { from: "0.2", to: "0.4", gate: "0.5" },
    ]);
    expect(find(findings, "measure_unused")[0]).toMatchObject({
      severity: "warning",
      numbers: { measure: "calls", quota: "500" },
    });
  });
});

describe("checkPlan on the plan templates", () => {
  it("runs on every template and the quick start, and formats findings one per line", () => {
    const files = [
      "test/fixtures/off-target-ae.yaml",
      ...readdirSync("plans")
        .filter((f) => f.endsWith(".yaml"))
        .map((f) => `plans/${f}`),
    ];
    for (const file of files) {
      const findings = checkPlan(loadPlan(file));
      expect(find(findings, "cost_at")).toHaveLength(4);
      const text = formatFindings(findings);
      expect(text.split("\n").filter(Boolean)).toHaveLength(findings.length);
    }
  });
});
