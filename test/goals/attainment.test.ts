import { describe, expect, it } from "vitest";
import { periodsOfYear } from "../../src/calendar/index.js";
import type { CompplanError } from "../../src/errors/index.js";
import {
  attainment,
  attainmentReport,
  attainmentReportRows,
  INVALID_ARGUMENT,
} from "../../src/goals/index.js";
import { Decimal } from "../../src/money/index.js";

describe("attainment", () => {
  it("is value over quota, exact, and null for a zero quota", () => {
    // 42,500 / 50,000 = 0.85
    expect(attainment(new Decimal(42500), new Decimal(50000))?.toString()).toBe("0.85");
    expect(attainment("1", "3")?.equals(new Decimal(1).div(3))).toBe(true);
    expect(attainment(100, 0)).toBeNull();
    expect(attainment(-5000, 50000)?.toString()).toBe("-0.1");
  });
});

// Monthly quota 50,000 for the 12 months of 2026 (annual 600,000); sales 42,500, 55,000, 52,500, then 40,000
// in April and nothing recorded after.
const sales = [42500, 55000, 52500, 40000];
const months = periodsOfYear("2026-01-01", "month").map((p, i) => ({
  name: p.name,
  start: p.start,
  end: p.end,
  value: sales[i] ?? 0,
  quota: 50000,
}));
const byScope = (r: ReturnType<typeof attainmentReport>) =>
  Object.fromEntries(
    r.lines.map((l) => [`${l.scope} / ${l.basis}`, [l.value, l.quota, l.attainment].map(String)]),
  );

describe("attainmentReport", () => {
  it("January: 42,500 of 50,000 = 85% for the period, the quarter and the year to date", () => {
    const r = attainmentReport({ measure: "bookings", periods: months, periodIndex: 0 });
    expect(r.annualQuota.toString()).toBe("600000"); // 12 × 50,000
    expect(byScope(r)).toEqual({
      "period / quota-to-date": ["42500", "50000", "0.85"],
      // 42,500 / 600,000 = 0.0708333…
      "period / annual-quota": ["42500", "600000", new Decimal(42500).div(600000).toString()],
      "quarter-to-date / quota-to-date": ["42500", "50000", "0.85"],
      "quarter-to-date / annual-quota": ["42500", "600000", new Decimal(42500).div(600000).toString()],
      "year-to-date / quota-to-date": ["42500", "50000", "0.85"],
      "year-to-date / annual-quota": ["42500", "600000", new Decimal(42500).div(600000).toString()],
    });
  });

  it("February: 97.5% year to date against quota to date (97,500 / 100,000)", () => {
    // period: 55,000 / 50,000 = 1.1; to date: 42,500 + 55,000 = 97,500 of 2 × 50,000 = 100,000 → 0.975;
    // against the annual quota: 97,500 / 600,000 = 0.1625
    const r = attainmentReport({ periods: months, asOf: "2026-02-15" });
    expect(r.period).toEqual({ name: "2026-02", start: "2026-02-01", end: "2026-02-28", index: 1 });
    expect(byScope(r)["period / quota-to-date"]).toEqual(["55000", "50000", "1.1"]);
    expect(byScope(r)["year-to-date / quota-to-date"]).toEqual(["97500", "100000", "0.975"]);
    expect(byScope(r)["year-to-date / annual-quota"]).toEqual(["97500", "600000", "0.1625"]);
  });

  it("March: 100% year to date against quota to date (150,000 / 150,000), 25% of the annual quota", () => {
    // 42,500 + 55,000 + 52,500 = 150,000 of 3 × 50,000 = 150,000 → 1; 150,000 / 600,000 = 0.25
    const r = attainmentReport({ periods: months, periodIndex: 2 });
    expect(byScope(r)["period / quota-to-date"]).toEqual(["52500", "50000", "1.05"]);
    expect(byScope(r)["quarter-to-date / quota-to-date"]).toEqual(["150000", "150000", "1"]);
    expect(byScope(r)["year-to-date / quota-to-date"]).toEqual(["150000", "150000", "1"]);
    expect(byScope(r)["year-to-date / annual-quota"]).toEqual(["150000", "600000", "0.25"]);
    const ytd = r.lines.find((l) => l.scope === "year-to-date" && l.basis === "quota-to-date")!;
    expect(ytd.periods).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(ytd.label).toBe("year to date, 2026-01-01..2026-03-31 vs quota to date");
  });

  it("April: the quarter to date restarts with Q2 while the year runs on", () => {
    // Q2 to date: 40,000 / 50,000 = 0.8; year to date 190,000 / 200,000 = 0.95
    const r = attainmentReport({ periods: months, periodIndex: 3 });
    const qtd = r.lines.find((l) => l.scope === "quarter-to-date" && l.basis === "quota-to-date")!;
    expect([qtd.from, qtd.to, qtd.attainment?.toString()]).toEqual(["2026-04-01", "2026-04-30", "0.8"]);
    expect(qtd.label).toContain("quarter to date (2026-Q2)");
    expect(byScope(r)["year-to-date / quota-to-date"]).toEqual(["190000", "200000", "0.95"]);
  });

  it("leaves out quarter to date for periods longer than a quarter, and takes an explicit annual quota", () => {
    const halves = periodsOfYear("2026-01-01", "half").map((p) => ({ ...p, value: 100, quota: 200 }));
    const r = attainmentReport({ periods: halves, periodIndex: 1, annualQuota: 500 });
    expect(r.lines.map((l) => l.scope)).toEqual(["period", "period", "year-to-date", "year-to-date"]);
    // 200 / 400 to date; 200 / 500 annual
    expect(byScope(r)["year-to-date / quota-to-date"]).toEqual(["200", "400", "0.5"]);
    expect(byScope(r)["year-to-date / annual-quota"]).toEqual(["200", "500", "0.4"]);
  });

  it("gives null attainment for a zero quota to date", () => {
    const r = attainmentReport({
      periods: [{ start: "2026-01-01", end: "2026-01-31", value: 10, quota: 0 }],
      periodIndex: 0,
    });
    expect(r.lines.every((l) => l.attainment === null)).toBe(true);
  });

  it("flattens to rows of strings for the CLI", () => {
    const rows = attainmentReportRows(
      attainmentReport({ measure: "bookings", periods: months, periodIndex: 1 }),
    );
    expect(rows.find((r) => r.scope === "year-to-date" && r.basis === "quota-to-date")).toEqual({
      measure: "bookings",
      period: "2026-02",
      scope: "year-to-date",
      basis: "quota-to-date",
      label: "bookings: year to date, 2026-01-01..2026-02-28 vs quota to date",
      from: "2026-01-01",
      to: "2026-02-28",
      value: "97500.00",
      quota: "100000.00",
      attainmentPercent: "97.50",
    });
  });

  it("refuses an asOf outside the periods, overlapping periods and a missing current period", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as CompplanError).code;
      }
    };
    expect(code(() => attainmentReport({ periods: months, asOf: "2027-01-01" }))).toBe(INVALID_ARGUMENT);
    expect(code(() => attainmentReport({ periods: [months[1]!, months[0]!], periodIndex: 0 }))).toBe(
      INVALID_ARGUMENT,
    );
    expect(code(() => attainmentReport({ periods: months }))).toBe(INVALID_ARGUMENT);
  });
});
