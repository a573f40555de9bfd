import { describe, expect, it } from "vitest";
import { CompplanError } from "../../src/errors/index.js";
import { loadPlan } from "../../src/plan/index.js";
import { curveTable, htmlTable, payoutCurve, renderCurveSvg } from "../../src/simulate/index.js";

const quick = loadPlan("test/fixtures/off-target-ae.yaml");

describe("payoutCurve", () => {
  it("gives pay and effective rate per component and in total, as decimal strings", () => {
    const rows = payoutCurve(quick, { from: 0, to: "1.5", step: "0.5" });
    // Quota 1,000,000; commission target 60,000 (BCR 6%), bands 4% to 50%, 6% to 100%, 9% above; the bonus
    // pays 5,000 a quarter at 100% on a curve (0.5, 0) → (1, 1) → (1.5, 2), gated at 50%.
    //   50%: commission 500,000 × 4% = 20,000; bonus 0                              → 140,000
    //  100%: 20,000 + 500,000 × 6% = 50,000; bonus 4 × 5,000 = 20,000                → 190,000
    //  150%: 50,000 + 500,000 × 9% = 95,000; bonus 4 × 2 × 5,000 = 40,000           → 255,000
    expect(curveTable(rows)).toEqual([
      {
        attainment: "0",
        "base-salary": "120000.00",
        "new-business": "0.00",
        "q-bonus": "0.00",
        total: "120000.00",
        effectiveRate: "",
      },
      {
        attainment: "0.5",
        "base-salary": "120000.00",
        "new-business": "20000.00",
        "q-bonus": "0.00",
        total: "140000.00",
        effectiveRate: "0.280000",
      },
      {
        attainment: "1",
        "base-salary": "120000.00",
        "new-business": "50000.00",
        "q-bonus": "20000.00",
        total: "190000.00",
        effectiveRate: "0.190000",
      },
      {
        attainment: "1.5",
        "base-salary": "120000.00",
        "new-business": "95000.00",
        "q-bonus": "40000.00",
        total: "255000.00",
        effectiveRate: "0.170000",
      },
    ]);
    // Each component's effective rate is its pay over its own measure: 95,000 ÷ 1,500,000.
    expect(rows.find((r) => r.attainment === "1.5" && r.component === "new-business")).toEqual({
      attainment: "1.5",
      component: "new-business",
      name: "new-business",
      type: "commission",
      measure: "bookings",
      value: "1500000.00",
      payout: "95000.00",
      effectiveRate: "0.063333",
    });
  });

  it("refuses a step that is not positive, or an upside-down range", () => {
    expect(() => payoutCurve(quick, { step: 0 })).toThrow(CompplanError);
    expect(() => payoutCurve(quick, { from: 2, to: 1 })).toThrow(/below/);
  });
});

describe("renderCurveSvg", () => {
  it("draws an SVG with its axes titled and a line for each series", async () => {
    const rows = payoutCurve(quick, { from: 0, to: 2, step: "0.1" });
    const svg = await renderCurveSvg(rows, { title: quick.name, currency: "USD" });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("</svg>");
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(
      expect.arrayContaining(["Attainment", "Payout for the year (USD)", "Component", quick.name]),
    );
    expect(texts).toEqual(expect.arrayContaining(["0%", "100%", "200%"]));
    // One line mark (a <path> in a mark-line group) per series, named in its accessible label.
    const lines = [
      ...svg.matchAll(/<g class="mark-line role-mark[^"]*"[^>]*><path aria-label="([^"]*)"[^>]*d="M[^"]+"/g),
    ];
    const series = lines.map((m) => /Component: ([^;"]+)/.exec(m[1] ?? "")?.[1]);
    expect(series.sort()).toEqual(["Total", "base-salary", "new-business", "q-bonus"]);
  });

  it("draws the effective rate instead when asked", async () => {
    const svg = await renderCurveSvg(payoutCurve(quick, { from: "0.5", to: 2, step: "0.5" }), {
      metric: "effectiveRate",
      series: ["total"],
    });
    expect(svg).toContain("Effective rate (payout ÷ measure)");
    expect([...svg.matchAll(/class="mark-line role-mark/g)]).toHaveLength(1);
  });
});

describe("htmlTable", () => {
  it("escapes text and aligns numbers right", () => {
    expect(htmlTable([{ name: "<b>&", amount: "12.50" }])).toBe(
      '<table>\n<thead><tr><th>name</th><th>amount</th></tr></thead>\n<tbody>\n<tr><td>&lt;b&gt;&amp;</td><td style="text-align:right">12.50</td></tr>\n</tbody>\n</table>',
    );
  });
});
