import { describe, expect, it } from "vitest";
import { attainmentAsOf } from "../../src/evaluate/index.js";
import { parsePlan } from "../../src/plan/index.js";

// A monthly plan with an annual quota of 600,000: 50,000 a month without seasonality.
const plan = parsePlan(`compplan: 1
id: monthly
name: Monthly
currency: USD
year: { start: 2026-01-01 }
payPeriod: month
targets: { variable: 12000, quota: { bookings: 600000 } }
measures: { bookings: {} }
components:
  - id: comm
    type: commission
    measure: bookings
    share: 1
    tiers: { bands: [ { upTo: 0.5, rate: 0.01 }, { upTo: 1.0, rate: 0.02 }, { rate: 0.03 } ] }
`);
const participants = [{ id: "ana", plan: "monthly" }];
const transactions = [
  { id: "jan", ownerId: "ana", amount: "42500", closeDate: "2026-01-20" },
  { id: "feb", ownerId: "ana", amount: "55000", closeDate: "2026-02-10" },
  { id: "mar", ownerId: "ana", amount: "52500", closeDate: "2026-03-05" },
];

function row(asOf: string, scope: string, basis: string) {
  const { rows } = attainmentAsOf([plan], { participants, transactions, asOf });
  return rows.find((r) => r.scope === scope && r.basis === basis);
}

describe("attainmentAsOf", () => {
  it("January: 42,500 of 50,000 = 85%", () => {
    expect(row("2026-01-31", "period", "quota-to-date")).toMatchObject({
      value: "42500.00",
      quota: "50000.00",
      attainment: "0.85",
    });
  });

  it("February: the month 55,000 / 50,000 = 110%; year to date 97,500 / 100,000 = 97.5% against quota to date", () => {
    expect(row("2026-02-28", "period", "quota-to-date")?.attainment).toBe("1.1");
    expect(row("2026-02-28", "year-to-date", "quota-to-date")).toMatchObject({
      value: "97500.00",
      quota: "100000.00",
      attainment: "0.975",
    });
    // against the annual quota: 97,500 / 600,000 = 0.1625
    expect(row("2026-02-28", "year-to-date", "annual-quota")?.attainment).toBe("0.1625");
  });

  it("March: year to date 150,000 / 150,000 = 100% against quota to date, quarter to date the same", () => {
    expect(row("2026-03-31", "year-to-date", "quota-to-date")?.attainment).toBe("1");
    expect(row("2026-03-31", "quarter-to-date", "quota-to-date")?.attainment).toBe("1");
  });

  it("leaves out deals dated after the as-of date and gives the pace and the gaps", () => {
    // As of Mar 1 the March deal (Mar 5) is not in yet: 97,500 to date. The month has 0 after 1 of 31 days.
    const period = row("2026-03-01", "period", "quota-to-date");
    expect(period).toMatchObject({
      value: "0.00",
      projected: "0.00",
      gaps: "needs 50,000 more to reach 100%",
    });
    // The year: 97,500 after 60 of 365 days → projected 97,500 × 365 / 60 = 593,125.00;
    // gaps to 100% (600,000 − 97,500 = 502,500) and to the 50% band edge (300,000 − 97,500 = 202,500).
    const year = row("2026-03-01", "year-to-date", "annual-quota");
    expect(year?.projected).toBe("593125.00");
    expect(year?.gaps).toBe("needs 502,500 more to reach 100%; needs 202,500 more to reach 50%");
  });
});
